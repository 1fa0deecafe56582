package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.ClusterView;
import dev.omnigraph.console.ui.common.ProgressStrip;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.LiveChange;
import dev.omnigraph.console.ui.session.ShellActions;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * One open cluster on screen: a header (name, root, live-refresh state, what moved last, refresh
 * and actions), a failure banner with what to do, the page navigation and the current page. Pages
 * are created on first visit; only the visible page is active, and the session polls only while
 * the workspace is active.
 */
public final class ClusterWorkspace extends BorderPane {
    private final ClusterSession session;
    private final List<ClusterViewProvider> providers;
    private final Map<String, ClusterView> views = new HashMap<>();
    private final ListView<ClusterViewProvider> nav;
    private final StackPane content = new StackPane();
    private final ViewContext context;
    private ClusterView current;
    private boolean active;
    private final javafx.beans.property.StringProperty movedTo = new javafx.beans.property.SimpleStringProperty();

    public ClusterWorkspace(ClusterSession session, List<ClusterViewProvider> providers, java.util.function.Supplier<Window> owner,
                            dev.omnigraph.console.prefs.PreferencesModel preferences) {
        this(session, providers, owner, preferences, new dev.omnigraph.console.ui.common.FxDialogService(owner), ShellActions.NONE);
    }

    public ClusterWorkspace(ClusterSession session, List<ClusterViewProvider> providers, java.util.function.Supplier<Window> owner,
                            dev.omnigraph.console.prefs.PreferencesModel preferences, dev.omnigraph.console.ui.common.DialogService dialogs,
                            ShellActions shell) {
        this.session = session;
        this.providers = providers;
        this.context = new ViewContext(session, this::show, owner, this::view, preferences, dialogs, shell);
        getStyleClass().add("workspace");

        nav = new ListView<>(javafx.collections.FXCollections.observableArrayList(providers));
        nav.getStyleClass().add("nav");
        nav.setId("nav-" + session.name());
        nav.setAccessibleText("Pages of " + session.name());
        nav.setPrefWidth(190);
        nav.setCellFactory(v -> new NavCell());
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                select(b.id());
            }
        });
        session.snapshotProperty().addListener((o, a, b) -> nav.refresh());
        setLeft(nav);

        content.getStyleClass().add("workspace-content");
        VBox center = new VBox(movedBanner(), banner(), content);
        VBox.setVgrow(content, Priority.ALWAYS);
        setCenter(center);
        setTop(header());
        nav.getSelectionModel().select(0);
    }

    private Node header() {
        Label name = new Label(session.name());
        name.getStyleClass().add("workspace-name");
        Label root = Ui.mono(session.location().root().display());
        root.getStyleClass().add("muted");
        Label live = new Label();
        live.getStyleClass().add("live-indicator");
        live.textProperty().bind(Bindings.createStringBinding(() -> liveText(session.isActive(), session.failureProperty().get() != null,
                Format.duration(session.settings().pollIntervalProperty().get())),
                session.activeProperty(), session.failureProperty(), session.settings().pollIntervalProperty()));
        // green only while the last read worked: an unreachable endpoint is not "Live"
        session.failureProperty().addListener((o, a, b) -> live.pseudoClassStateChanged(FAILED, b != null));
        live.pseudoClassStateChanged(FAILED, session.failureProperty().get() != null);
        live.setAccessibleText("Live refresh state");
        Label change = new Label();
        change.setId("live-change");
        change.getStyleClass().add("live-change");
        change.textProperty().bind(Bindings.createStringBinding(() -> {
            if (session.changes().isEmpty()) {
                return "";
            }
            LiveChange c = session.changes().getFirst();
            return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault()).format(c.at())
                    + "  " + c.text();
        }, session.changes()));
        change.visibleProperty().bind(change.textProperty().isNotEmpty());
        Button refresh = new Button("Refresh");
        refresh.setId("workspace-refresh");
        refresh.setAccessibleText("Read the cluster again now");
        refresh.setOnAction(e -> session.refresh());
        refresh.disableProperty().bind(session.loadProgress().runningProperty());
        MenuButton actions = new MenuButton("Actions");
        actions.setAccessibleText("Actions on " + session.name());
        for (ClusterAction a : ClusterActions.all()) {
            MenuItem item = new MenuItem(a.label());
            item.setId("action-" + a.id());
            item.setOnAction(e -> a.run().accept(context));
            actions.getItems().add(item);
        }
        // the name and root wrap (a long name or path never squeezes the controls into "…"); the controls keep their width
        name.setWrapText(true);
        root.setWrapText(true);
        name.setMinWidth(0);
        root.setMinWidth(0);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {live, refresh, actions}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        change.setWrapText(true);
        change.setMinWidth(0);
        VBox where = new VBox(2, name, root);
        where.setMinWidth(0);
        HBox.setHgrow(where, Priority.ALWAYS);
        HBox top = new HBox(12, where, change, live, refresh, actions);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("workspace-header");
        top.setPadding(new Insets(10, 16, 10, 16));
        return new VBox(top, new ProgressStrip(session.loadProgress(), "reading " + session.name()));
    }

    /** After a cutover by this console: this root is no longer the cluster's authoritative storage. */
    private Node movedBanner() {
        Label text = new Label();
        text.setId("workspace-moved");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.getStyleClass().addAll("banner", "status-warn");
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.textProperty().bind(Bindings.createStringBinding(() -> movedTo.get() == null ? ""
                : "Moved to " + movedTo.get() + ": this root is no longer authoritative. The cluster's ledger now lives at the "
                + "destination (cutover by this console); what this tab shows is the old copy, kept as it was for a rollback.", movedTo));
        text.visibleProperty().bind(movedTo.isNotNull());
        text.managedProperty().bind(text.visibleProperty());
        return text;
    }

    /** Marks this root as moved to {@code destination} (a migration cut over from it). */
    public void markMoved(String destination) {
        movedTo.set(destination);
    }

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");

    /** The header's refresh state: live, paused, or failing (the last read did not work; it is retried). */
    static String liveText(boolean active, boolean failing, String interval) {
        if (failing) {
            return active ? "⚠ Not reading · retrying every " + interval : "⚠ Last read failed";
        }
        return active ? "● Live · every " + interval : "○ Paused";
    }

    private Node banner() {
        Label title = new Label();
        title.getStyleClass().add("banner-title");
        Label detail = new Label();
        detail.setWrapText(true);
        Label hint = new Label();
        hint.setWrapText(true);
        hint.getStyleClass().add("banner-hint");
        Button retry = new Button("Retry");
        retry.setOnAction(e -> session.refresh());
        VBox text = new VBox(4, title, detail, hint);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(12, text, retry);
        box.setId("workspace-failure");
        box.getStyleClass().addAll("banner", "status-danger");
        box.setPadding(new Insets(10, 16, 10, 16));
        box.setAlignment(Pos.CENTER_LEFT);
        session.failureProperty().addListener((o, a, b) -> showFailure(b, title, detail, hint));
        showFailure(session.failureProperty().get(), title, detail, hint);
        box.visibleProperty().bind(session.failureProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void showFailure(UserMessage m, Label title, Label detail, Label hint) {
        title.setText(m == null ? "" : m.title());
        detail.setText(m == null ? "" : m.detail());
        hint.setText(m == null ? "" : m.hint());
    }

    /** Shows a page by id (creating it on first use). */
    public void show(String id) {
        for (ClusterViewProvider p : providers) {
            if (p.id().equals(id)) {
                nav.getSelectionModel().select(p);
                return;
            }
        }
    }

    private void select(String id) {
        ClusterView next = view(id);
        if (next == null || next == current) {
            return;
        }
        if (current != null && active) {
            current.deactivate();
        }
        current = next;
        content.getChildren().setAll(next.node());
        if (active) {
            next.activate();
        }
    }

    /** The page with this id, created on first use; null for an unknown id. */
    public ClusterView view(String id) {
        ClusterView existing = views.get(id);
        if (existing != null) {
            return existing;
        }
        for (ClusterViewProvider p : providers) {
            if (p.id().equals(id)) {
                ClusterView v = p.factory().apply(context);
                views.put(id, v);
                return v;
            }
        }
        return null;
    }

    /** The workspace is on screen: the session polls and the current page follows it. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        session.activate();
        if (current != null) {
            current.activate();
        }
    }

    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        if (current != null) {
            current.deactivate();
        }
        session.deactivate();
    }

    public ClusterSession session() {
        return session;
    }

    public ViewContext context() {
        return context;
    }

    public String currentViewId() {
        return providers.stream().filter(p -> views.get(p.id()) == current).map(ClusterViewProvider::id).findFirst().orElse(null);
    }

    public void focusCurrent() {
        if (current != null && current.initialFocus() != null) {
            current.initialFocus().requestFocus();
        }
    }

    /** A navigation entry: the page title and, when useful, a small count badge. */
    private final class NavCell extends ListCell<ClusterViewProvider> {
        @Override
        protected void updateItem(ClusterViewProvider p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                setAccessibleText(null);
                return;
            }
            Label title = new Label(p.plainTitle());
            HBox box = new HBox(8, title, Ui.spacer());
            box.setAlignment(Pos.CENTER_LEFT);
            Tagged badge = navBadge(p.id(), session.snapshot());
            if (badge != null) {
                Label b = Ui.badge(badge);
                b.getStyleClass().add("nav-badge");
                box.getChildren().add(b);
            }
            setText(null);
            setGraphic(box);
            setAccessibleText(p.plainTitle() + (badge == null ? "" : ", " + badge.text()));
            setId("nav-" + p.id());
        }
    }

    static Tagged navBadge(String id, ClusterSnapshot s) {
        if (s == null) {
            return null;
        }
        return switch (id) {
            case "approvals" -> {
                int n = s.pendingApprovals().size();
                yield n == 0 ? null : new Tagged(String.valueOf(n), Severity.INFO);
            }
            case "recoveries" -> s.recoveries().isEmpty() ? null : new Tagged(String.valueOf(s.recoveries().size()), Severity.WARN);
            case "lock" -> s.lock() instanceof LockState.Free ? null : new Tagged("held", Severity.WARN);
            case "ledger" -> s.ledger().present() ? null : new Tagged("!", Severity.DANGER);
            case "catalog" -> s.catalog().missing().isEmpty() ? null : new Tagged(s.catalog().missing().size() + " missing", Severity.DANGER);
            default -> null;
        };
    }
}
