package dev.omnigraph.console.migrate.lance;

/** A Lance manifest that cannot be decoded (truncated, corrupt, hostile or of an unknown layout). */
public final class ManifestFormatException extends Exception {
    public ManifestFormatException(String message) {
        super(message);
    }
}
