package dev.omnigraph.console.cluster;

import java.util.Optional;

/**
 * The keys OmniGraph uses under a storage root (spec §2.2), relative to the root. Both backends
 * use the same layout, which is what makes a key-for-key migration valid.
 */
public final class ClusterLayout {
    public static final String CLUSTER_DIR = "__cluster/";
    public static final String STATE = "__cluster/state.json";
    public static final String LOCK = "__cluster/lock.json";
    public static final String RESOURCES = "__cluster/resources/";
    public static final String QUERY_RESOURCES = "__cluster/resources/query/";
    public static final String POLICY_RESOURCES = "__cluster/resources/policy/";
    /** Deployment bundles of ledger v2 (v0.13 spec §6.3). */
    public static final String BUNDLES = "__cluster/resources/deployment/";
    public static final String RECOVERIES = "__cluster/recoveries/";
    public static final String APPROVALS = "__cluster/approvals/";
    public static final String GRAPHS = "graphs/";
    public static final String GRAPH_SUFFIX = ".omni";

    private ClusterLayout() {}

    /** {@code graphs/<id>.omni/} */
    public static String graphPrefix(String graphId) {
        return GRAPHS + graphId + GRAPH_SUFFIX + "/";
    }

    /** {@code __cluster/resources/query/<graph>/<name>/<digest>.gq} */
    public static String queryBlob(String graph, String name, String digest) {
        return QUERY_RESOURCES + graph + "/" + name + "/" + digest + ".gq";
    }

    /** {@code __cluster/resources/policy/<name>/<digest>.yaml} */
    public static String policyBlob(String name, String digest) {
        return POLICY_RESOURCES + name + "/" + digest + ".yaml";
    }

    /** {@code __cluster/resources/deployment/<digest>.json} */
    public static String bundleKey(String digest) {
        return BUNDLES + digest + ".json";
    }

    /** The digest a bundle key names (the stem), or null when the key is not a bundle key. */
    public static String bundleDigestOf(String key) {
        return jsonChildStem(BUNDLES, key).orElse(null);
    }

    /** The graph id of a key under {@code graphs/<id>.omni/}, if it is one. */
    public static Optional<String> graphIdOf(String key) {
        if (!key.startsWith(GRAPHS)) {
            return Optional.empty();
        }
        int slash = key.indexOf('/', GRAPHS.length());
        if (slash < 0) {
            return Optional.empty();
        }
        String dir = key.substring(GRAPHS.length(), slash);
        return dir.endsWith(GRAPH_SUFFIX) && dir.length() > GRAPH_SUFFIX.length()
                ? Optional.of(dir.substring(0, dir.length() - GRAPH_SUFFIX.length()))
                : Optional.empty();
    }

    /** The stem of a direct child {@code <dir><stem>.json}, if the key is one (upstream lists only those). */
    public static Optional<String> jsonChildStem(String dir, String key) {
        if (!key.startsWith(dir)) {
            return Optional.empty();
        }
        String rest = key.substring(dir.length());
        if (rest.contains("/") || !rest.endsWith(".json") || rest.length() == ".json".length()) {
            return Optional.empty();
        }
        return Optional.of(rest.substring(0, rest.length() - ".json".length()));
    }
}
