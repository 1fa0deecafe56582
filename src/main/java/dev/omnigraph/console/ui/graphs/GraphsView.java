package dev.omnigraph.console.ui.graphs;

import dev.omnigraph.console.cluster.TableSummary;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.PageLayout;
import dev.omnigraph.console.ui.common.TableKeeper;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Graphs page: each graph root with size, Lance tables and ledger linkage. */
public final class GraphsView extends SnapshotPage<GraphsViewModel> {
    private final BorderPane root = new BorderPane();
    final TableView<GraphRow> table = new TableView<>();
    private final ObservableList<TableSummary> tables = FXCollections.observableArrayList();

    public GraphsView(ViewContext context) {
        super(new GraphsViewModel(context.session()));
        root.getStyleClass().add("page");
        Label totals = Ui.muted("");
        totals.textProperty().bind(model.totalsProperty());
        VBox header = new VBox(8, Ui.row(12, Ui.title("Graphs"), totals));
        header.setPadding(new Insets(16, 20, 10, 20));
        root.setTop(header);

        TableColumn<GraphRow, String> objects = Ui.textColumn("Objects", r -> Format.count(r.summary().objects()), 90);
        objects.setComparator(Ui.numericComparator());
        TableColumn<GraphRow, String> bytes = Ui.textColumn("Size", r -> Format.bytes(r.summary().bytes()), 90);
        bytes.setComparator(Ui.bytesComparator());
        table.getColumns().setAll(List.of(Ui.monoColumn("Graph", GraphRow::id, 160),
                Ui.badgeColumn("Ledger", GraphRow::linkage, 190), objects, bytes,
                Ui.textColumn("Datasets", r -> String.valueOf(r.tables()), 90),
                Ui.textColumn("Last modified", r -> Ui.time(r.summary().lastModified()), 190),
                Ui.monoColumn("Root", r -> "graphs/" + r.id() + ".omni/", 220)));
        table.setItems(model.rows());
        table.setId("graphs-table");
        table.setPlaceholder(Ui.placeholder("No graph roots under graphs/."));
        table.setAccessibleText("Graph roots");
        TableKeeper.bind(table, model.selectedProperty());
        Label explanation = Ui.muted("");
        model.selectedProperty().addListener((o, a, b) -> {
            tables.setAll(b == null ? List.of() : b.summary().tables());
            explanation.setText(b == null ? model.goneProperty().get() : b.explanation());
        });
        model.goneProperty().addListener((o, a, b) -> {
            if (model.selectedProperty().get() == null) {
                explanation.setText(b);
            }
        });

        TableView<TableSummary> tableList = new TableView<>(tables);
        tableList.getColumns().setAll(List.of(Ui.monoColumn("Dataset", TableSummary::path, 320),
                Ui.textColumn("Kind", t -> t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), 110),
                Ui.textColumn("Objects", t -> Format.count(t.objects()), 80),
                Ui.textColumn("Size", t -> Format.bytes(t.bytes()), 90),
                Ui.textColumn("Versions", t -> Format.count(t.versions()), 80),
                Ui.textColumn("Latest", t -> t.latestVersion() < 0 ? "–" : String.valueOf(t.latestVersion()), 70)));
        tableList.setPlaceholder(Ui.placeholder("Select a graph to see its Lance datasets."));
        tableList.setAccessibleText("Lance datasets of the selected graph");
        VBox lower = new VBox(8, Ui.section("Lance datasets"), explanation, tableList);
        VBox.setVgrow(tableList, Priority.ALWAYS);
        lower.setPadding(new Insets(8, 0, 0, 0));
        root.setCenter(PageLayout.splitCenter(table, lower, 0.4, "graphs.datasets", context.preferences()));
        setPage(root, table);
    }
}
