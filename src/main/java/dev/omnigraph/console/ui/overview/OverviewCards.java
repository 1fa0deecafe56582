package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Overview's cards, one per part of the cluster, each with a link to the page that shows it in full. */
final class OverviewCards {
    private final BiFunction<String, String, Hyperlink> link;

    /** @param link a link with this text that opens the page with this id */
    OverviewCards(BiFunction<String, String, Hyperlink> link) {
        this.link = link;
    }

    /** Where the cluster lives and which revision it is at. */
    VBox cluster(OverviewModel m) {
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
        return Ui.card("Cluster", facts);
    }

    VBox resources(OverviewModel m) {
        FlowPane statuses = new FlowPane(6, 6);
        for (Map.Entry<String, Long> e : m.statusCounts().entrySet()) {
            statuses.getChildren().add(Ui.badge(new Tagged(Format.count(e.getValue()) + " " + e.getKey(),
                    Severity.ofResourceStatus(e.getKey()))));
        }
        if (m.statusCounts().isEmpty()) {
            statuses.getChildren().add(Ui.muted("No resources recorded."));
        }
        return Ui.card("Resources", big(Format.count(m.resources()), "in the applied revision"), statuses,
                link.apply("Open ledger", "ledger"));
    }

    VBox lock(OverviewModel m) {
        return Ui.card("State lock", Ui.badge(m.lock().badge()), Ui.muted(m.lock().explanation()), link.apply("Open lock", "lock"));
    }

    /** Pending and invalid approvals; on a v0.13 root, that approval files are history from ≤ 0.11. */
    VBox approvals(OverviewModel m) {
        boolean v2 = m.generation().map(g -> g.counters().containsKey("Ledger id")).orElse(false);
        if (v2) {
            return Ui.card("Approvals (legacy)", Ui.muted("OmniGraph v0.13 has no approvals: " + Format.count(
                            m.pendingApprovals()) + " approval file" + (m.pendingApprovals() == 1 ? "" : "s")
                            + " under approvals/ and the ledger's approval_records are history from ≤ 0.11, not pending work."),
                    link.apply("Open approvals", "approvals"));
        }
        return Ui.card("Approvals", big(Format.count(m.pendingApprovals()), "pending"),
                m.invalidApprovals() > 0 ? Ui.badge(Tagged.danger(m.invalidApprovals() + " invalid artifact(s)"))
                        : Ui.muted("No invalid artifacts."),
                link.apply("Open approvals", "approvals"));
    }

    VBox recoveries(OverviewModel m) {
        VBox sidecarList = new VBox(4);
        if (m.sidecars().isEmpty()) {
            sidecarList.getChildren().add(Ui.badge(Tagged.ok("None pending")));
        }
        for (String s : m.sidecars()) {
            Label l = new Label(s);
            l.setWrapText(true);
            sidecarList.getChildren().add(Ui.row(8, Ui.badge(Tagged.warn("pending")), l));
        }
        return Ui.card("Recovery sidecars", sidecarList, link.apply("Open recoveries", "recoveries"));
    }

    VBox catalog(OverviewModel m) {
        return Ui.card("Catalog integrity", Ui.badge(m.catalog()), Ui.muted(m.catalogDetail()), link.apply("Open catalog", "catalog"));
    }

    VBox graphs(OverviewModel m) {
        return Ui.card("Graphs", big(Format.count(m.graphs()), "graph roots"),
                Ui.muted(Format.count(m.graphObjects()) + " objects · " + Format.bytes(m.graphBytes())),
                m.graphsNeedingAttention() > 0 ? Ui.badge(Tagged.warn(m.graphsNeedingAttention() + " need attention"))
                        : Ui.badge(Tagged.ok("All linked to the ledger")),
                link.apply("Open graphs", "graphs"));
    }

    /** What needs attention, then the reader's diagnostics (code beside the wrapped message). */
    VBox findings(OverviewModel m) {
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
            code.setMinWidth(Region.USE_PREF_SIZE); // the message wraps; the code stays whole
            diagnostics.getChildren().add(Ui.row(8, Ui.badge(d.isError() ? new Tagged("error", Severity.DANGER)
                    : new Tagged("warning", Severity.WARN)), code, text));
        }
        return Ui.card("Findings", diagnostics);
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
        return Ui.row(8, n, Ui.muted(what));
    }
}
