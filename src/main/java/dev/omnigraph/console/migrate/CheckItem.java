package dev.omnigraph.console.migrate;

import java.util.List;
import java.util.Objects;

/**
 * One line of a destination check or preflight: what was checked, the verdict, why, and (for
 * warnings such as stale approvals) the items concerned.
 */
public record CheckItem(String name, Verdict verdict, String message, List<String> details) {

    /** Pass lets the migration go on; warn goes on but is reported; refuse stops it; done means nothing is left to do. */
    public enum Verdict { PASS, WARN, REFUSE, DONE }

    public CheckItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static CheckItem pass(String name, String message) {
        return new CheckItem(name, Verdict.PASS, message, List.of());
    }

    public static CheckItem warn(String name, String message, List<String> details) {
        return new CheckItem(name, Verdict.WARN, message, details);
    }

    public static CheckItem refuse(String name, String message) {
        return new CheckItem(name, Verdict.REFUSE, message, List.of());
    }

    public static CheckItem done(String name, String message) {
        return new CheckItem(name, Verdict.DONE, message, List.of());
    }

    public boolean refused() {
        return verdict == Verdict.REFUSE;
    }
}
