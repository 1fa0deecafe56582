package dev.omnigraph.console.ui.task;

import java.util.function.Consumer;

/**
 * The one way view-models run background work. The window's implementation
 * ({@link FxTaskRunner}) runs jobs on a bounded pool and delivers results, failures and progress
 * on the JavaFX application thread; tests use {@code ImmediateTaskRunner} (src/test), which runs them on the
 * calling thread, so view-models are tested without a toolkit.
 */
public interface TaskRunner {

    /**
     * Runs {@code job}; exactly one of {@code onSuccess} / {@code onFailure} is called (on the
     * FX thread in the window), unless the job was cancelled, in which case neither is.
     *
     * @param title    what the admin sees in the activity list, e.g. "Verify catalog"
     * @param progress receives progress updates (on the FX thread in the window); may be null
     */
    <T> TaskHandle run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                       ProgressSink progress);

    default <T> TaskHandle run(String title, Job<T> job, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return run(title, job, onSuccess, onFailure, null);
    }

    /** Receives progress; the FX runner coalesces updates so a fast job cannot flood the UI. */
    @FunctionalInterface
    interface ProgressSink {
        void update(long done, long total, String message);
    }
}
