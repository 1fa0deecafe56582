package dev.omnigraph.console.cluster.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every digest upstream computes (spec §4), byte for byte:
 *
 * <ul>
 *   <li>{@link #sha256Hex}: lowercase 64-hex SHA-256, no prefix ({@code lib.rs::sha256_hex}); leaf
 *       digests of schema/query/policy sources are this over the raw file bytes;</li>
 *   <li>{@link #stateCas}: {@code "sha256:" + hex} of the exact {@code state.json} bytes
 *       ({@code store.rs::read_state});</li>
 *   <li>{@link #providerDigest}: {@code "embedding-provider\0" + compact profile JSON}
 *       ({@code lib.rs::embedding_provider_digest});</li>
 *   <li>{@link #graphComposite}: the {@code graph.<id>} composite
 *       ({@code lib.rs::graph_digest_with_external_blob_policy});</li>
 *   <li>{@link #desiredConfigDigest}: {@code "cluster-config\0" + semantics JSON + "\0"} followed by
 *       {@code address\0digest\0} per desired resource ({@code lib.rs::desired_config_digest}).</li>
 * </ul>
 *
 * <p>{@link #verifyGraphComposites} is the read-side invariant of §3.8
 * ({@code lib.rs::validate_state_graph_resource_digests}), and {@link #verifyProviderProfiles} the
 * serving-side provider check ({@code serve.rs::read_snapshot_with_store}).
 */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** SHA-256 of the UTF-8 encoding of {@code text}. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:<hex>} of the exact ledger bytes. */
    public static String stateCas(byte[] stateJsonBytes) {
        return "sha256:" + sha256Hex(stateJsonBytes);
    }

    /** Digest of a {@code provider.embedding.<name>} resource. */
    public static String providerDigest(EmbeddingProfile profile) {
        return sha256Hex("embedding-provider\0" + profile.toCompactJson());
    }

    /**
     * The exact string hashed into a graph composite.
     *
     * @param schemaDigest             schema digest, or null (hashed as empty)
     * @param queryDigests             query name → digest (any order; hashed in name order), or null
     * @param embeddingProviderAddress bound {@code provider.embedding.<n>}, or null for none
     * @param embeddingProviderDigest  that provider's digest, or null (hashed as empty)
     * @param policy                   external Blob policy; null or deny adds nothing
     */
    public static String graphCompositeInput(String graphId, String schemaDigest, Map<String, String> queryDigests,
            String embeddingProviderAddress, String embeddingProviderDigest, ExternalBlobPolicy policy) {
        StringBuilder input = new StringBuilder();
        input.append("graph\0").append(graphId).append("\0schema\0")
                .append(schemaDigest == null ? "" : schemaDigest).append('\0');
        if (queryDigests != null) {
            SortedMap<String, String> byName = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
            byName.putAll(queryDigests);
            byName.forEach((name, digest) -> input.append("query\0").append(name).append('\0')
                    .append(digest).append('\0'));
        }
        if (embeddingProviderAddress != null) {
            input.append("embedding_provider\0").append(embeddingProviderAddress).append('\0')
                    .append(embeddingProviderDigest == null ? "" : embeddingProviderDigest).append('\0');
        }
        if (policy != null && !policy.isDeny()) {
            input.append("external_blob_policy\0").append(policy.toCompactJson()).append('\0');
        }
        return input.toString();
    }

    /** SHA-256 hex of {@link #graphCompositeInput}. */
    public static String graphComposite(String graphId, String schemaDigest, Map<String, String> queryDigests,
            String embeddingProviderAddress, String embeddingProviderDigest, ExternalBlobPolicy policy) {
        return sha256Hex(graphCompositeInput(graphId, schemaDigest, queryDigests, embeddingProviderAddress,
                embeddingProviderDigest, policy));
    }

    /**
     * The composite a ledger's {@code graph.<graphId>} entry must carry, recomputed from the ledger's
     * own {@code schema.<id>} digest, every {@code query.<id>.*} digest, the graph's bound provider
     * and that provider's digest, and its policy (absent = deny)
     * ({@code lib.rs::expected_state_graph_resource_digest}).
     */
    public static String expectedLedgerGraphComposite(Ledger ledger, String graphId, LedgerResource graph) {
        SortedMap<String, LedgerResource> resources = ledger.resources();
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
        return graphComposite(graphId, schema == null ? null : schema.digest(), queries, provider,
                providerResource == null ? null : providerResource.digest(), graph.effectiveExternalBlobPolicy());
    }

    /**
     * One {@code external_blob_policy_digest_mismatch} error per {@code graph.<id>} whose recorded
     * digest differs from {@link #expectedLedgerGraphComposite}; empty when the ledger is consistent.
     */
    public static List<Diagnostic> verifyGraphComposites(Ledger ledger) {
        List<Diagnostic> findings = new ArrayList<>();
        ledger.resources().forEach((address, resource) -> {
            ResourceAddress parsed = ResourceAddress.parse(address);
            if (parsed.kind() != ResourceKind.GRAPH) {
                return;
            }
            String expected = expectedLedgerGraphComposite(ledger, parsed.graphId(), resource);
            if (!expected.equals(resource.digest())) {
                findings.add(Diagnostic.error("external_blob_policy_digest_mismatch", address,
                        "recorded digest " + resource.digest() + " differs from the composite recomputed from the "
                                + "ledger's own schema, query, provider and external Blob policy entries (" + expected
                                + "); the ledger was edited or damaged and should be restored from a trusted copy"));
            }
        });
        return List.copyOf(findings);
    }

    /**
     * Serving's provider checks for every provider a graph binds: a recorded
     * {@code embedding_profile} ({@code embedding_provider_profile_missing}) that hashes to the
     * recorded digest ({@code embedding_provider_digest_mismatch}).
     */
    public static List<Diagnostic> verifyProviderProfiles(Ledger ledger) {
        List<String> required = ledger.resources().entrySet().stream()
                .filter(e -> ResourceAddress.parse(e.getKey()).kind() == ResourceKind.GRAPH)
                .map(e -> e.getValue().embeddingProvider())
                .filter(p -> p != null)
                .distinct()
                .toList();
        List<Diagnostic> findings = new ArrayList<>();
        ledger.resources().forEach((address, resource) -> {
            if (ResourceAddress.parse(address).kind() != ResourceKind.EMBEDDING_PROVIDER
                    || !required.contains(address)) {
                return;
            }
            if (resource.embeddingProfile() == null) {
                findings.add(Diagnostic.error("embedding_provider_profile_missing", address,
                        "a graph binds this provider, but its entry has no embedding_profile to check"));
                return;
            }
            String actual = providerDigest(resource.embeddingProfile());
            if (!actual.equals(resource.digest())) {
                findings.add(Diagnostic.error("embedding_provider_digest_mismatch", address,
                        "the recorded embedding_profile hashes to " + actual + ", not to the recorded digest "
                                + resource.digest()));
            }
        });
        return List.copyOf(findings);
    }

    /**
     * The desired config digest.
     *
     * @param configSemanticsJson compact JSON of the parsed config ({@link ClusterConfig#semanticsJson()})
     * @param resourceDigests     every desired resource, address → digest (hashed in address order)
     */
    public static String desiredConfigDigest(String configSemanticsJson, Map<String, String> resourceDigests) {
        StringBuilder input = new StringBuilder("cluster-config\0").append(configSemanticsJson).append('\0');
        SortedMap<String, String> ordered = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        ordered.putAll(resourceDigests);
        ordered.forEach((address, digest) -> input.append(address).append('\0').append(digest).append('\0'));
        return sha256Hex(input.toString());
    }
}
