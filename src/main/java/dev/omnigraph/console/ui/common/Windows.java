package dev.omnigraph.console.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Helpers for secondary windows (dialogs, wizards): same stylesheets, theme and icons as their owner. */
public final class Windows {
    private Windows() {}

    /** A scene styled like {@code owner}'s (stylesheets and the dark/light class on the root). */
    public static Scene styledScene(Window owner, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            Parent ownerRoot = owner.getScene().getRoot();
            for (String c : new String[] {"theme-dark", "theme-light"}) {
                if (ownerRoot.getStyleClass().contains(c)) {
                    root.getStyleClass().add(c);
                }
            }
        }
        if (!root.getStyleClass().contains("console-root")) {
            root.getStyleClass().add("console-root");
        }
        return scene;
    }

    public static void copyIcons(Window owner, Stage stage) {
        if (owner instanceof Stage s) {
            stage.getIcons().setAll(s.getIcons());
        }
    }
}
