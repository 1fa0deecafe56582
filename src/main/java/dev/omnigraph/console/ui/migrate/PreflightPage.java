package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.ui.common.Ui;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Page 2: the admin confirms that graph writers are stopped; preflight checks the source and takes its lock. */
final class PreflightPage extends VBox {
    PreflightPage(WizardViewModel vm) {
        super(12);
        CheckBox writers = new CheckBox("Every _graph writer of this cluster is stopped (omnigraph-server, apply and ingest jobs)");
        writers.setId("migrate-writers");
        writers.selectedProperty().bindBidirectional(vm.writersStoppedProperty());
        writers.setAccessibleText("Confirm that every graph writer is stopped (required)");
        Button run = new Button("_Run preflight");
        run.setId("migrate-preflight");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.busyProperty());
        run.setOnAction(e -> vm.runPreflight());
        run.setAccessibleText("Run the preflight checks and take the source lock");
        VBox result = new VBox(8);
        result.setId("migrate-preflight-checks");
        vm.preflightProperty().addListener((o, a, b) -> {
            result.getChildren().clear();
            if (b == null) {
                return;
            }
            result.getChildren().addAll(Ui.section("Preflight of " + vm.sourceDisplay()), CheckList.of(b.items()));
            Label verdict;
            if (b.alreadyDone()) {
                verdict = banner("The destination already holds exactly this cluster's ledger: the migration is done. Finish shows the "
                        + "storage: line.", "status-info");
            } else if (b.ok()) {
                verdict = banner("Ready. The source lock is held (operation migrate-storage, " + b.lock().map(l -> l.lockId()).orElse("")
                        + ") until cutover, Cancel or Back; graph writers that try to start will wait.", "status-ok");
            } else {
                verdict = banner("Preflight refused: " + b.refusals().getFirst().message() + ". The source lock was not kept.", "status-danger");
            }
            result.getChildren().add(verdict);
        });
        getChildren().addAll(Ui.muted("Preflight reads the source ledger, looks for recovery sidecars (they hold absolute source URIs), "
                + "lists pending approvals (they go stale when storage: changes) and takes the source lock with operation "
                + "migrate-storage for the whole migration. The lock file itself is never copied."), writers, run, result);
    }

    static Label banner(String text, String status) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll("banner", status);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
