package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import dev.omnigraph.console.ui.common.Ui;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 4: the copy's progress (objects and bytes done out of the total, throughput and ETA over the
 * engine's rolling window), the transfers in flight, the latest errors, the live concurrency, and
 * Pause / Resume / Cancel. It shows the newest snapshot only, a few times a second at most.
 */
final class CopyPage extends VBox {
    CopyPage(WizardViewModel vm) {
        super(12);
        ProgressPanel panel = new ProgressPanel("migrate-copy");
        ListView<String> current = list("migrate-current", 150, "No transfer in flight.", "Transfers in flight");
        current.getStyleClass().add("mono-list");
        ListView<String> errors = list("migrate-errors", 80, "No errors.", "Latest errors");
        ListView<String> notices = new ListView<>(vm.notices());
        notices.setId("migrate-log");
        notices.setPrefHeight(90);
        notices.setAccessibleText("Migration log, newest last");
        followNewest(notices);
        vm.progressProperty().addListener((o, a, s) -> {
            if (s != null && s.phase() != MigrationPhase.COPY) {
                return;
            }
            panel.show(s);
            if (s != null) {
                current.getItems().setAll(s.current().stream().map(t -> transfer(t, s.state())).toList());
                errors.getItems().setAll(s.recentErrors());
            }
        });
        panel.show(vm.progressProperty().get());
        HBox controls = Ui.row(8, pause(vm), resume(vm), cancel(vm), Ui.spacer(), new Label("Transfers in flight"),
                ConcurrencySpinner.of(vm));
        getChildren().addAll(panel, controls, result(vm), Ui.section("In flight"), current, Ui.section("Errors"), errors,
                Ui.section("Log"), notices);
        VBox.setVgrow(current, Priority.ALWAYS);
    }

    private static ListView<String> list(String id, double height, String empty, String accessible) {
        ListView<String> list = new ListView<>();
        list.setId(id);
        list.setPlaceholder(Ui.placeholder(empty));
        list.setPrefHeight(height);
        list.setAccessibleText(accessible);
        return list;
    }

    private static Button pause(WizardViewModel vm) {
        Button pause = new Button("_Pause");
        pause.setId("migrate-pause");
        pause.setOnAction(e -> vm.pauseCopy());
        pause.disableProperty().bind(vm.copyStateProperty().isNotEqualTo(WizardViewModel.RunState.RUNNING));
        pause.setAccessibleText("Pause the copy: transfers in flight finish, no new one starts");
        return pause;
    }

    private static Button resume(WizardViewModel vm) {
        Button resume = new Button("_Resume");
        resume.setId("migrate-resume");
        resume.setOnAction(e -> vm.resumeCopy());
        resume.disableProperty().bind(vm.copyStateProperty().isNotEqualTo(WizardViewModel.RunState.PAUSED));
        return resume;
    }

    private static Button cancel(WizardViewModel vm) {
        Button cancel = new Button("Cancel cop_y");
        cancel.setId("migrate-cancel-copy");
        cancel.getStyleClass().add("danger");
        cancel.setOnAction(e -> vm.cancelCopy());
        cancel.disableProperty().bind(vm.copyStateProperty().isNotEqualTo(WizardViewModel.RunState.RUNNING)
                .and(vm.copyStateProperty().isNotEqualTo(WizardViewModel.RunState.PAUSED)));
        cancel.setAccessibleText("Cancel the copy and release the source lock; a new run resumes");
        return cancel;
    }

    /** What the finished copy did, as a banner. */
    private static Label result(WizardViewModel vm) {
        Label result = new Label();
        result.setWrapText(true);
        vm.copyProperty().addListener((o, a, r) -> {
            if (r != null) {
                result.setText("Copied " + Format.count(r.copied()) + " object(s), " + Format.bytes(r.copiedBytes()) + " in "
                        + Format.seconds(r.took()) + (r.serverSide() > 0 ? " (" + r.serverSide() + " server-side)" : "")
                        + (r.alreadyThere() > 0 ? "; " + r.alreadyThere() + " were already there" : "")
                        + (r.ok() ? ". Next: verify." : "; " + r.failed() + " failed."));
                result.getStyleClass().setAll("label", "banner", r.ok() ? "status-ok" : "status-danger");
            }
        });
        return result;
    }

    /** The log shows its newest line (the list scrolls as lines arrive). */
    static void followNewest(ListView<String> list) {
        list.getItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
        if (!list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    private static String transfer(ProgressSnapshot.Transfer t, ProgressSnapshot.State state) {
        if (state == ProgressSnapshot.State.PAUSED && t.bytesDone() == 0) {
            return t.key() + "  " + Format.bytes(t.size()) + "  waiting (paused)";
        }
        String pct = t.size() == 0 ? "" : "  " + (int) (100.0 * t.bytesDone() / t.size()) + "%";
        return t.key() + "  " + Format.bytes(t.size()) + pct + (t.serverSide() ? "  server-side" : "") + (t.attempt() > 1
                ? "  attempt " + t.attempt() : "");
    }
}
