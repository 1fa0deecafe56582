package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The Overview page: the cluster at a glance, each card linking to its page. */
public final class OverviewView extends SnapshotPage<OverviewViewModel> {
    private final ViewContext context;
    private final VBox content = new VBox(14);
    private final HBox extraBadges = new HBox(8);
    private final ScrollPane root;

    /**
     * @param badges extra badges for the title row, contributed by other features (the shell passes
     *               them: a feature does not know the others)
     */
    public OverviewView(ViewContext context, List<Function<ViewContext, Node>> badges) {
        super(new OverviewViewModel(context.session()));
        this.context = context;
        content.setPadding(new Insets(18, 22, 22, 22));
        content.getStyleClass().add("overview");
        for (Function<ViewContext, Node> badge : badges) {
            extraBadges.getChildren().add(badge.apply(context));
        }
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("page");
        model.modelProperty().addListener((o, a, b) -> render(b));
        Label waiting = Ui.placeholder("");
        waiting.setWrapText(true);
        waiting.textProperty().bind(model.placeholderProperty());
        content.getChildren().add(waiting);
        tickWhileShown(Duration.seconds(30), model::recompute);
        setPage(root, null);
    }

    private void render(OverviewModel m) {
        if (m == null) {
            return;
        }
        Node head = heading(m);

        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(6);
        int r = 0;
        fact(facts, r++, "Root", Ui.copyable("root", new ReadOnlyStringWrapper(m.root())));
        fact(facts, r++, "Storage", new Label(m.storageKind().equals("s3") ? "S3 bucket" : "Local folder"));
        if (m.configDir() != null) {
            fact(facts, r++, "Config folder", Ui.copyable("config folder", new ReadOnlyStringWrapper(m.configDir())));
        }
        fact(facts, r++, "State revision", Ui.mono(m.revision()));
        fact(facts, r++, "Applied config", Ui.copyable("applied config digest", new ReadOnlyStringWrapper(m.configDigest())));
        fact(facts, r, "State CAS", Ui.copyable("state CAS", new ReadOnlyStringWrapper(m.cas())));

        FlowPane statuses = new FlowPane(6, 6);
        for (Map.Entry<String, Long> e : m.statusCounts().entrySet()) {
            statuses.getChildren().add(Ui.badge(new Tagged(Format.count(e.getValue()) + " " + e.getKey(),
                    Severity.ofResourceStatus(e.getKey()))));
        }
        if (m.statusCounts().isEmpty()) {
            statuses.getChildren().add(Ui.muted("No resources recorded."));
        }
        VBox resources = Ui.card("Resources", big(Format.count(m.resources()), "in the applied revision"), statuses, link("Open ledger", "ledger"));

        Label lockText = Ui.muted(m.lock().explanation());
        VBox lock = Ui.card("State lock", Ui.badge(m.lock().badge()), lockText, link("Open lock", "lock"));

        boolean v2 = m.generation().map(g -> g.counters().containsKey("Ledger id")).orElse(false);
        VBox approvals = v2 ? Ui.card("Approvals (legacy)", Ui.muted("OmniGraph v0.13 has no approvals: " + Format.count(
                        m.pendingApprovals()) + " approval file" + (m.pendingApprovals() == 1 ? "" : "s")
                        + " under approvals/ and the ledger's approval_records are history from ≤ 0.11, not pending work."),
                link("Open approvals", "approvals"))
                : Ui.card("Approvals", big(Format.count(m.pendingApprovals()), "pending"),
                m.invalidApprovals() > 0 ? Ui.badge(Tagged.danger(m.invalidApprovals() + " invalid artifact(s)")) : Ui.muted("No invalid artifacts."),
                link("Open approvals", "approvals"));

        VBox sidecarList = new VBox(4);
        if (m.sidecars().isEmpty()) {
            sidecarList.getChildren().add(Ui.badge(Tagged.ok("None pending")));
        }
        for (String s : m.sidecars()) {
            Label l = new Label(s);
            l.setWrapText(true);
            sidecarList.getChildren().add(Ui.row(8, Ui.badge(Tagged.warn("pending")), l));
        }
        VBox recoveries = Ui.card("Recovery sidecars", sidecarList, link("Open recoveries", "recoveries"));

        VBox catalog = Ui.card("Catalog integrity", Ui.badge(m.catalog()), Ui.muted(m.catalogDetail()), link("Open catalog", "catalog"));
        VBox graphs = Ui.card("Graphs", big(Format.count(m.graphs()), "graph roots"),
                Ui.muted(Format.count(m.graphObjects()) + " objects · " + Format.bytes(m.graphBytes())),
                m.graphsNeedingAttention() > 0 ? Ui.badge(Tagged.warn(m.graphsNeedingAttention() + " need attention"))
                        : Ui.badge(Tagged.ok("All linked to the ledger")),
                link("Open graphs", "graphs"));

        VBox diagnostics = new VBox(6);
        if (m.diagnostics().isEmpty() && m.attention().isEmpty()) {
            diagnostics.getChildren().add(Ui.badge(Tagged.ok("No findings")));
        }
        for (Tagged t : m.attention()) {
            Label text = new Label(t.text());
            text.setWrapText(true);
            diagnostics.getChildren().add(Ui.row(8, Ui.badge(new Tagged(t.severity() == Severity.DANGER ? "error" : "attention",
                    t.severity())), text));
        }
        for (Diagnostic d : m.diagnostics()) {
            Label text = new Label(d.message());
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            Label code = Ui.mono(d.code());
            code.getStyleClass().add("muted");
            code.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the message wraps; the code stays whole
            diagnostics.getChildren().add(Ui.row(8, Ui.badge(d.isError() ? new Tagged("error", Severity.DANGER)
                    : new Tagged("warning", Severity.WARN)), code, text));
        }

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(14);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        VBox cluster = Ui.card("Cluster", facts);
        grid.add(cluster, 0, 0, 2, 1);
        int row = 1;
        if (m.generation().isPresent()) {
            grid.add(OverviewDeploymentCard.of(m.generation().get(), this::link), 0, row++, 2, 1);
        }
        grid.add(resources, 0, row);
        grid.add(lock, 1, row++);
        grid.add(approvals, 0, row);
        grid.add(recoveries, 1, row++);
        grid.add(catalog, 0, row);
        grid.add(graphs, 1, row++);
        grid.add(Ui.card("Findings", diagnostics), 0, row, 2, 1);
        for (Node n : grid.getChildren()) {
            if (n instanceof VBox v) {
                v.setMaxHeight(Double.MAX_VALUE);
                v.setMaxWidth(Double.MAX_VALUE);
                v.setMinWidth(0); // cards wrap their text to the page instead of widening it
            }
        }
        content.getChildren().setAll(head, grid);
    }

    /**
     * The cluster's name (never shortened), its badges (wrapping onto a second line when narrow),
     * and a line saying when it was read and last checked.
     */
    private Node heading(OverviewModel m) {
        Label name = Ui.title(m.name());
        name.setId("overview-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label lockBadge = Ui.badge(m.lock().badge());
        lockBadge.setId("overview-lock-badge");
        FlowPane badges = new FlowPane(8, 6, Ui.badge(m.ledger()), lockBadge, extraBadges);
        badges.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(badges, Priority.ALWAYS);
        HBox top = Ui.row(12, name, badges);
        Label read = Ui.muted(m.readSummary());
        read.setWrapText(true);
        Label checked = new Label(m.freshness().text());
        checked.setId("overview-last-checked");
        checked.setWrapText(true);
        if (m.freshness().severity() == Severity.DANGER) {
            Ui.styleBadge(checked, m.freshness());
        } else {
            checked.getStyleClass().add("muted");
        }
        FlowPane when = new FlowPane(14, 4, read, checked);
        return new VBox(6, top, when);
    }

    private static void fact(GridPane grid, int row, String label, Node value) {
        Label l = new Label(label);
        l.getStyleClass().add("fact-label");
        grid.add(l, 0, row);
        grid.add(value, 1, row);
        GridPane.setHgrow(value, Priority.ALWAYS);
    }

    private static Node big(String number, String what) {
        Label n = new Label(number);
        n.getStyleClass().add("big-number");
        Label w = Ui.muted(what);
        HBox h = Ui.row(8, n, w);
        return h;
    }

    private Hyperlink link(String text, String viewId) {
        Hyperlink h = new Hyperlink(text + " →");
        h.setAccessibleText(text);
        h.setOnAction(e -> context.navigate().accept(viewId));
        return h;
    }
}
