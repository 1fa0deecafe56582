package dev.omnigraph.console.cluster.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The desired state a config directory declares, what upstream's {@code config.rs::load_desired}
 * derives (spec §1.2, §4): every resource with its digest, dependencies, normalized policy
 * bindings, per-graph facts, and the desired config digest
 * ({@code lib.rs::desired_config_digest}) that approvals bind to and that
 * {@code applied_revision.config_digest} records.
 *
 * <p>Not reproduced: schema parsing/catalog build ({@code schema_parse_error},
 * {@code schema_catalog_error}), query type-checking ({@code query_typecheck_*}) and Cedar policy
 * compilation ({@code policy_invalid}); none of them changes a digest.
 *
 * @param configDir          the config directory
 * @param config             the parsed {@code cluster.yaml}
 * @param configDigest       desired config digest (64 hex)
 * @param resourceDigests    address → digest, sorted
 * @param resources          every resource, sorted by address
 * @param dependencies       sorted edges
 * @param policyBindings     {@code policy.<name>} → normalized, sorted, de-duplicated {@code applies_to}
 * @param graphs             per graph, sorted by id
 * @param embeddingProviders {@code provider.embedding.<name>} → raw profile
 */
public record DesiredConfig(Path configDir, ClusterConfig config, String configDigest,
        SortedMap<String, String> resourceDigests, List<ResourceSummary> resources, List<Dependency> dependencies,
        SortedMap<String, List<String>> policyBindings, List<DesiredGraph> graphs,
        SortedMap<String, EmbeddingProfile> embeddingProviders) {

    public DesiredConfig {
        resourceDigests = sorted(resourceDigests);
        resources = List.copyOf(resources);
        dependencies = List.copyOf(dependencies);
        policyBindings = sorted(policyBindings);
        graphs = List.copyOf(graphs);
        embeddingProviders = sorted(embeddingProviders);
    }

    /**
     * Loads and validates {@code configDir}: {@link ClusterConfigReader#read} then the derivation.
     * Reads the schema, query and policy files the config references (never storage).
     */
    public static DesiredConfigResult load(Path configDir) {
        return DesiredConfigLoader.load(configDir);
    }

    /** The desired config digest, same as {@link #configDigest()}. */
    public String desiredConfigDigest() {
        return configDigest;
    }

    /** The compact JSON hashed into the digest ({@link ClusterConfig#semanticsJson()}). */
    public String configSemanticsJson() {
        return config.semanticsJson();
    }

    /** {@link ClusterConfig#storageRoot} for this config dir. */
    public StorageRoot storageRoot(Path cwd) {
        return config.storageRoot(configDir, cwd);
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        TreeMap<String, V> copy = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        copy.putAll(map);
        return Collections.unmodifiableSortedMap(copy);
    }
}
