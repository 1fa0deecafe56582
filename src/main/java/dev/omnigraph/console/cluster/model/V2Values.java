package dev.omnigraph.console.cluster.model;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The small value rules ledger v2 applies everywhere (spec §1.2, §2.3-§2.6): 64-hex digests,
 * {@code sha256:}-prefixed digests, graph/resource ids, resource addresses and authority actors.
 * Each is a yes/no test; the caller names the code and the path.
 */
public final class V2Values {

    /** Upper bound on ledger bytes and on a bundle (16 MiB, upstream {@code MAX_LEDGER_BYTES}). */
    public static final int MAX_LEDGER_BYTES = 16 * 1024 * 1024;
    /** Entries in a resource map, effect list or graph map. */
    public static final int MAX_RESOURCES = 4096;
    /** Retained results. */
    public static final int MAX_RESULTS = 32;
    /** The whole results array (compact JSON). */
    public static final int MAX_RESULTS_BYTES = 4 * 1024 * 1024;
    /** One result (compact JSON). */
    public static final int MAX_RESULT_BYTES = 1024 * 1024;
    /** Refused outcome codes of one result, in total. */
    public static final int MAX_DIAGNOSTIC_BYTES = 4096;

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern REFUSED_CODE = Pattern.compile("[a-z_]{0,128}");

    private V2Values() {
    }

    /** 64 lower-case hex characters. */
    public static boolean isDigest(String value) {
        return value != null && HEX64.matcher(value).matches();
    }

    /** {@code sha256:} + 64 lower-case hex. */
    public static boolean isPrefixedDigest(String value) {
        return value != null && value.startsWith("sha256:") && isDigest(value.substring(7));
    }

    /** A graph, query, policy or provider id: {@code [A-Za-z_][A-Za-z0-9_-]*}. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    public static boolean isRefusedCode(String value) {
        return value != null && REFUSED_CODE.matcher(value).matches();
    }

    /**
     * A resource address upstream accepts in v2: a known kind, every id part valid, at most 512
     * bytes ({@code valid_address}). Unknown kinds are refused in v2.
     */
    public static boolean isValidAddress(String address) {
        if (address == null || address.getBytes(StandardCharsets.UTF_8).length > 512) {
            return false;
        }
        ResourceAddress parsed = ResourceAddress.parse(address);
        return switch (parsed.kind()) {
            case GRAPH, SCHEMA -> isId(parsed.graphId());
            case QUERY -> isId(parsed.graphId()) && isId(parsed.name());
            case POLICY, EMBEDDING_PROVIDER -> isId(parsed.name());
            case UNKNOWN -> false;
        };
    }

    /**
     * Authority actor rules: non-empty, at most 256 bytes, no leading or trailing space, no control
     * characters ({@code valid_actor}); null is allowed here (the kind decides whether it is required).
     */
    public static boolean isValidActor(String actor) {
        if (actor == null) {
            return true;
        }
        if (actor.isEmpty() || actor.getBytes(StandardCharsets.UTF_8).length > 256 || !actor.strip().equals(actor)) {
            return false;
        }
        return actor.chars().noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0));
    }
}
