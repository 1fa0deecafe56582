package dev.omnigraph.console.ui.backups;

import dev.omnigraph.console.backup.BackupCatalog;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.ProgressStrip;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.ClusterView;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Backups page of a cluster: a backup location, its restore points (newest first), verify and
 * diff of the selected point against the live cluster, taking a new point, and the restore wizard.
 * The logic is {@link BackupsViewModel}; the JavaFX thread never waits on storage.
 */
public final class BackupsView implements ClusterView {
    private final BackupsViewModel model;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final TextField location = new TextField();

    public BackupsView(ViewContext context) {
        this.context = context;
        this.model = new BackupsViewModel(context.session());
        root.getStyleClass().add("page");
        location.setId("backups-location");
        location.setPromptText("backup location: a folder or s3://bucket/prefix");
        location.setAccessibleText("Backup location");
        location.textProperty().bindBidirectional(model.locationProperty());
        location.setOnAction(e -> model.list());
        Button list = new Button("List points");
        list.setId("backups-list");
        list.setOnAction(e -> model.list());
        VBox header = new VBox(8, Ui.title("Backups"), Ui.muted("Restore points are coherent copies of the whole root (ledger, catalog, "
                + "graph roots) taken with the writers stopped; objects already stored are not copied again."),
                Ui.row(8, location, list));
        header.setPadding(new Insets(16, 20, 10, 20));
        location.setPrefColumnCount(48);
        root.setTop(header);

        TableView<BackupCatalog.Entry> table = new TableView<>(model.points());
        table.setId("backups-points");
        table.setAccessibleText("Restore points");
        table.getColumns().setAll(List.of(Ui.monoColumn("Point", BackupCatalog.Entry::pointId, 200),
                Ui.badgeColumn("State", e -> e.complete() ? Tagged.ok("complete") : e.problem().isPresent() ? Tagged.danger("damaged")
                        : Tagged.warn("incomplete"), 100),
                Ui.textColumn("Ledger", point(p -> p.ledger().describe()), 260),
                Ui.textColumn("Objects", point(p -> Format.count(p.objects().size())), 80),
                Ui.textColumn("Size", point(p -> Format.bytes(p.totalBytes())), 90),
                Ui.textColumn("Copied", point(p -> Format.bytes(p.copiedBytes())), 90),
                Ui.textColumn("Source", point(RestorePoint::sourceRoot), 260)));
        table.setPlaceholder(Ui.placeholder("No restore points listed: give a location and list its points."));
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        Label verdict = Banners.verdict("backups-verdict", model.verdictProperty());
        Label failure = Banners.failure("backups-failure", model.failureProperty());
        TextArea details = new TextArea();
        details.setId("backups-details");
        details.setEditable(false);
        details.getStyleClass().add("mono");
        details.setPrefRowCount(8);
        details.textProperty().bind(model.detailsProperty());

        VBox center = new VBox(10, new ProgressStrip(model.progress(), "the backup task"), failure, table, actions(table), verdict, details,
                takePoint());
        VBox.setVgrow(table, Priority.ALWAYS);
        center.setPadding(new Insets(0, 20, 16, 20));
        root.setCenter(center);
    }

    private Node actions(TableView<BackupCatalog.Entry> table) {
        Button verify = new Button("Verify");
        verify.setId("backups-verify");
        verify.setAccessibleText("Re-read every object of the selected point and check it against its manifest");
        verify.setOnAction(e -> model.verifySelected());
        Button diff = new Button("Diff with live");
        diff.setId("backups-diff");
        diff.setOnAction(e -> model.diffSelected());
        Button restore = new Button("Restore…");
        restore.setId("backups-restore");
        restore.getStyleClass().add("danger");
        restore.setOnAction(e -> {
            BackupCatalog.Entry entry = table.getSelectionModel().getSelectedItem();
            if (entry != null && entry.point().isPresent() && model.listedLocation().isPresent()) {
                RestoreWizard.open(context, model.listedLocation().get(), entry.point().get());
            }
        });
        for (Button b : List.of(verify, diff, restore)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.progress().runningProperty()));
        }
        return Ui.row(10, verify, diff, Ui.spacer(), restore);
    }

    private Node takePoint() {
        CheckBox stopped = new CheckBox("Every server, apply and graph writer of this cluster is stopped");
        stopped.setId("backups-writers-stopped");
        stopped.selectedProperty().bindBidirectional(model.writersStoppedProperty());
        TextField takeOver = new TextField();
        takeOver.setId("backups-take-over");
        takeOver.setPromptText("lock id to take over (a stopped server's serve lock), if any");
        takeOver.textProperty().bindBidirectional(model.takeOverLockIdProperty());
        Button create = new Button("Take a restore point");
        create.setId("backups-create");
        create.disableProperty().bind(stopped.selectedProperty().not().or(model.progress().runningProperty()));
        create.setOnAction(e -> model.createPoint());
        return Ui.card("New restore point", stopped, Ui.row(10, takeOver, Ui.spacer(), create));
    }

    private static Function<BackupCatalog.Entry, String> point(Function<RestorePoint, String> f) {
        return e -> e.point().map(f).orElse(e.problem().orElse(""));
    }

    public BackupsViewModel viewModel() {
        return model;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        // the page reads the backup location only when asked
    }

    @Override
    public void deactivate() {
        model.cancel();
    }

    @Override
    public Node initialFocus() {
        return location;
    }
}
