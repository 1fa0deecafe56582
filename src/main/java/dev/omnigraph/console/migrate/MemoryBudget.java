package dev.omnigraph.console.migrate;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the buffer memory of streamed transfers: an S3 upload holds one part (or a whole small
 * object) in memory, so sixteen large uploads at once could need hundreds of MiB. A transfer takes
 * its share before it starts and returns it when done; large ones wait their turn, small ones
 * barely notice. Counted in KiB.
 */
final class MemoryBudget {
    private final int totalKib;
    private final Semaphore permits;

    MemoryBudget(long bytes) {
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes >> 10));
        this.permits = new Semaphore(totalKib, true);
    }

    /** Takes {@code bytes} (capped at the whole budget); returns the KiB to give back. */
    int acquire(long bytes, CopyControl control) {
        int kib = (int) Math.min(totalKib, Math.max(1, (bytes + 1023) >> 10));
        try {
            while (!permits.tryAcquire(kib, 200, TimeUnit.MILLISECONDS)) {
                if (control.cancelled()) {
                    throw new CancellationException("cancelled");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        return kib;
    }

    void release(int kib) {
        permits.release(kib);
    }
}
