package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.prefs.Theme;
import java.util.Objects;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Light and dark: one stylesheet over Modena ({@code console.css}) whose colours switch with a
 * {@code theme-dark} / {@code theme-light} class on every window's root. {@link Theme#SYSTEM}
 * follows the OS through JavaFX's {@code Platform.getPreferences().colorSchemeProperty()} and
 * changes live; a manual choice overrides it. Every window the console opens (dialogs, wizards) is
 * styled as it appears. FX thread only.
 */
public final class ThemeManager {
    public static final String STYLESHEET = Objects.requireNonNull(ThemeManager.class.getResource("/dev/omnigraph/console/ui/console.css"))
            .toExternalForm();

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.SYSTEM);

    public ThemeManager(Theme initial) {
        theme.set(initial);
        theme.addListener((o, a, b) -> applyAll());
        Platform.getPreferences().colorSchemeProperty().addListener((o, a, b) -> {
            if (theme.get() == Theme.SYSTEM) {
                applyAll();
            }
        });
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    style(w);
                }
            }
        });
        applyAll();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Whether the effective scheme is dark (the OS's when following it). */
    public boolean isDark() {
        return switch (theme.get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
    }

    /** Styles one scene now (for windows created before they are shown). */
    public void style(Scene scene) {
        if (scene == null) {
            return;
        }
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        Parent root = scene.getRoot();
        if (root != null) {
            boolean isDark = isDark();
            root.getStyleClass().removeAll("theme-dark", "theme-light");
            if (!root.getStyleClass().contains("console-root")) {
                root.getStyleClass().add("console-root");
            }
            root.getStyleClass().add(isDark ? "theme-dark" : "theme-light");
        }
    }

    private void style(Window w) {
        style(w.getScene());
        followRoot(w.getScene());
        w.sceneProperty().addListener((o, a, b) -> {
            style(b);
            followRoot(b);
        });
    }

    /**
     * A scene's root can be replaced while it shows (ControlsFX validation wraps it in a decoration
     * pane the first time a field is marked): the theme moves to the new root, and the old one, now
     * inside it, drops its classes so it does not pin the old theme on its subtree.
     */
    private void followRoot(Scene scene) {
        if (scene == null) {
            return;
        }
        scene.rootProperty().addListener((o, old, root) -> {
            if (old != null) {
                old.getStyleClass().removeAll("theme-dark", "theme-light", "console-root");
            }
            style(scene);
        });
    }

    private void applyAll() {
        for (Window w : Window.getWindows()) {
            style(w.getScene());
        }
    }
}
