package dev.omnigraph.console.backup;

import java.util.concurrent.CancellationException;

/**
 * Pause, resume and cancel for a running backup, restore or verify, shared by whoever drives it
 * (the window's buttons, the CLI's Ctrl-C, a test). Pausing lets in-flight transfers finish and
 * starts no new ones; cancelling also interrupts the ones in flight (a partial upload is aborted,
 * a temp file deleted: nothing partial becomes visible).
 */
public final class BackupControl {
    private boolean paused;
    private volatile boolean cancelled;

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
        return paused && !cancelled;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Blocks while paused; throws {@link CancellationException} once cancelled. */
    void awaitRunnable() {
        synchronized (this) {
            while (paused && !cancelled) {
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            }
        }
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    /** Sleeps a retry's backoff, waking early (with {@link CancellationException}) on cancel. */
    synchronized void sleep(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long left;
        while (!cancelled && (left = end - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
