package dev.omnigraph.console.common;

import java.util.concurrent.CancellationException;

/**
 * How long-running engine work (listing, verifying, copying) reports progress and learns that it
 * was cancelled, without knowing who watches: the window, the CLI or a test.
 */
public interface Progress {
    /** Reports progress; {@code total <= 0} means unknown. Cheap to call often. */
    void progress(long done, long total, String message);

    /** True once cancelled. */
    boolean cancelled();

    /** Throws {@link CancellationException} once cancelled. */
    default void checkCancelled() {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    /** Nobody watches; cancelled only by interrupting the thread. */
    Progress NONE = new Progress() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean cancelled() {
            return Thread.currentThread().isInterrupted();
        }
    };
}
