package dev.omnigraph.console.ui.common;

/** How a value is coloured: the same five status colours in the light and the dark theme. */
public enum Severity {
    OK, INFO, WARN, DANGER, NEUTRAL;

    /** The CSS style class ({@code status-ok} ...). */
    public String styleClass() {
        return "status-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
