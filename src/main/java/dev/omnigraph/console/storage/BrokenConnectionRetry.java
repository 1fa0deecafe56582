package dev.omnigraph.console.storage;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Retries an idempotent S3 read whose connection broke mid-exchange ("Broken pipe",
 * "Connection reset", a pooled connection the server had already closed, a body cut short).
 *
 * <p>The SDK's own retries draw from the same connection pool, so after a server closed several
 * pooled connections at once (some S3-compatible servers do after an early 412) every SDK
 * attempt can land on another dead connection. A few more attempts here, each starting from a
 * fresh request, resolve that. Failures that say the endpoint is unreachable, a refusal by the
 * server (any HTTP status), cancellation and bad keys are never retried here.
 */
final class BrokenConnectionRetry {
    static final int EXTRA_ATTEMPTS = 3;

    @FunctionalInterface
    interface Call<T> {
        T run() throws StorageException;
    }

    private BrokenConnectionRetry() {}

    static <T> T call(Call<T> call) throws StorageException {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (StorageException e) {
                if (attempt >= EXTRA_ATTEMPTS || !brokenConnection(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** True when the failure is a connection that broke after it was established. */
    static boolean brokenConnection(StorageException e) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (e.kind() != StorageException.Kind.UNREACHABLE && e.kind() != StorageException.Kind.SERVER_ERROR) {
            return false;
        }
        if (e.kind() == StorageException.Kind.SERVER_ERROR) {
            return e.getMessage() != null && e.getMessage().contains("was truncated");
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return false;
            }
            if (t instanceof SocketException || t instanceof EOFException
                    || t.getClass().getSimpleName().equals("NoHttpResponseException")
                    || t.getClass().getSimpleName().equals("ConnectionClosedException")
                    || t.getClass().getSimpleName().equals("TruncatedChunkException")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) throws StorageException {
        try {
            Thread.sleep(20L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Kind.CANCELLED, "", "Cancelled while retrying", e);
        }
    }
}
