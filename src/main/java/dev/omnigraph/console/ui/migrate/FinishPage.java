package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.FinishResult;
import dev.omnigraph.console.ui.common.Ui;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * Page 7: the {@code storage:} line to put in {@code cluster.yaml} (with a copy button), the in-place
 * edit of {@code cluster.yaml} shown as a diff first when the config folder is known, and the saved
 * report (JSON and Markdown).
 */
final class FinishPage extends VBox {
    FinishPage(WizardViewModel vm, Runnable openDestination) {
        super(12);
        Button openIt = new Button("Open _destination");
        openIt.setId("migrate-open-destination");
        openIt.getStyleClass().add("accent");
        openIt.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        openIt.setAccessibleText("Open the destination root in a new tab, with the settings and keys used for the migration");
        openIt.setOnAction(e -> openDestination.run());
        openIt.disableProperty().bind(vm.finishProperty().isNull());
        SimpleStringProperty line = new SimpleStringProperty("");
        Label outcome = new Label();
        outcome.setId("migrate-outcome");
        outcome.setWrapText(true);
        outcome.setMaxWidth(Double.MAX_VALUE);
        VBox edit = new VBox(8);
        Label report = Ui.mono("");
        report.setId("migrate-report");
        report.setWrapText(true);
        Button open = new Button("_Open report");
        open.setId("migrate-open-report");
        Button folder = new Button("Show reports _folder");
        Label openProblem = Ui.muted("");
        vm.finishProperty().addListener((o, a, f) -> {
            if (f == null) {
                return;
            }
            line.set(f.storageLine());
            outcome.setText(f.saved().message());
            outcome.getStyleClass().setAll("label", "banner", "status-ok");
            report.setText(f.report() + "\n" + markdown(f.report()));
            open.setOnAction(e -> Desktop.open(markdown(f.report()), openProblem));
            folder.setOnAction(e -> Desktop.open(f.report().getParent(), openProblem));
            edit.getChildren().setAll(configEdit(vm, f));
        });
        Label lineLabel = Ui.section("PUT THIS IN CLUSTER.YAML");
        var copyable = Ui.copyable("the storage: line", line);
        copyable.setId("migrate-storage-line");
        getChildren().addAll(outcome, Ui.row(8, openIt, Ui.muted("in a new tab, with the same endpoint and keys (kept for this "
                + "session only)")), lineLabel, copyable, edit, Ui.section("MIGRATION REPORT (JSON AND MARKDOWN)"), report,
                Ui.row(8, open, folder), openProblem);
    }

    private static javafx.scene.Node[] configEdit(WizardViewModel vm, FinishResult f) {
        if (f.configEdit().isEmpty()) {
            return new javafx.scene.Node[] {Ui.muted(f.configEditIssue().orElse("No config folder is known."))};
        }
        var p = f.configEdit().get();
        TextArea diff = new TextArea(p.diff());
        diff.setId("migrate-config-diff");
        diff.setEditable(false);
        diff.getStyleClass().add("mono");
        diff.setPrefRowCount(Math.min(12, p.diff().split("\n").length + 1));
        diff.setAccessibleText("The change to cluster.yaml");
        Button apply = new Button("_Edit cluster.yaml in place");
        apply.setId("migrate-apply-config");
        apply.disableProperty().bind(vm.busyProperty().or(vm.configEditedProperty()));
        apply.setOnAction(e -> vm.applyConfigEdit());
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(vm.configEditStatusProperty());
        return new javafx.scene.Node[] {Ui.section("THE CHANGE TO " + p.file()), diff,
                Ui.row(8, apply, Ui.muted("only this line changes; comments and formatting are kept")), status};
    }

    private static Path markdown(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling(name.endsWith(".json") ? name.substring(0, name.length() - 5) + ".md" : name + ".md");
    }
}
