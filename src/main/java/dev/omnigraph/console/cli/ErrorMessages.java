package dev.omnigraph.console.cli;

import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.UncheckedStorageException;

/** Turns exceptions into one readable sentence (no stack traces, no secrets). */
public final class ErrorMessages {
    private ErrorMessages() {}

    /** One readable sentence, passed through the session's redactor (known secrets and secret-shaped values masked). */
    public static String describe(Throwable e) {
        return redact(plain(e));
    }

    /** Masks known secrets and secret-shaped values in a message. */
    public static String redact(String message) {
        return AppRuntime.redact(message);
    }

    private static String plain(Throwable e) {
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
