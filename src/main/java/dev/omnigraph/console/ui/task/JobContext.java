package dev.omnigraph.console.ui.task;

import java.util.concurrent.CancellationException;

/** What a running {@link Job} can tell the window, and ask of it. */
public interface JobContext {
    /** Reports progress; {@code total <= 0} means indeterminate. Cheap to call often. */
    void progress(long done, long total, String message);

    /** True once the admin cancelled. */
    boolean cancelled();

    /** Throws {@link CancellationException} once cancelled. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** A context for work nobody watches (tests, the CLI). */
    JobContext NONE = new JobContext() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean cancelled() {
            return Thread.currentThread().isInterrupted();
        }
    };
}
