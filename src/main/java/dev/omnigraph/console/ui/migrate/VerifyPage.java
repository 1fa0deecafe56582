package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.ui.common.Ui;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Page 5: every destination object against its source (size and the checksum taken during the copy); deep re-reads the destination. */
final class VerifyPage extends VBox {
    VerifyPage(WizardViewModel vm) {
        super(12);
        CheckBox deep = new CheckBox("_Deep: re-read every destination object and compare SHA-256 (slower)");
        deep.setId("migrate-deep");
        deep.selectedProperty().bindBidirectional(vm.deepVerifyProperty());
        deep.disableProperty().bind(vm.verifyStateProperty().isNotEqualTo(WizardViewModel.RunState.IDLE));
        Button run = new Button("_Verify");
        run.setId("migrate-verify");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.busyProperty().or(vm.verifyStateProperty().isNotEqualTo(WizardViewModel.RunState.IDLE)));
        run.setOnAction(e -> vm.runVerify());
        ProgressPanel panel = new ProgressPanel("migrate-verify");
        vm.progressProperty().addListener((o, a, s) -> {
            if (s != null && s.phase() == MigrationPhase.VERIFY) {
                panel.show(s);
            }
        });
        Label verdict = new Label();
        verdict.setId("migrate-verify-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        ListView<String> problems = new ListView<>();
        problems.setId("migrate-mismatches");
        // "No mismatch." only once a verification said so: before, nothing has been compared yet
        problems.placeholderProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() -> Ui.placeholder(
                vm.verifyProperty().get() != null ? "No mismatch: every object matches its source."
                        : vm.verifyStateProperty().get() == WizardViewModel.RunState.RUNNING ? "Comparing…"
                        : "Not verified yet: press Verify."), vm.verifyProperty(), vm.verifyStateProperty()));
        problems.setAccessibleText("Mismatches");
        vm.verifyProperty().addListener((o, a, r) -> {
            problems.getItems().clear();
            if (r == null) {
                verdict.setText("");
                return;
            }
            problems.getItems().setAll(r.problems());
            verdict.setText(r.ok() ? "Verified " + Format.count(r.checked()) + " object(s), " + Format.bytes(r.bytes()) + (r.deep()
                    ? " (deep)" : "") + ": every one matches its source. Tree digest " + Format.shortDigest(r.treeDigest()) + "."
                    : r.mismatches() + " mismatch(es): cutover is blocked. The objects are listed below.");
            verdict.getStyleClass().setAll("label", "banner", r.ok() ? "status-ok" : "status-danger");
        });
        getChildren().addAll(Ui.muted("Quick verification compares every destination object's size and the checksum computed while it "
                + "was copied (ETags differ for multipart uploads, so they are not trusted). Any mismatch blocks cutover."), deep, run,
                panel, verdict, Ui.section("Mismatches"), problems);
        VBox.setVgrow(problems, Priority.ALWAYS);
    }
}
