package dev.omnigraph.console.storage;

/** Outcome of a delete, saying which kind of delete actually happened. */
public sealed interface DeleteResult {
    /**
     * The object is gone. {@code conditional} is true when the server itself checked the version
     * token (S3 {@code If-Match} on DELETE), false for a plain delete.
     */
    record Deleted(boolean conditional) implements DeleteResult {}

    /** The server refused: the object's version is not the one quoted. Nothing was deleted. */
    record PreconditionFailed() implements DeleteResult {}

    /** There was no such object. */
    record NotFound() implements DeleteResult {}

    /**
     * The backend cannot delete conditionally (S3 servers answering 501, local folders). Nothing
     * was deleted; the caller decides whether a re-read-and-compare followed by a plain delete is
     * acceptable.
     */
    record ConditionNotSupported(String detail) implements DeleteResult {}
}
