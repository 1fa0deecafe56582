package dev.omnigraph.console.ui.common;

/**
 * A failure as an admin reads it: what happened, and what to do. Never a stack trace.
 *
 * @param title  one short line ("Access denied")
 * @param detail what failed, on what
 * @param hint   what to do about it (may be empty)
 */
public record UserMessage(String title, String detail, String hint) {
    public String oneLine() {
        return title + ": " + detail + (hint.isEmpty() ? "" : " " + hint);
    }
}
