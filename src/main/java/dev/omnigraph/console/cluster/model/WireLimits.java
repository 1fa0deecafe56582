package dev.omnigraph.console.cluster.model;

/**
 * Console-side caps for reading stored objects. Upstream reads whole objects without a size cap;
 * the console refuses oversize input up front so a hostile or corrupt object can never exhaust
 * memory. The caps are far above anything upstream writes.
 *
 * <p>The JSON nesting cap mirrors {@code serde_json}'s default recursion limit (128: a document
 * may nest at most 127 arrays/objects), so the console accepts exactly the nesting upstream
 * accepts and rejects the rest as a parse error instead of overflowing the stack.
 */
public final class WireLimits {

    private static final long KIB = 1024L;
    private static final long MIB = 1024L * KIB;

    /** {@code __cluster/state.json}. */
    public static final long STATE_JSON_MAX_BYTES = 64 * MIB;
    /** {@code __cluster/lock.json}. */
    public static final long LOCK_MAX_BYTES = 64 * KIB;
    /** {@code __cluster/approvals/<id>.json}. */
    public static final long APPROVAL_MAX_BYTES = 1 * MIB;
    /** {@code __cluster/recoveries/<id>.json}. */
    public static final long RECOVERY_SIDECAR_MAX_BYTES = 1 * MIB;
    /** {@code __cluster/resources/...} catalog payloads (query/policy sources). */
    public static final long CATALOG_BLOB_MAX_BYTES = 64 * MIB;
    /** {@code cluster.yaml} in the operator's config directory. */
    public static final long CLUSTER_YAML_MAX_BYTES = 1 * MIB;
    /**
     * Longest line of {@code cluster.yaml} handed to the YAML parser (characters). SnakeYAML's
     * reader copies its window for every chunk of a long token, so a single huge scalar costs time
     * quadratic in its length (900,000 characters: about 15 s); no real config comes near this.
     */
    public static final int CLUSTER_YAML_MAX_LINE_CHARS = 64 * 1024;
    /** Source files a config references (schema, queries, policies). */
    public static final long CONFIG_SOURCE_MAX_BYTES = 64 * MIB;

    /** Deepest accepted JSON nesting (serde_json's recursion limit of 128, exclusive). */
    public static final int MAX_JSON_DEPTH = 127;
    /** Deepest accepted YAML nesting (serde_yaml allows 128 nested collections). */
    public static final int MAX_YAML_DEPTH = 128;

    private WireLimits() {
    }

    /**
     * Throws when {@code size} exceeds {@code maxBytes}.
     *
     * @param what human name of the object, e.g. "state.json"
     */
    public static void requireWithin(long size, long maxBytes, String code, String path, String what)
            throws WireFormatException {
        if (size > maxBytes) {
            throw new WireFormatException(Diagnostic.error(code, path,
                    what + " is " + size + " bytes, more than the console's limit of " + maxBytes
                            + " bytes; refusing to read it"));
        }
    }
}
