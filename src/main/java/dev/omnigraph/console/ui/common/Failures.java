package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.cluster.ClusterLocations;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.UncheckedStorageException;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Turns any failure from background work into a {@link UserMessage}: storage failures use
 * {@link StorageException#describe()} and their kind's advice, config failures list upstream's
 * diagnostics, bad input keeps its own sentence. Unexpected exceptions are named, not dumped.
 */
public final class Failures {
    private Failures() {}

    public static UserMessage describe(Throwable error) {
        UserMessage m = plain(unwrap(error));
        return new UserMessage(m.title(), AppRuntime.redact(m.detail()), m.hint()); // never a secret on screen
    }

    private static UserMessage plain(Throwable e) {
        return switch (e) {
            case StorageException se -> new UserMessage(title(se.kind()), message(se), se.kind().hint());
            case ClusterLocations.ConfigException ce -> new UserMessage("The config folder cannot be used",
                    ce.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code() + " at " + d.path() + ": " + d.message())
                            .collect(Collectors.joining("\n")),
                    "Fix cluster.yaml (run `omnigraph cluster validate` in that folder) or open the storage root directly.");
            case WireFormatException we -> new UserMessage("Unreadable cluster object",
                    we.diagnostic().code() + " at " + we.diagnostic().path() + ": " + we.diagnostic().message(), "");
            case IllegalArgumentException iae -> new UserMessage("Check the input", String.valueOf(iae.getMessage()), "");
            case CancellationException ce -> new UserMessage("Cancelled", "The operation was cancelled; nothing was changed.", "");
            default -> new UserMessage("Unexpected error",
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    "Nothing was changed. Retry; if it persists, report it with the console log.");
        };
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 8 && t != null; i++) {
            if (t instanceof UncheckedStorageException u) {
                return u.getCause();
            }
            if ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException
                    || t.getClass() == RuntimeException.class) && t.getCause() != null) {
                t = t.getCause();
                continue;
            }
            return t;
        }
        return e;
    }

    private static String message(StorageException se) {
        String m = se.getMessage() == null ? se.kind().name() : se.getMessage();
        return se.target() == null || m.contains(se.target()) ? m : m + " (" + se.target() + ")";
    }

    private static String title(StorageException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> "Not found";
            case NO_SUCH_BUCKET -> "No such bucket";
            case ACCESS_DENIED -> "Access denied";
            case INVALID_CREDENTIALS -> "Wrong credentials";
            case CREDENTIALS_EXPIRED -> "Credentials expired";
            case NO_CREDENTIALS -> "No credentials";
            case UNREACHABLE -> "Endpoint unreachable";
            case TIMEOUT -> "Timed out";
            case TLS -> "TLS failure";
            case THROTTLED -> "Throttled";
            case SERVER_ERROR -> "Server error";
            case OUTCOME_UNKNOWN -> "Outcome unknown";
            case INVALID_KEY -> "Invalid key";
            case TOO_LARGE -> "Object too large";
            case UNSUPPORTED -> "Not supported";
            case CANCELLED -> "Cancelled";
            case IO -> "Local I/O error";
        } + "";
    }
}
