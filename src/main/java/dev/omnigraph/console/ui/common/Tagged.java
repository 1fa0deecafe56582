package dev.omnigraph.console.ui.common;

/** A short text with its severity, e.g. ("stale", WARN), for badges and coloured cells. */
public record Tagged(String text, Severity severity) {
    public static Tagged ok(String text) {
        return new Tagged(text, Severity.OK);
    }

    public static Tagged info(String text) {
        return new Tagged(text, Severity.INFO);
    }

    public static Tagged warn(String text) {
        return new Tagged(text, Severity.WARN);
    }

    public static Tagged danger(String text) {
        return new Tagged(text, Severity.DANGER);
    }

    public static Tagged neutral(String text) {
        return new Tagged(text, Severity.NEUTRAL);
    }

    @Override
    public String toString() {
        return text;
    }
}
