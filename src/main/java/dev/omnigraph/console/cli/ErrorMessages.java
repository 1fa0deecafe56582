package dev.omnigraph.console.cli;

import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.UncheckedStorageException;

/** Turns exceptions into one readable sentence (no stack traces, no secrets). */
public final class ErrorMessages {
    private ErrorMessages() {}

    public static String describe(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof StorageException se) {
                return se.describe();
            }
            if (t instanceof UncheckedStorageException u) {
                return u.getCause().describe();
            }
            t = t.getCause();
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }
}
