package dev.omnigraph.console.storage;

/**
 * Outcome of a conditional write. Losing a race is an ordinary, typed outcome: nothing was
 * written. Failures whose outcome is unknown (a connection dropped after the request was sent)
 * are thrown as {@link StorageException} with {@link StorageException.Kind#OUTCOME_UNKNOWN}:
 * the caller must re-read before deciding anything.
 */
public sealed interface PutResult {
    /** The object was written; {@code token} is its new version token. */
    record Written(String token) implements PutResult {}

    /** The precondition did not hold (the object exists, or its version moved). Nothing was written. */
    record PreconditionFailed(String reason) implements PutResult {}

    default boolean written() {
        return this instanceof Written;
    }
}
