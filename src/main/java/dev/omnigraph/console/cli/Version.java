package dev.omnigraph.console.cli;

/** The application version (kept for the CLI's callers; the runtime owns it: {@link dev.omnigraph.console.runtime.Version}). */
public final class Version {
    private Version() {}

    public static String current() {
        return dev.omnigraph.console.runtime.Version.current();
    }
}
