package dev.omnigraph.console.ui.approvals;

import dev.omnigraph.console.ui.common.DetailGrid;
import dev.omnigraph.console.ui.common.PageLayout;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The Approvals page: every artifact, its state, and its bound digests against ledger and desired config. */
public final class ApprovalsView extends SnapshotPage<ApprovalsViewModel> {
    private final BorderPane root = new BorderPane();
    final TableView<ApprovalRow> table = new TableView<>();
    private final DetailGrid detail = new DetailGrid();

    public ApprovalsView(ViewContext context) {
        super(new ApprovalsViewModel(context.session()));
        root.getStyleClass().add("page");
        ComboBox<String> state = new ComboBox<>(FXCollections.observableArrayList(ApprovalsViewModel.STATES));
        state.valueProperty().bindBidirectional(model.stateFilterProperty());
        state.setAccessibleText("Filter approvals by state");
        Label note = Ui.muted("");
        note.textProperty().bind(model.desiredNoteProperty());
        VBox header = new VBox(8, Ui.row(12, Ui.title("Approvals"), Ui.spacer(), new Label("Show"), state), note);
        header.setPadding(new Insets(16, 20, 10, 20));
        root.setTop(header);

        table.getColumns().setAll(List.of(
                Ui.badgeColumn("State", r -> switch (r.state()) {
                    case "pending" -> Tagged.info("pending");
                    case "invalid" -> Tagged.danger("invalid");
                    default -> Tagged.neutral(r.state());
                }, 90),
                Ui.monoColumn("Resource", ApprovalRow::resource, 150),
                Ui.textColumn("Operation", ApprovalRow::operation, 80),
                Ui.textColumn("Approved by", ApprovalRow::approvedBy, 115),
                Ui.textColumn("Created", r -> Ui.time(r.createdAt()), 200),
                Ui.textColumn("Consumed", r -> Ui.time(r.consumedAt()), 200),
                Ui.badgeColumn("vs ledger", ApprovalRow::ledger, 200),
                Ui.badgeColumn("vs desired config", ApprovalRow::desired, 200),
                Ui.monoColumn("Approval id", ApprovalRow::id, 250)));
        SortedList<ApprovalRow> sorted = new SortedList<>(model.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("approvals-table");
        table.setPlaceholder(Ui.placeholder("No approval artifacts under __cluster/approvals/."));
        table.setAccessibleText("Approval artifacts");
        PageLayout.showSelection(table, model.selectedProperty(), model.goneProperty(), this::showDetail);
        root.setCenter(PageLayout.splitCenter(table, PageLayout.scrollingDetail(detail), 0.4, "approvals.detail",
                context.preferences()));
        setPage(root, table);
    }

    private void showDetail(ApprovalRow r) {
        detail.clear();
        if (r == null) {
            detail.add("", Ui.muted(model.goneProperty().get().isEmpty() ? "Select an approval to see its reason and bound digests."
                    : model.goneProperty().get()));
            return;
        }
        detail.mono("Approval id", r.id()).mono("File", r.file());
        if (!r.problem().isEmpty()) {
            Label p = new Label(r.problem());
            p.setWrapText(true);
            detail.add("Problem", p);
        }
        detail.mono("Resource", r.resource()).text("Operation", r.operation()).text("Reason", r.reason())
                .text("Approved by", r.approvedBy()).text("Created", Ui.time(r.createdAt())).text("Consumed", Ui.time(r.consumedAt()))
                .mono("Bound config", r.boundConfig()).mono("Bound before", r.boundBefore()).mono("Bound after", r.boundAfter());
        detail.add("vs ledger", Ui.badge(r.ledger()));
        detail.add("vs desired config", Ui.badge(r.desired()));
    }
}
