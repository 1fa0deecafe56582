package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.prefs.WindowLayout;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.common.DialogService;
import dev.omnigraph.console.ui.common.FxDialogService;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.connect.ConnectView;
import dev.omnigraph.console.ui.connect.ConnectViewModel;
import dev.omnigraph.console.ui.preferences.PreferencesDialog;
import dev.omnigraph.console.ui.preferences.PreferencesViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.session.SessionSettings;
import dev.omnigraph.console.ui.session.ShellActions;
import dev.omnigraph.console.ui.task.Activity;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The console window: menus, a tab per open cluster plus the Connect tab, and a status bar with
 * the background activity. Built by {@link dev.omnigraph.console.ui.ConsoleApp} and by the UI tests
 * (with their own preferences, runner and home), so what is tested is what ships.
 *
 * <p>Activation: only the selected cluster tab's workspace is active (its session polls and its
 * visible page follows it); switching tabs or minimizing the window deactivates it.
 */
public final class ConsoleWindow {

    /** What the window needs from outside. */
    public record Services(PreferencesModel preferences, TaskRunner runner, ObservableList<Activity> activities, PollScheduler scheduler,
                           Clock clock, Path home, S3Settings environment, Path cwd, StoreOpener opener) {}

    private final Stage stage;
    private final Services services;
    private final ShellViewModel shell;
    private final ThemeManager theme;
    private final TabPane tabs = new TabPane();
    private final Tab connectTab;
    private final ConnectViewModel connectModel;
    private ConnectView connect;
    private final Map<ClusterSession, Tab> tabsBySession = new HashMap<>();
    private final Map<Tab, ClusterWorkspace> workspaces = new HashMap<>();
    private ClusterWorkspace activeWorkspace;
    private PreferencesDialog preferencesDialog;
    private final DialogService dialogs;
    private final QuitGuard quitGuard;

    public ConsoleWindow(Stage stage, Services services) {
        this(stage, services, true);
    }

    /**
     * @param connectFormNow build the Connect form now; {@code false} (the application's start) shows a
     *                       light placeholder in its tab for the first frame and builds the form on
     *                       first use or with {@link #connectView()}
     */
    public ConsoleWindow(Stage stage, Services services, boolean connectFormNow) {
        this.stage = stage;
        this.services = services;
        this.dialogs = new FxDialogService(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isFocused)
                .findFirst().orElse(stage));
        this.quitGuard = new QuitGuard(this::dialogs, () -> dev.omnigraph.console.ui.migrate.LocalS3Endpoint.shared().heldRoots());
        var prefs = services.preferences().get();
        this.theme = new ThemeManager(prefs.theme());
        followThemePreference();
        SessionSettings settings = new SessionSettings(prefs.pollInterval(), prefs.lockStaleAfter());
        this.shell = new ShellViewModel(services.runner(), services.preferences(), settings, services.scheduler(), services.clock(),
                services.opener());
        shell.recordLedgersIn(new dev.omnigraph.console.cluster.history.LedgerObservationCache(services.home()));

        connectModel = new ConnectViewModel(services.runner(), services.preferences(), services.environment(),
                services.cwd(), shell::open);
        dropOpenErrorOnEdit();
        connectTab = new Tab("＋ Connect");
        setUpTabs(connectFormNow);
        followSessions();
        showScene(prefs);
    }

    /** The window's theme is the preference's: a change in the menu is saved, a change in the preferences (dialog, reset) applied. */
    private void followThemePreference() {
        theme.themeProperty().addListener((o, a, b) -> services.preferences().update(p -> p.withTheme(b)));
        // the sessions follow the other preferences in ShellViewModel
        services.preferences().property().addListener((o, a, b) -> theme.themeProperty().set(b.theme()));
    }

    /** The last open's failure belongs to what was typed then: editing the form drops it (one error at a time). */
    private void dropOpenErrorOnEdit() {
        for (javafx.beans.Observable o : List.of(connectModel.rootProperty(), connectModel.configDirProperty(), connectModel.modeProperty(),
                connectModel.busyProperty())) {
            o.addListener(x -> shell.clearOpenError());
        }
    }

    /** The Connect tab (its form now, or a light placeholder until first use) in the cluster tab pane. */
    private void setUpTabs(boolean connectFormNow) {
        if (connectFormNow) {
            connectView();
        } else {
            connectTab.setContent(Ui.placeholder("Starting…"));
        }
        connectTab.setId("tab-connect");
        connectTab.setClosable(false);
        tabs.getTabs().add(connectTab);
        tabs.setId("cluster-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getStyleClass().add("cluster-tabs");
    }

    /** One tab per open session, the selected session's tab selected, the selected tab's workspace active. */
    private void followSessions() {
        shell.sessions().addListener((ListChangeListener<ClusterSession>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeTab);
                c.getAddedSubList().forEach(this::addTab);
            }
            relabelTabs();
        });
        shell.selectedProperty().addListener((o, a, b) -> {
            Tab t = b == null ? connectTab : tabsBySession.get(b);
            if (t != null) {
                tabs.getSelectionModel().select(t);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == connectTab) {
                connectView();
                shell.showConnect();
            }
            onTabSelected(b);
        });
        stage.iconifiedProperty().addListener((o, a, b) -> onTabSelected(tabs.getSelectionModel().getSelectedItem()));
    }

    /** Menus, tabs and status bar in the stage (sized to the remembered bounds within the screen); closing asks the quit guard. */
    private void showScene(ConsolePreferences prefs) {
        BorderPane root = new BorderPane();
        root.setTop(ShellMenus.build(this));
        root.setCenter(tabs);
        ObservableList<Activity> activities = services.activities() == null ? FXCollections.observableArrayList() : services.activities();
        root.setBottom(ActivityStatusBar.of(stage, activities, services.preferences().lastProblem().orElse("")));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(prefs.window().width(), screen.getWidth()),
                Math.min(prefs.window().height(), screen.getHeight()));
        theme.style(scene);
        stage.setScene(scene);
        stage.setTitle("OmniGraph Console");
        restoreBounds(prefs.window());
        stage.setOnCloseRequest(e -> {
            if (!quitGuard.mayQuit()) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            saveBounds();
            shell.closeAll();
        });
    }

    private void addTab(ClusterSession session) {
        ClusterWorkspace workspace = new ClusterWorkspace(session, ClusterViews.all(), () -> stage, services.preferences(), dialogs(),
                shellActions());
        Tab tab = new Tab(session.name(), workspace);
        tab.setId("tab-" + session.name());
        tab.setTooltip(new javafx.scene.control.Tooltip(session.location().root().display()));
        tab.setOnClosed(e -> shell.close(session));
        tabsBySession.put(session, tab);
        workspaces.put(tab, workspace);
        tabs.getTabs().add(tab);
    }

    /** Two open clusters with the same name get tab titles that tell them apart. */
    private void relabelTabs() {
        List<dev.omnigraph.console.cluster.ClusterLocation> open = shell.sessions().stream().map(ClusterSession::location).toList();
        tabsBySession.forEach((session, tab) -> tab.setText(TabLabels.label(session.location(), open)));
    }

    private void removeTab(ClusterSession session) {
        Tab tab = tabsBySession.remove(session);
        if (tab != null) {
            ClusterWorkspace w = workspaces.remove(tab);
            if (w == activeWorkspace) {
                w.deactivate();
                activeWorkspace = null;
            }
            tabs.getTabs().remove(tab);
        }
    }

    private void onTabSelected(Tab tab) {
        ClusterWorkspace next = stage.isIconified() || tab == null ? null : workspaces.get(tab);
        if (next != activeWorkspace && activeWorkspace != null) {
            activeWorkspace.deactivate();
        }
        activeWorkspace = next;
        stage.setTitle(next == null ? "OmniGraph Console" : next.session().name() + " — OmniGraph Console");
        if (next != null) {
            next.activate();
            if (shell.selectedProperty().get() != next.session()) {
                shell.selectedProperty().set(next.session());
            }
        }
    }

    /** Restores the saved position only when it is still on a screen (monitors change); the size never exceeds the screen. */
    private void restoreBounds(WindowLayout w) {
        boolean onSomeScreen = !Double.isNaN(w.x()) && !Double.isNaN(w.y())
                && !javafx.stage.Screen.getScreensForRectangle(w.x(), w.y(), Math.max(1, w.width() / 4), 40).isEmpty();
        if (onSomeScreen) {
            stage.setX(w.x());
            stage.setY(w.y());
        }
        stage.setMaximized(w.maximized());
    }

    private void saveBounds() {
        if (stage.getWidth() > 0) {
            services.preferences().update(p -> p.withWindow(p.window().withBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized())));
        }
    }

    /** Ctrl+Q: closes the window (and so quits) unless the admin keeps it open to save the local S3 endpoint's data. */
    public void quit() {
        if (quitGuard.mayQuit()) {
            stage.close();
        }
    }

    /** What pages and actions may ask of this window: open a cluster, mark a tab moved. */
    public ShellActions shellActions() {
        return new ShellActions() {
            @Override
            public void open(dev.omnigraph.console.ui.session.ConnectionSpec spec) {
                shell.open(spec);
            }

            @Override
            public void moved(ClusterSession source, String destination) {
                ClusterWorkspace w = workspace(source);
                if (w != null) {
                    w.markMoved(destination);
                }
            }
        };
    }

    /** The dialogs every view-model of this window asks. */
    public DialogService dialogs() {
        return dialogs;
    }

    /** File → Preferences…: one dialog at a time, brought to the front when already open. */
    public PreferencesDialog showPreferences() {
        if (preferencesDialog == null || !preferencesDialog.isShowing()) {
            preferencesDialog = new PreferencesDialog(stage, new PreferencesViewModel(services.preferences(),
                    dialogs()), this::applyDefaultLayout);
            preferencesDialog.show();
        }
        preferencesDialog.toFront();
        return preferencesDialog;
    }

    /** The saved layout was reset: the open window takes the default size, centred, not maximized. */
    void applyDefaultLayout() {
        WindowLayout d = services.preferences().get().window();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setMaximized(false);
        stage.setWidth(Math.min(d.width(), screen.getWidth()));
        stage.setHeight(Math.min(d.height(), screen.getHeight()));
        stage.centerOnScreen();
    }

    /** Opens what the command line named, or the demo clusters. */
    public void start(StartupArgs args) {
        if (args != null && args.namesCluster()) {
            shell.openLater("Open " + args.root().or(args::config).orElse(""), ctx -> List.of(args.resolve(services.cwd())));
        } else {
            shell.openDemos(services.home(), services.environment());
        }
    }

    /** Brings a cluster's tab to the front. */
    public void select(ClusterSession session) {
        Tab t = tabsBySession.get(session);
        if (t != null) {
            tabs.getSelectionModel().select(t);
        }
    }

    public void showConnect() {
        tabs.getSelectionModel().select(connectTab);
        connectView().focusFirst();
    }

    public void closeSelected() {
        ClusterWorkspace w = activeWorkspace;
        if (w != null) {
            shell.close(w.session());
        }
    }

    public ClusterWorkspace activeWorkspace() {
        return activeWorkspace;
    }

    public ClusterWorkspace workspace(ClusterSession session) {
        Tab t = tabsBySession.get(session);
        return t == null ? null : workspaces.get(t);
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ThemeManager theme() {
        return theme;
    }

    public Stage stage() {
        return stage;
    }

    /** The Connect form, built on first use. */
    public ConnectView connectView() {
        if (connect == null) {
            connect = new ConnectView(connectModel, () -> stage, shell.openErrorProperty());
            connectTab.setContent(connect);
        }
        return connect;
    }

    public Services services() {
        return services;
    }

    void setTheme(Theme t) {
        theme.themeProperty().set(t);
    }
}
