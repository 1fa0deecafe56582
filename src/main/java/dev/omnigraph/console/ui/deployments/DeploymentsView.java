package dev.omnigraph.console.ui.deployments;

import dev.omnigraph.console.cluster.model.CapturedSources;
import dev.omnigraph.console.ui.common.ClusterView;
import dev.omnigraph.console.ui.common.PageLayout;
import dev.omnigraph.console.ui.common.RawDiffCell;
import dev.omnigraph.console.ui.common.RawLine;
import dev.omnigraph.console.ui.common.TableKeeper;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Deployments page (OmniGraph v0.13): retained results and the outstanding deployment, each
 * linked to its bundle in the catalog; the bundle's captured sources as files; a diff of the
 * captured configuration between any two deployments.
 */
public final class DeploymentsView extends SnapshotPage<DeploymentsViewModel> {
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final TableView<DeploymentRow> table = new TableView<>();

    public DeploymentsView(ViewContext context) {
        super(new DeploymentsViewModel(context.session()));
        this.context = context;
        root.getStyleClass().add("page");
        root.setId("deployments-page");
        Label notice = new Label();
        notice.setId("deployments-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.getStyleClass().addAll("banner", "status-info");
        notice.setMaxWidth(Double.MAX_VALUE);
        Label about = Ui.muted("Each deployment leaves a receipt in the ledger and its captured input as a content-addressed bundle "
                + "(resources/deployment/<sha256>.json), kept even after the receipt is evicted: history without bucket versioning.");
        about.setWrapText(true);
        VBox header = new VBox(8, Ui.title("Deployments"), about, notice);
        header.setPadding(new Insets(16, 20, 8, 20));
        root.setTop(header);
        TabPane tabs = PageLayout.innerTabs(new TabPane(), tab("Receipts", receiptsPane()), tab("Compare", comparePane()));
        root.setCenter(tabs);
        setPage(root, table);
    }

    private static Tab tab(String title, Node content) {
        return PageLayout.tab("deployments-tab-" + title.toLowerCase(java.util.Locale.ROOT), title, content);
    }

    private Node receiptsPane() {
        table.setId("deployments-table");
        table.setAccessibleText("Deployments");
        table.setItems(model.rows());
        table.getColumns().setAll(List.of(Ui.textColumn("Seq", DeploymentRow::sequence, 60),
                Ui.badgeColumn("State", DeploymentRow::state, 120),
                Ui.textColumn("Accepted", DeploymentRow::acceptedText, 200),
                Ui.textColumn("By", DeploymentRow::actor, 170),
                Ui.textColumn("Result revision", DeploymentRow::resultRevision, 130),
                Ui.textColumn("Graphs", DeploymentRow::graphs, 320),
                Ui.monoColumn("Bundle", r -> r.bundleDigest().substring(0, Math.min(16, r.bundleDigest().length())) + "…", 170),
                Ui.monoColumn("Deployment id", DeploymentRow::id, 560)));
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth() * 0.8));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(Ui.placeholder("No deployments."));
        TableKeeper.bind(table, model.selectedProperty());

        Label status = new Label();
        status.setId("deployments-bundle-status");
        status.setWrapText(true);
        status.textProperty().bind(model.bundleStatusProperty());
        Hyperlink inCatalog = new Hyperlink("Show bundle in the catalog →");
        inCatalog.setId("deployments-show-in-catalog");
        inCatalog.disableProperty().bind(model.selectedProperty().isNull());
        inCatalog.setOnAction(e -> showInCatalog());
        inCatalog.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "…"
        status.setMinWidth(0);
        javafx.scene.layout.HBox.setHgrow(status, Priority.ALWAYS);
        ListView<CapturedSources.File> files = new ListView<>(model.files());
        files.setId("deployments-files");
        files.setAccessibleText("Captured files");
        files.setPlaceholder(Ui.placeholder("No captured files."));
        files.setCellFactory(v -> new FileCell());
        files.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedFileProperty().set(b);
            }
        });
        model.selectedFileProperty().addListener((o, a, b) -> {
            if (b != null && files.getSelectionModel().getSelectedItem() != b) {
                files.getSelectionModel().select(b);
            }
        });
        TextArea text = new TextArea();
        text.setId("deployments-file-text");
        text.setEditable(false);
        text.getStyleClass().add("mono");
        model.selectedFileProperty().addListener((o, a, b) -> text.setText(b == null ? "" : b.text()));
        SplitPane sources = new SplitPane(files, text);
        sources.setDividerPositions(0.3);
        VBox bundle = new VBox(6, Ui.row(8, status, Ui.spacer(), inCatalog), sources);
        VBox.setVgrow(sources, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, bundle);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        VBox box = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(10, 20, 16, 20));
        return box;
    }

    private Node comparePane() {
        ComboBox<DeploymentRow> a = new ComboBox<>(model.rows());
        a.setId("deployments-compare-a");
        a.valueProperty().bindBidirectional(model.compareAProperty());
        a.setAccessibleText("Deployment A");
        ComboBox<DeploymentRow> b = new ComboBox<>(model.rows());
        b.setId("deployments-compare-b");
        b.valueProperty().bindBidirectional(model.compareBProperty());
        b.setAccessibleText("Deployment B");
        Button compare = new Button("Compare");
        compare.setId("deployments-compare");
        compare.setOnAction(e -> model.compare());
        Label summary = new Label();
        summary.setId("deployments-diff-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.diffSummaryProperty());
        ListView<RawLine> diff = new ListView<>(model.diff());
        diff.setId("deployments-diff");
        diff.getStyleClass().add("raw-diff");
        diff.setFixedCellSize(20);
        diff.setPlaceholder(Ui.placeholder("Nothing compared yet."));
        diff.setCellFactory(v -> new RawDiffCell());
        VBox box = new VBox(8, Ui.row(8, new Label("A"), a, new Label("B"), b, compare), summary, diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        box.setPadding(new Insets(10, 20, 16, 20));
        return box;
    }

    /** Opens the Catalog page with the selected deployment's bundle selected. */
    private void showInCatalog() {
        DeploymentRow r = model.selectedProperty().get();
        if (r == null) {
            return;
        }
        context.navigate().accept("catalog");
        ClusterView catalog = context.view("catalog");
        if (catalog != null) {
            catalog.reveal(r.bundleKey());
        }
    }

    private static final class FileCell extends ListCell<CapturedSources.File> {
        @Override
        protected void updateItem(CapturedSources.File f, boolean empty) {
            super.updateItem(f, empty);
            setText(empty || f == null ? null : f.path() + (f.roles().isEmpty() ? "" : "  ·  " + String.join(", ", f.roles())));
        }
    }
}
