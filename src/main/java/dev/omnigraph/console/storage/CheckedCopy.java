package dev.omnigraph.console.storage;

/**
 * The outcome of {@link ObjectStore#copyChecked}: a server-side copy onto a key found absent,
 * confirmed afterwards by reading the destination back (size and ETag equal to the source's).
 */
public sealed interface CheckedCopy {
    /** Copied; the destination reads back with the source's size and this ETag (the source's). */
    record Confirmed(String etag) implements CheckedCopy {}

    /** The server honoured the create-only condition and refused: an object appeared at the key. */
    record Refused(String reason) implements CheckedCopy {}

    /** The copy was sent but the destination does not read back as the source: not counted as copied. */
    record Mismatch(String message) implements CheckedCopy {}
}
