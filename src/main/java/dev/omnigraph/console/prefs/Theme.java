package dev.omnigraph.console.prefs;

/** The window's colour scheme: follow the operating system, or a fixed choice the admin made. */
public enum Theme {
    SYSTEM("Follow the system"),
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
