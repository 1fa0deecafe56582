package dev.omnigraph.console.ui.gc;

import dev.omnigraph.console.cluster.gc.GcCandidate;
import dev.omnigraph.console.cluster.gc.GcPlan;
import dev.omnigraph.console.cluster.gc.KeptBlob;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.ProgressStrip;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Times;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.Windows;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The catalog GC window (non-modal): the dry run's orphans with sizes and totals, the blobs that
 * are kept and why, then a confirmation that lists what goes and asks for the number of blobs (or
 * "delete") before anything is deleted, and finally what happened to each blob. The logic is
 * {@link CatalogGcViewModel}.
 */
public final class CatalogGcDialog extends Stage {
    private final CatalogGcViewModel model;
    private final Label blockers = new Label();
    private final Label failure = new Label();
    private final Label outcome = new Label();
    private final VBox confirmation = new VBox(8);
    private final TextArea goes = new TextArea();
    private final Label prompt = new Label();
    private final Button delete = new Button("Delete");

    /** Opens the dialog for the context's cluster and starts the dry run. */
    public static CatalogGcDialog open(ViewContext ctx) {
        CatalogGcDialog d = new CatalogGcDialog(ctx.owner().get(), new CatalogGcViewModel(ctx.session()));
        d.show();
        d.model.dryRun();
        return d;
    }

    public CatalogGcDialog(Window owner, CatalogGcViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(model.title());
        if (owner != null) {
            Windows.copyIcons(owner, this);
        }
        Label heading = new Label("Collect catalog garbage: " + model.session().name());
        heading.getStyleClass().add("dialog-heading");
        Label intro = new Label("Orphans are catalog blobs (__cluster/resources/…) that neither the ledger, a pending approval nor a "
                + "recovery sidecar refers to. This first list is a dry run: nothing has been deleted. Deleting takes the cluster lock "
                + "(operation catalog-gc), re-reads the ledger under it, and never deletes a blob that became referenced since this listing.");
        intro.setWrapText(true);
        prepareBanners();
        prepareConfirmation();
        model.planProperty().addListener((o, a, b) -> renderPlan(b));
        model.failureProperty().addListener((o, a, b) -> {
            failure.setVisible(b != null);
            failure.setText(b == null ? "" : b.title() + ": " + b.detail());
        });
        model.outcomeProperty().addListener((o, a, b) -> renderOutcome(b));

        VBox content = new VBox(10, heading, intro, new ProgressStrip(model.progress(), "the catalog GC"), blockers, failure, totals(),
                orphans(), Ui.section("Kept, and why"), kept(), confirmation, outcome, results(), buttons());
        content.setPadding(new Insets(18));
        content.getStyleClass().add("dialog");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setScene(Windows.styledScene(owner, scroll, 900, 760));
        setOnHidden(e -> model.cancel());
    }

    /** Blockers, failure and outcome: wrapped banners that take no space while hidden. */
    private void prepareBanners() {
        for (Label l : List.of(blockers, failure, outcome)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().add("banner");
            l.managedProperty().bind(l.visibleProperty());
            l.setVisible(false);
        }
        blockers.setId("gc-blockers");
        blockers.getStyleClass().add("status-danger");
        failure.setId("gc-failure");
        failure.getStyleClass().add("status-danger");
        outcome.setId("gc-outcome");
    }

    private TableView<GcCandidate> orphans() {
        TableView<GcCandidate> orphans = new TableView<>(model.candidates());
        orphans.setId("gc-candidates");
        orphans.setAccessibleText("Orphaned blobs that would be deleted");
        orphans.getColumns().setAll(List.of(Ui.monoColumn("Blob", GcCandidate::key, 430),
                Ui.monoColumn("Resource", GcCandidate::address, 190),
                Ui.textColumn("Size", c -> Format.bytes(c.size()), 80),
                Ui.textColumn("Last modified", c -> Times.of(c.lastModified()), 170)));
        orphans.setPlaceholder(Ui.placeholder("No orphaned catalog blobs."));
        orphans.setPrefHeight(170);
        orphans.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return orphans;
    }

    private Label totals() {
        Label totals = new Label();
        totals.setId("gc-totals");
        totals.textProperty().bind(model.totalsProperty());
        totals.getStyleClass().add("section-title");
        return totals;
    }

    private TableView<KeptBlob> kept() {
        TableView<KeptBlob> kept = new TableView<>(model.kept());
        kept.setId("gc-kept");
        kept.setAccessibleText("Unreferenced blobs that are kept, with why");
        kept.getColumns().setAll(List.of(Ui.monoColumn("Blob", KeptBlob::key, 380),
                Ui.textColumn("Size", k -> Format.bytes(k.size()), 80),
                Ui.textColumn("Why it is kept", KeptBlob::reason, 420)));
        kept.setPlaceholder(Ui.placeholder("Nothing unreferenced is kept."));
        kept.setPrefHeight(110);
        kept.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return kept;
    }

    /** What goes, the typed confirmation and Delete: shown once a dry run found something deletable. */
    private void prepareConfirmation() {
        goes.setEditable(false);
        goes.getStyleClass().add("mono");
        goes.setPrefRowCount(4);
        goes.setId("gc-what-goes");
        goes.setAccessibleText("The blobs that would be deleted");
        TextField input = new TextField();
        input.setId("gc-confirm-input");
        input.getStyleClass().add("mono");
        input.textProperty().bindBidirectional(model.typedProperty());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.canDelete()) {
                model.delete();
            }
        });
        prompt.setLabelFor(input);
        prompt.setWrapText(true);
        delete.setId("gc-delete");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(model.canDeleteProperty().not());
        delete.setOnAction(e -> model.delete());
        confirmation.getChildren().addAll(Ui.section("These blobs go"), goes, prompt, Ui.row(10, input, Ui.spacer(), delete));
        confirmation.setId("gc-confirmation");
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        confirmation.setVisible(false);
    }

    private TableView<CatalogGcViewModel.ResultRow> results() {
        TableView<CatalogGcViewModel.ResultRow> results = new TableView<>(model.resultRows());
        results.setId("gc-results");
        results.setAccessibleText("What happened to each blob");
        results.getColumns().setAll(List.of(Ui.badgeColumn("Outcome", CatalogGcViewModel.ResultRow::what, 160),
                Ui.monoColumn("Blob", CatalogGcViewModel.ResultRow::key, 400),
                Ui.textColumn("Detail", CatalogGcViewModel.ResultRow::detail, 320)));
        results.setPrefHeight(130);
        results.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        results.managedProperty().bind(results.visibleProperty());
        results.visibleProperty().bind(model.resultProperty().isNotNull());
        return results;
    }

    private HBox buttons() {
        Button again = new Button("Dry run again");
        again.setId("gc-dry-run");
        again.setAccessibleText("List the orphaned blobs again (changes nothing)");
        again.setOnAction(e -> model.dryRun());
        again.disableProperty().bind(model.progress().runningProperty());
        Button close = new Button("Close");
        close.setId("gc-close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        HBox buttons = new HBox(10, again, Ui.spacer(), close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return buttons;
    }

    private void renderPlan(GcPlan p) {
        if (p == null) {
            return;
        }
        String block = String.join("\n", p.blockers());
        if (p.lockHolder().isPresent()) {
            block = (block.isEmpty() ? "" : block + "\n") + "The cluster lock is held by " + p.lockHolder().get()
                    + ": deleting needs the lock, so Delete stays disabled. When that command has finished (or its lock was "
                    + "force-unlocked), use \"Dry run again\".";
        }
        blockers.setText(p.blockers().isEmpty() ? block : "Nothing can be collected now: " + block);
        blockers.getStyleClass().removeIf(c -> c.startsWith("status-"));
        blockers.getStyleClass().add(p.blockers().isEmpty() ? "status-warn" : "status-danger");
        blockers.setVisible(!block.isEmpty());
        boolean deletable = p.blockers().isEmpty() && !p.candidates().isEmpty();
        confirmation.setVisible(deletable);
        goes.setText(model.whatGoes());
        prompt.setText("This deletes the " + p.candidates().size() + " blob(s) above (" + Format.bytes(p.candidateBytes()) + ") from "
                + p.location().root().display() + ". " + model.confirmationPrompt() + ":");
        delete.setText(model.deleteLabel());
        delete.setAccessibleText(model.deleteLabel() + " under the cluster lock");
    }

    private void renderOutcome(Tagged t) {
        outcome.getStyleClass().removeIf(c -> c.startsWith("status-"));
        outcome.setVisible(t != null);
        if (t != null) {
            outcome.setText(t.text());
            outcome.getStyleClass().add(t.severity().styleClass());
            confirmation.setVisible(false);
        }
    }

    public CatalogGcViewModel viewModel() {
        return model;
    }
}
