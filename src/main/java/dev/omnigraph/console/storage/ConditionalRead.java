package dev.omnigraph.console.storage;

/** Outcome of a read that quotes a known version token (HTTP {@code If-None-Match}). */
public sealed interface ConditionalRead {
    /** The object still has the quoted token; nothing was transferred. */
    record Unchanged() implements ConditionalRead {}

    /** The object changed (or no token was known); here is the new content. */
    record Changed(StoredObject object) implements ConditionalRead {}

    /** The object does not exist. */
    record Absent() implements ConditionalRead {}
}
