package dev.omnigraph.console.storage;

/**
 * The outcome of {@link ObjectStore#copyChecked}: a server-side copy onto a key found absent,
 * confirmed by the ETag the server reports for the new object (equal to the source listing's).
 */
public sealed interface CheckedCopy {
    /** Copied; the server reports this ETag for the new object, the source listing's. */
    record Confirmed(String etag) implements CheckedCopy {}

    /** The server honoured the create-only condition and refused: an object appeared at the key. */
    record Refused(String reason) implements CheckedCopy {}

    /** The copy was sent but the server reports another ETag than the source's: not counted as copied. */
    record Mismatch(String message) implements CheckedCopy {}
}
