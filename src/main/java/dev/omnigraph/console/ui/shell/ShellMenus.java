package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.prefs.Theme;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window's menus: File, View (theme, live refresh), Cluster (the registered actions), Help. */
final class ShellMenus {
    private ShellMenus() {}

    static MenuBar build(ConsoleWindow window) {
        MenuBar bar = new MenuBar(file(window), view(window), cluster(window), help(window));
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static Menu file(ConsoleWindow window) {
        MenuItem connect = item("_Connect…", e -> window.showConnect());
        connect.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem close = item("_Close cluster", e -> window.closeSelected());
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        MenuItem preferences = item("_Preferences…", e -> window.showPreferences());
        preferences.setId("menu-preferences");
        preferences.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        MenuItem quit = item("_Quit", e -> window.quit());
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        return new Menu("_File", null, connect, close, new SeparatorMenuItem(), preferences, new SeparatorMenuItem(), quit);
    }

    /** The theme radio items; the Preferences dialog changes the theme too, so the marks follow when the menu opens. */
    private static Menu themes(ConsoleWindow window) {
        Menu themeMenu = new Menu("_Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.label());
            r.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(themes);
            r.setSelected(window.theme().themeProperty().get() == t);
            r.setOnAction(e -> window.setTheme(t));
            r.setUserData(t);
            themeMenu.getItems().add(r);
        }
        themeMenu.setOnShowing(e -> themes.getToggles().forEach(
                x -> x.setSelected(x.getUserData() == window.theme().themeProperty().get())));
        return themeMenu;
    }

    private static Menu liveRefreshIntervals(ConsoleWindow window) {
        Menu interval = new Menu("_Live refresh every");
        ToggleGroup intervals = new ToggleGroup();
        for (int seconds : List.of(2, 5, 15, 30, 60)) {
            RadioMenuItem r = new RadioMenuItem(seconds + " seconds");
            r.setToggleGroup(intervals);
            r.setSelected(window.shell().settings().pollIntervalProperty().get().toSeconds() == seconds);
            r.setOnAction(e -> window.shell().settings().pollIntervalProperty().set(Duration.ofSeconds(seconds)));
            r.setUserData(Duration.ofSeconds(seconds));
            interval.getItems().add(r);
        }
        interval.setOnShowing(e -> intervals.getToggles().forEach(
                x -> x.setSelected(x.getUserData().equals(window.shell().settings().pollIntervalProperty().get()))));
        return interval;
    }

    /** Refresh, theme, live refresh, then one item per page (Ctrl+1 … Ctrl+9). */
    private static Menu view(ConsoleWindow window) {
        MenuItem refresh = item("_Refresh", e -> {
            ClusterWorkspace w = window.activeWorkspace();
            if (w != null) {
                w.session().refresh();
            }
        });
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        Menu view = new Menu("_View", null, refresh, new SeparatorMenuItem(), themes(window), liveRefreshIntervals(window));
        view.getItems().add(new SeparatorMenuItem());
        int n = 1;
        for (ClusterViewProvider p : ClusterViews.all()) {
            MenuItem page = item(p.plainTitle(), e -> {
                ClusterWorkspace w = window.activeWorkspace();
                if (w != null) {
                    w.show(p.id());
                    w.focusCurrent();
                }
            });
            if (n <= 9) {
                page.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(n)), KeyCombination.SHORTCUT_DOWN));
            }
            n++;
            view.getItems().add(page);
        }
        return view;
    }

    /** The registered cluster actions, on the cluster whose tab is selected (disabled without one). */
    private static Menu cluster(ConsoleWindow window) {
        Menu cluster = new Menu("_Cluster");
        for (ClusterAction a : ClusterActions.all()) {
            MenuItem item = item(a.label(), e -> {
                ClusterWorkspace w = window.activeWorkspace();
                if (w != null) {
                    a.run().accept(w.context());
                }
            });
            item.setId("menu-action-" + a.id());
            cluster.getItems().add(item);
        }
        cluster.setOnShowing(e -> cluster.getItems().forEach(i -> i.setDisable(window.activeWorkspace() == null)));
        return cluster;
    }

    private static Menu help(ConsoleWindow window) {
        MenuItem about = item("_About OmniGraph Console", e -> window.dialogs().inform("About OmniGraph Console", "OmniGraph Console",
                "An administration console for OmniGraph clusters.\n\nPreferences: "
                        + (window.services().preferences().store() == null ? "in memory" : window.services().preferences().store().file())));
        MenuItem localS3 = item("_Local S3 endpoint (demo)…", e -> dev.omnigraph.console.ui.migrate.LocalS3Window.open(window.stage(),
                dev.omnigraph.console.ui.migrate.LocalS3Endpoint.shared(), window.services().runner()));
        localS3.setId("menu-local-s3");
        return new Menu("_Help", null, localS3, new SeparatorMenuItem(), about);
    }

    private static MenuItem item(String label, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem i = new MenuItem(label);
        i.setOnAction(action);
        return i;
    }

}
