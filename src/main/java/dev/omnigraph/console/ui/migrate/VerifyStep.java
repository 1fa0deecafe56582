package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.VerifyReport;
import dev.omnigraph.console.ui.migrate.WizardViewModel.RunState;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Step 5: every destination object against its source; deep re-reads the destination. */
final class VerifyStep {
    private final WizardRun run;
    final BooleanProperty deep = new SimpleBooleanProperty();
    final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.IDLE);
    final ObjectProperty<VerifyReport> report = new SimpleObjectProperty<>();

    VerifyStep(WizardRun run) {
        this.run = run;
    }

    void runVerify() {
        if (state.get() == RunState.RUNNING || report.get() != null) {
            return;
        }
        MigrationSession s = run.session;
        boolean reRead = deep.get();
        CopyControl c = new CopyControl();
        run.control = c;
        state.set(RunState.RUNNING);
        run.progress.set(null);
        run.work(reRead ? "Verifying (deep: re-reading the destination)" : "Verifying", ctx -> {
            try {
                return Optional.of(s.verify(c, reRead));
            } catch (CancellationException e) {
                return Optional.<VerifyReport>empty();
            }
        }, r -> {
            run.control = null;
            if (r.isEmpty()) {
                state.set(RunState.CANCELLED);
                run.problem.set("Verification was cancelled; the source lock was released.");
                return;
            }
            report.set(r.get());
            state.set(r.get().ok() ? RunState.DONE : RunState.FAILED);
            if (!r.get().ok()) {
                run.problem.set("Verification found " + r.get().mismatches() + " mismatch(es): cutover is blocked and the source lock was "
                        + "released.");
            }
        });
    }

    /** A failed job while verifying: the verification failed. */
    void jobFailed() {
        if (state.get() == RunState.RUNNING) {
            state.set(RunState.FAILED);
        }
    }

    /** Why Next is blocked on this step ("" when it is not). */
    String blocked() {
        VerifyReport r = report.get();
        if (r == null) {
            return state.get() == RunState.RUNNING ? "Verifying…" : "Run the verification.";
        }
        return r.ok() ? "" : r.mismatches() + " mismatch(es): cutover is blocked.";
    }
}
