package dev.omnigraph.console.ui.recoveries;

import dev.omnigraph.console.ui.common.DetailGrid;
import dev.omnigraph.console.ui.common.PageLayout;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The Recoveries page: pending sidecars, whether the ledger moved since, and what each blocks. */
public final class RecoveriesView extends SnapshotPage<RecoveriesViewModel> {
    private final BorderPane root = new BorderPane();
    final TableView<RecoveryRow> table = new TableView<>();
    private final DetailGrid detail = new DetailGrid();

    public RecoveriesView(ViewContext context) {
        super(new RecoveriesViewModel(context.session()));
        root.getStyleClass().add("page");
        VBox header = new VBox(8, Ui.title("Recoveries"), Ui.muted("A sidecar is written by apply before it moves a graph and "
                + "removed when the ledger write lands. One that remains means an apply stopped half-way: the next apply or "
                + "refresh sweeps it; until then its graph is pending and serving quarantines it."));
        header.setPadding(new Insets(16, 20, 10, 20));
        root.setTop(header);

        table.getColumns().setAll(List.of(
                Ui.badgeColumn("Kind", r -> r.kind().equals("unreadable") ? Tagged.danger("unreadable") : Tagged.warn(r.kind()), 120),
                Ui.monoColumn("Graph", RecoveryRow::graph, 110),
                Ui.textColumn("Actor", RecoveryRow::actor, 100),
                Ui.textColumn("Started", r -> Ui.time(r.startedAt()), 200),
                Ui.badgeColumn("Ledger since it started", RecoveryRow::casBase, 190),
                Ui.textColumn("Blocks", RecoveryRow::blocksText, 420),
                Ui.monoColumn("Operation id", RecoveryRow::operationId, 250)));
        table.setItems(model.rows());
        table.setId("recoveries-table");
        table.setPlaceholder(Ui.placeholder("No recovery sidecars: no apply was interrupted."));
        table.setAccessibleText("Recovery sidecars");
        PageLayout.showSelection(table, model.selectedProperty(), model.goneProperty(), this::showDetail);
        root.setCenter(PageLayout.splitCenter(table, PageLayout.scrollingDetail(detail), 0.32, "recoveries.detail",
                context.preferences()));
        setPage(root, table);
    }

    private void showDetail(RecoveryRow r) {
        detail.clear();
        if (r == null) {
            detail.add("", Ui.muted(model.goneProperty().get().isEmpty() ? "Select a sidecar to see its details."
                    : model.goneProperty().get()));
            return;
        }
        detail.mono("Operation id", r.operationId()).mono("File", r.file());
        if (!r.problem().isEmpty()) {
            Label p = new Label(r.problem());
            p.setWrapText(true);
            detail.add("Problem", p);
        }
        detail.text("Kind", r.kind()).mono("Graph", r.graph()).text("Actor", r.actor()).text("Started", Ui.time(r.startedAt()))
                .mono("Graph URI", r.graphUri()).text("Manifest versions", r.manifestVersions()).mono("Approval id", r.approvalId());
        detail.add("Ledger since it started", Ui.badge(r.casBase()));
        FlowPane blocks = new FlowPane(6, 6);
        r.blocks().forEach(b -> blocks.getChildren().add(Ui.badge(Tagged.warn(b))));
        detail.add("Blocks", blocks);
    }
}
