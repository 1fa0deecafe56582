package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.ui.common.Ui;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Page 3: what the copy will do, in totals, the objects it will overwrite, and the concurrency to start with. */
final class PlanPage extends VBox {
    private final GridPane totals = new GridPane();
    private final ListView<String> overwrites = new ListView<>();
    private final ListView<String> notes = new ListView<>();
    private final Label blocked = new Label();

    PlanPage(WizardViewModel vm) {
        super(12);
        totals.setId("migrate-plan-totals");
        totals.setHgap(18);
        totals.setVgap(6);
        overwrites.setId("migrate-plan-overwrites");
        overwrites.getStyleClass().add("mono-list");
        overwrites.setPlaceholder(Ui.placeholder("Nothing at the destination differs from the source: nothing is overwritten."));
        overwrites.setPrefHeight(140);
        overwrites.setAccessibleText("Objects that will be overwritten at the destination");
        notes.setPrefHeight(80);
        notes.setPlaceholder(Ui.placeholder("No notes."));
        blocked.setWrapText(true);
        vm.planProperty().addListener((o, a, p) -> show(p));
        Spinner<Integer> concurrency = ConcurrencySpinner.of(vm);
        getChildren().addAll(Ui.muted("Both roots were listed and compared. Next starts the copy: data before Lance manifests, every "
                        + "write conditional (create-only, or If-Match for an overwrite)."), listing(vm), totals, blocked,
                Ui.row(8, new Label("Transfers in flight"), concurrency, Ui.muted("(can be changed while copying)")),
                Ui.section("Overwrites"), overwrites, Ui.section("Notes"), notes);
        VBox.setVgrow(overwrites, Priority.ALWAYS);
    }

    /** How far the listing is while it runs, then how long it took. */
    private static Label listing(WizardViewModel vm) {
        Label listing = Ui.muted("");
        listing.setId("migrate-plan-listing");
        vm.progressProperty().addListener((o, a, s) -> {
            if (s != null && s.phase() == MigrationPhase.PLAN && vm.planProperty().get() == null) {
                listing.setText("Listing and comparing: " + Format.count(s.objectsDone()) + " object(s) so far (" + Format.duration(s.elapsed())
                        + ")");
            }
        });
        vm.planProperty().addListener((o, a, p) -> listing.setText(p == null ? "" : "Listed in " + Format.seconds(p.listingTook()) + "."));
        return listing;
    }

    private void show(MigrationPlan p) {
        totals.getChildren().clear();
        overwrites.getItems().clear();
        notes.getItems().clear();
        blocked.setText("");
        blocked.getStyleClass().removeAll("banner", "status-danger");
        if (p == null) {
            return;
        }
        showTotals(p);
        p.overwrites().forEach(l -> overwrites.getItems().add(l.key() + "  (" + Format.bytes(l.size()) + "): " + l.reason()));
        if (p.overwrite().objects() > p.overwrites().size()) {
            overwrites.getItems().add("… and " + (p.overwrite().objects() - p.overwrites().size()) + " more");
        }
        notes.getItems().addAll(p.notes());
        p.extraObjects().forEach(l -> notes.getItems().add("only at the destination, left alone: " + l.key()));
        if (!p.ok()) {
            blocked.setText("The plan is blocked: " + String.join("; ", p.blocking()));
            blocked.getStyleClass().addAll("banner", "status-danger");
        }
    }

    private void showTotals(MigrationPlan p) {
        int r = 0;
        totals.addRow(r++, Ui.section(""), Ui.section("objects"), Ui.section("bytes"));
        r = total(r, "In scope at the source", p.sourceObjects());
        r = total(r, "Copy (new at the destination)", p.copy());
        r = total(r, "Skip (already identical)", p.identical());
        r = total(r, "Overwrite (differs: an earlier attempt)", p.overwrite());
        r = total(r, "Left alone (only at the destination)", p.extras());
        r = total(r, "Total to write", p.work());
        totals.addRow(r, new Label("Estimate"), new Label(WizardViewModel.estimateText(p)),
                Ui.muted(p.serverSide() ? "server-side copy" : "streamed through this machine"));
    }

    private int total(int r, String label, MigrationPlan.Totals t) {
        Label objects = new Label(Format.count(t.objects()));
        objects.getStyleClass().add("mono");
        Label bytes = new Label(Format.bytes(t.bytes()));
        bytes.getStyleClass().add("mono");
        totals.addRow(r, new Label(label), objects, bytes);
        return r + 1;
    }
}
