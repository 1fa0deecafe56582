package dev.omnigraph.console.cluster.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The v2 projection rules for a resource map (spec §2.3, upstream {@code validate_projection}),
 * shared by the ledger and deployment bundles: known kinds only, each kind's required and forbidden
 * fields, provider profiles that hash to their digest, then every graph composite.
 */
final class ProjectionRules {

    private ProjectionRules() {
    }

    /**
     * @param path   prefix for diagnostic paths, e.g. {@code state.applied_revision.resources}
     * @param code   the code for a projection violation ({@code invalid_state} for the ledger)
     */
    static void validate(Map<String, LedgerResource> resources, String path, String code) throws WireFormatException {
        for (Map.Entry<String, LedgerResource> e : resources.entrySet()) {
            String problem = problem(e.getKey(), e.getValue(), resources);
            if (problem != null) {
                throw new WireFormatException(Diagnostic.error(code, path + "." + e.getKey(), problem));
            }
        }
        for (Map.Entry<String, LedgerResource> e : new TreeMap<>(resources).entrySet()) {
            ResourceAddress address = ResourceAddress.parse(e.getKey());
            if (address.kind() != ResourceKind.GRAPH) {
                continue;
            }
            String expected = composite(resources, address.graphId(), e.getValue());
            if (!expected.equals(e.getValue().digest())) {
                throw new WireFormatException(Diagnostic.error("external_blob_policy_digest_mismatch",
                        path + "." + e.getKey(), "the recorded digest of " + e.getKey() + " (" + e.getValue().digest()
                                + ") is not the composite of its schema, queries, provider and external Blob policy ("
                                + expected + "): the graph's metadata is not bound by its digest"));
            }
        }
    }

    /** The graph composite recomputed from a resource map ({@code graph_digest_with_external_blob_policy}). */
    static String composite(Map<String, LedgerResource> resources, String graphId, LedgerResource graph) {
        LedgerResource schema = resources.get(ResourceAddress.schema(graphId));
        String prefix = "query." + graphId + ".";
        Map<String, String> queries = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        resources.forEach((address, resource) -> {
            if (address.startsWith(prefix)) {
                queries.put(address.substring(prefix.length()), resource.digest());
            }
        });
        String provider = graph.embeddingProvider();
        LedgerResource providerResource = provider == null ? null : resources.get(provider);
        return Digests.graphComposite(graphId, schema == null ? null : schema.digest(), queries, provider,
                providerResource == null ? null : providerResource.digest(), graph.effectiveExternalBlobPolicy());
    }

    private static String problem(String address, LedgerResource r, Map<String, LedgerResource> resources) {
        if (!V2Values.isValidAddress(address)) {
            return "`" + address + "` is not a resource address v2 accepts (unknown kind, invalid id or over 512 bytes)";
        }
        ResourceAddress parsed = ResourceAddress.parse(address);
        return switch (parsed.kind()) {
            case GRAPH -> graphProblem(parsed, r, resources);
            case SCHEMA, QUERY -> !resources.containsKey(ResourceAddress.graph(parsed.graphId()))
                    ? address + " has no graph." + parsed.graphId() + " entry"
                    : r.appliesTo() != null || r.embeddingProvider() != null || r.embeddingProfile() != null
                            || r.externalBlobPolicy() != null ? address + " carries fields only graphs, policies or providers may carry"
                            : null;
            case POLICY -> policyProblem(address, r, resources);
            case EMBEDDING_PROVIDER -> r.embeddingProfile() == null
                    || !Digests.providerDigest(r.embeddingProfile()).equals(r.digest())
                    ? address + " has no embedding_profile that hashes to its digest"
                    : r.appliesTo() != null || r.embeddingProvider() != null || r.externalBlobPolicy() != null
                            ? address + " carries fields a provider may not carry" : null;
            case UNKNOWN -> "unknown resource kind";
        };
    }

    private static String graphProblem(ResourceAddress parsed, LedgerResource r, Map<String, LedgerResource> resources) {
        String provider = r.embeddingProvider();
        if (!resources.containsKey(ResourceAddress.schema(parsed.graphId()))) {
            return parsed.address() + " has no schema." + parsed.graphId() + " entry";
        }
        if (r.appliesTo() != null || r.embeddingProfile() != null) {
            return parsed.address() + " carries applies_to or embedding_profile";
        }
        if (provider != null && (ResourceAddress.parse(provider).kind() != ResourceKind.EMBEDDING_PROVIDER
                || !resources.containsKey(provider))) {
            return parsed.address() + " binds " + provider + ", which is not a provider in this map";
        }
        return null;
    }

    private static String policyProblem(String address, LedgerResource r, Map<String, LedgerResource> resources) {
        if (r.appliesTo() == null || r.appliesTo().isEmpty() || r.appliesTo().size() > V2Values.MAX_RESOURCES) {
            return address + " has no applies_to bindings";
        }
        for (String binding : r.appliesTo()) {
            boolean graph = ResourceAddress.parse(binding).kind() == ResourceKind.GRAPH && resources.containsKey(binding);
            if (!"cluster".equals(binding) && !graph) {
                return address + " applies to " + binding + ", which is neither `cluster` nor an applied graph";
            }
        }
        return r.embeddingProvider() != null || r.embeddingProfile() != null || r.externalBlobPolicy() != null
                ? address + " carries fields a policy may not carry" : null;
    }
}
