package dev.omnigraph.console.storage;

/**
 * The precondition of every write the console makes to cluster storage. There is deliberately no
 * unconditional variant: a write either creates an object that must not exist yet, or replaces
 * the exact version the caller read.
 */
public sealed interface WriteCondition {
    /** Create only: S3 {@code If-None-Match: *}; local files: publish with a hard link. */
    record IfAbsent() implements WriteCondition {}

    /**
     * Replace only the version with this token: S3 {@code If-Match}; local files: re-check the
     * content hash, then rename over it. The local form is a check-then-act and is only safe while
     * the caller holds the cluster lock (spec §3.7, §13.7).
     */
    record IfMatch(String token) implements WriteCondition {
        public IfMatch {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("If-Match needs a version token");
            }
        }
    }

    WriteCondition IF_ABSENT = new IfAbsent();

    static WriteCondition ifMatch(String token) {
        return new IfMatch(token);
    }
}
