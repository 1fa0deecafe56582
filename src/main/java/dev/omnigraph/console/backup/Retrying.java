package dev.omnigraph.console.backup;

import dev.omnigraph.console.storage.StorageException;
import java.util.concurrent.CancellationException;

/**
 * Retries one object's whole operation on throttling, 5xx, timeouts, broken connections and
 * unknown outcomes. Every write is create-only and every operation starts by looking at what is
 * already stored, so a retry after a write that did land finds it there and does not write twice.
 */
final class Retrying {
    static final int MAX_ATTEMPTS = 5;

    /** One attempt. */
    interface Attempt<R> {
        R run() throws StorageException, TransferFailure;
    }

    private Retrying() {}

    static <R> R call(String key, BackupControl control, BackupListener listener, Attempt<R> attempt) throws TransferFailure {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (StorageException e) {
                if (e.kind() == StorageException.Kind.CANCELLED || control.cancelled() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("cancelled");
                }
                boolean retryable = e.kind().transientFailure() || e.kind() == StorageException.Kind.OUTCOME_UNKNOWN;
                if (!retryable) {
                    throw new TransferFailure(e.describe());
                }
                if (n >= MAX_ATTEMPTS) {
                    throw new TransferFailure(e.describe() + " (after " + n + " attempts)");
                }
                listener.notice("retrying " + key + " (attempt " + (n + 1) + " of " + MAX_ATTEMPTS + "): " + e.getMessage());
                control.sleep(Math.min(8000L, 250L << (n - 1)));
            }
        }
    }
}
