package dev.omnigraph.console.migrate;

import dev.omnigraph.console.common.Progress;
import java.util.concurrent.CancellationException;

/**
 * Pause, resume and cancel for a running copy or verify, shared by whoever drives it (the wizard's
 * buttons, the CLI's Ctrl-C, a test). Pausing lets in-flight transfers finish and starts no new
 * ones; cancelling stops new work, interrupts in-flight transfers (a partial upload is aborted, a
 * temp file deleted: nothing partial becomes visible) and ends the phase with
 * {@link CancellationException}. It can be linked to a task runner's {@link Progress} so that
 * cancelling the task cancels the copy.
 */
public final class CopyControl {
    private final Progress linked;
    private boolean paused;
    private volatile boolean cancelled;

    public CopyControl() {
        this(Progress.NONE);
    }

    public CopyControl(Progress linked) {
        this.linked = linked == null ? Progress.NONE : linked;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean paused() {
        return paused && !cancelled();
    }

    public boolean cancelled() {
        return cancelled || linked.cancelled();
    }

    /** Blocks while paused; throws once cancelled. */
    void awaitRunnable() {
        synchronized (this) {
            while (paused && !cancelled()) {
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            }
        }
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** Sleeps for a retry backoff, waking early (with {@link CancellationException}) on cancel. */
    void sleep(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        synchronized (this) {
            long left;
            while (!cancelled() && (left = end - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            }
        }
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** A {@link Progress} view, for phases that only need cancellation (the plan's listing). */
    public Progress asProgress() {
        return new Progress() {
            @Override
            public void progress(long done, long total, String message) {
                linked.progress(done, total, message);
            }

            @Override
            public boolean cancelled() {
                return CopyControl.this.cancelled();
            }
        };
    }
}
