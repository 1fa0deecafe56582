package dev.omnigraph.console.ui.common;

/** How a value is coloured: the same five status colours in the light and the dark theme. */
public enum Severity {
    OK, INFO, WARN, DANGER, NEUTRAL;

    /** Colour for a ledger resource's status ({@code applied}, {@code drifted}, {@code error}, ...). */
    public static Severity ofResourceStatus(String status) {
        return switch (status) {
            case "applied" -> OK;
            case "drifted", "blocked", "pending", "planned", "applying" -> WARN;
            case "error" -> DANGER;
            default -> NEUTRAL;
        };
    }

    /** The CSS style class ({@code status-ok} ...). */
    public String styleClass() {
        return "status-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
