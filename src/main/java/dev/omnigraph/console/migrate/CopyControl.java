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
    private int limit; // transfers in flight at most (0: as many as the settings allow)
    private int inFlight;

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

    /**
     * Changes how many transfers may be in flight, while the copy runs (the wizard's concurrency
     * spinner). It never exceeds the {@link CopySettings#concurrency()} the copy started with.
     */
    public synchronized void limitConcurrency(int transfers) {
        if (transfers < 1) {
            throw new IllegalArgumentException("at least one transfer must be allowed");
        }
        limit = transfers;
        notifyAll();
    }

    /** The limit set by {@link #limitConcurrency}, or 0 when none was set. */
    public synchronized int concurrencyLimit() {
        return limit;
    }

    /** Blocks until fewer transfers than the limit (capped by {@code ceiling}) are in flight, then counts one more. */
    void acquireTransfer(int ceiling) {
        synchronized (this) {
            while (!cancelled() && inFlight >= (limit == 0 ? ceiling : Math.min(limit, ceiling))) {
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            }
            if (!cancelled()) {
                inFlight++;
                return;
            }
        }
        throw new CancellationException("cancelled");
    }

    synchronized void releaseTransfer() {
        inFlight = Math.max(0, inFlight - 1);
        notifyAll();
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
