package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.CopyResult;
import dev.omnigraph.console.migrate.CopySettings;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.migrate.WizardViewModel.RunState;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Step 4: the copy, as a task in the activity list (its Cancel cancels the copy), with pause,
 * resume, cancel and a live limit on the transfers in flight.
 */
final class CopyStep {
    private final WizardRun run;
    final IntegerProperty concurrency = new SimpleIntegerProperty(CopySettings.DEFAULT_CONCURRENCY);
    final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.IDLE);
    final ObjectProperty<CopyResult> result = new SimpleObjectProperty<>();

    CopyStep(WizardRun run) {
        this.run = run;
        concurrency.addListener((o, a, b) -> {
            CopyControl c = run.control;
            if (c != null && b.intValue() >= 1) {
                c.limitConcurrency(Math.min(WizardViewModel.MAX_CONCURRENCY, b.intValue()));
            }
        });
    }

    void start() {
        MigrationSession s = run.session;
        AtomicReference<Progress> job = new AtomicReference<>(Progress.NONE);
        // linked to the task: the activity list shows the copy's progress and its Cancel cancels the copy
        CopyControl c = new CopyControl(new Progress() {
            @Override
            public void progress(long done, long total, String message) {
                job.get().progress(done, total, message);
            }

            @Override
            public boolean cancelled() {
                return job.get().cancelled();
            }
        });
        c.limitConcurrency(Math.max(1, Math.min(WizardViewModel.MAX_CONCURRENCY, concurrency.get())));
        run.control = c;
        state.set(RunState.RUNNING);
        run.progress.set(null);
        run.problem.set("");
        run.runner.run("Copy " + run.cluster.name() + " to " + s.destination().display(), ctx -> {
            job.set(ctx);
            try {
                return Optional.of(s.copy(c));
            } catch (CancellationException e) {
                if (ctx.cancelled()) {
                    run.ui.accept(() -> ended(Optional.empty())); // cancelled as a task: the runner reports nothing
                }
                return Optional.<CopyResult>empty();
            }
        }, this::ended, e -> {
            run.control = null;
            state.set(RunState.FAILED);
            run.problem.set("The copy failed: " + Failures.describe(e).oneLine());
            run.idle();
        });
    }

    private void ended(Optional<CopyResult> r) {
        run.control = null;
        if (r.isEmpty()) {
            state.set(RunState.CANCELLED);
            run.problem.set("The copy was cancelled and the source lock released; the objects copied so far are kept, and a new "
                    + "migration to the same destination resumes from them.");
        } else {
            result.set(r.get());
            state.set(r.get().ok() ? RunState.DONE : RunState.FAILED);
            if (!r.get().ok()) {
                run.problem.set(r.get().failed() + " object(s) failed to copy; the destination is not authoritative and the source lock "
                        + "was released. Start the migration again to retry them.");
            }
        }
        run.idle();
    }

    void pause() {
        CopyControl c = run.control;
        if (c != null && state.get() == RunState.RUNNING) {
            c.pause();
            state.set(RunState.PAUSED);
        }
    }

    void resume() {
        CopyControl c = run.control;
        if (c != null && state.get() == RunState.PAUSED) {
            c.resume();
            state.set(RunState.RUNNING);
        }
    }

    void cancel() {
        CopyControl c = run.control;
        if (c != null && (state.get() == RunState.RUNNING || state.get() == RunState.PAUSED)) {
            c.cancel();
            state.set(RunState.CANCELLING);
        }
    }

    boolean running() {
        return state.get() == RunState.RUNNING || state.get() == RunState.PAUSED || state.get() == RunState.CANCELLING;
    }

    /** Why Next is blocked on this step ("" when it is not). */
    String blocked() {
        return switch (state.get()) {
            case DONE -> "";
            case FAILED -> "The copy failed: cutover is impossible in this run.";
            case CANCELLED -> "The copy was cancelled.";
            case PAUSED -> "Paused.";
            default -> "Copying…";
        };
    }
}
