package dev.omnigraph.console.cluster.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The derivation behind {@link DesiredConfig#load}, step for step like {@code config.rs::load_desired}:
 * providers, then graphs (ids, external Blob policy, provider reference, schema file, queries),
 * then graph composites, then policies (bindings, file), then the config digest. Diagnostics keep
 * upstream's order and paths.
 */
final class DesiredConfigLoader {

    private DesiredConfigLoader() {
    }

    static DesiredConfigResult load(Path configDir) {
        ClusterConfigReadResult read = ClusterConfigReader.read(configDir);
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        ClusterConfig config = read.config();
        if (config == null) {
            return new DesiredConfigResult(read, null, diagnostics);
        }
        SortedMap<String, ResourceSummary> resources = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        SortedSet<Dependency> dependencies = new TreeSet<>();
        Map<String, String> providerDigests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        SortedMap<String, EmbeddingProfile> providers = new TreeMap<>(RustStrings.CODE_POINT_ORDER);

        for (var entry : config.embeddingProviders().entrySet()) {
            String path = "providers.embedding." + entry.getKey();
            ConfigRules.validateId("embedding provider name", path, entry.getKey(), diagnostics);
            String address = ResourceAddress.embeddingProvider(entry.getKey());
            ConfigRules.validateProvider(entry.getValue(), path, diagnostics);
            String digest = Digests.providerDigest(entry.getValue());
            providerDigests.put(address, digest);
            providers.put(address, entry.getValue());
            resources.put(address, new ResourceSummary(address, ResourceKind.EMBEDDING_PROVIDER, digest, null));
        }

        Map<String, String> schemaDigests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        Map<String, SortedMap<String, String>> queryDigests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        Map<String, String> graphProviders = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        Map<String, ExternalBlobPolicy> policies = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        for (var entry : config.graphs().entrySet()) {
            String graphId = entry.getKey();
            GraphConfig graph = entry.getValue();
            ConfigRules.validateId("graph id", "graphs." + graphId, graphId, diagnostics);
            String graphAddress = ResourceAddress.graph(graphId);
            String schemaAddress = ResourceAddress.schema(graphId);
            policies.put(graphId, externalBlobPolicy(graphId, graph, diagnostics));
            dependencies.add(new Dependency(schemaAddress, graphAddress));
            bindProvider(config, graphId, graph, graphProviders, dependencies, diagnostics);

            Path schemaPath = ConfigFiles.resolve(configDir, graph.schema());
            try {
                String digest = Digests.sha256Hex(ConfigFiles.read(schemaPath).bytes());
                schemaDigests.put(graphId, digest);
                resources.put(schemaAddress, new ResourceSummary(schemaAddress, ResourceKind.SCHEMA, digest,
                        schemaPath.toString()));
            } catch (IOException | RuntimeException e) {
                diagnostics.add(Diagnostic.error("schema_file_missing", "graphs." + graphId + ".schema",
                        "cannot read schema file '" + schemaPath + "': " + e.getMessage()));
            }

            QueryDiscovery.Result discovered = QueryDiscovery.resolve(configDir, graphId, graph.queries(), diagnostics);
            for (var query : discovered.registry().entrySet()) {
                String name = query.getKey();
                String at = "graphs." + graphId + ".queries." + name;
                ConfigRules.validateId("query name", at, name, diagnostics);
                String queryAddress = ResourceAddress.query(graphId, name);
                dependencies.add(new Dependency(queryAddress, graphAddress));
                dependencies.add(new Dependency(queryAddress, schemaAddress));
                Path queryPath = ConfigFiles.resolve(configDir, query.getValue());
                ConfigFiles.Source source = discovered.contents().get(query.getValue());
                if (source == null) {
                    try {
                        source = ConfigFiles.read(queryPath);
                    } catch (IOException | RuntimeException e) {
                        diagnostics.add(Diagnostic.error("query_file_missing", at + ".file",
                                "cannot read query file '" + queryPath + "': " + e.getMessage()));
                        continue;
                    }
                }
                String digest = Digests.sha256Hex(source.bytes());
                queryDigests.computeIfAbsent(graphId, k -> new TreeMap<>(RustStrings.CODE_POINT_ORDER)).put(name, digest);
                resources.put(queryAddress, new ResourceSummary(queryAddress, ResourceKind.QUERY, digest,
                        queryPath.toString()));
                checkQueryDeclared(name, at, source.text(), diagnostics);
            }
        }

        List<DesiredGraph> graphs = new ArrayList<>();
        for (String graphId : config.graphs().keySet()) {
            String provider = graphProviders.get(graphId);
            String digest = Digests.graphComposite(graphId, schemaDigests.get(graphId), queryDigests.get(graphId),
                    provider, provider == null ? null : providerDigests.get(provider), policies.get(graphId));
            String address = ResourceAddress.graph(graphId);
            resources.put(address, new ResourceSummary(address, ResourceKind.GRAPH, digest, null));
            graphs.add(new DesiredGraph(graphId, schemaDigests.getOrDefault(graphId, ""), provider, policies.get(graphId)));
        }

        SortedMap<String, List<String>> bindings = PolicyBindingRules.apply(configDir, config, resources, dependencies,
                diagnostics);

        SortedMap<String, String> resourceDigests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        resources.forEach((address, summary) -> resourceDigests.put(address, summary.digest()));
        String configDigest = Digests.desiredConfigDigest(config.semanticsJson(), resourceDigests);
        DesiredConfig desired = new DesiredConfig(configDir, config, configDigest, resourceDigests,
                List.copyOf(resources.values()), List.copyOf(dependencies), bindings, graphs, providers);
        return new DesiredConfigResult(read, desired, diagnostics);
    }

    private static void bindProvider(ClusterConfig config, String graphId, GraphConfig graph,
            Map<String, String> graphProviders, SortedSet<Dependency> dependencies, List<Diagnostic> diagnostics) {
        if (graph.embeddingProvider() == null) {
            return;
        }
        String path = "graphs." + graphId + ".embedding_provider";
        switch (ConfigRules.providerTarget(graph.embeddingProvider())) {
            case ConfigRules.Target.Named named -> {
                String providerAddress = ResourceAddress.embeddingProvider(named.name());
                if (config.embeddingProviders().containsKey(named.name())) {
                    dependencies.add(new Dependency(ResourceAddress.graph(graphId), providerAddress));
                    graphProviders.put(graphId, providerAddress);
                } else {
                    diagnostics.add(Diagnostic.error("dangling_embedding_provider_reference", path,
                            "embedding_provider names `" + named.name() + "`, but providers.embedding."
                                    + named.name() + " is not declared"));
                }
            }
            case ConfigRules.Target.WrongKind wrong -> diagnostics.add(Diagnostic.error("wrong_kind_reference", path,
                    "embedding_provider `" + wrong.raw()
                            + "` is not a provider reference; use a bare name or provider.embedding.<name>"));
            case ConfigRules.Target.Cluster cluster -> {
                // providerTarget never yields Cluster
            }
        }
    }

    /** {@code config.rs::validate_external_blob_policy}: empty → deny; any invalid base → deny plus errors. */
    private static ExternalBlobPolicy externalBlobPolicy(String graphId, GraphConfig graph,
            List<Diagnostic> diagnostics) {
        if (graph.externalBlobsAllow().isEmpty()) {
            return ExternalBlobPolicy.DENY;
        }
        List<ExternalBlobBase> bases = new ArrayList<>();
        boolean invalid = false;
        for (int i = 0; i < graph.externalBlobsAllow().size(); i++) {
            GraphConfig.ExternalBlobBaseConfig configured = graph.externalBlobsAllow().get(i);
            try {
                bases.add(ExternalBlobUris.normalizeBase(configured.base(), configured.scope()));
            } catch (ExternalBlobUris.InvalidExternalBlobException e) {
                invalid = true;
                diagnostics.add(Diagnostic.error("invalid_external_blob_base",
                        "graphs." + graphId + ".external_blobs.allow[" + i + "].base", e.getMessage()));
            }
        }
        if (invalid) {
            return ExternalBlobPolicy.DENY;
        }
        try {
            return ExternalBlobUris.allow(bases);
        } catch (ExternalBlobUris.InvalidExternalBlobException e) {
            diagnostics.add(Diagnostic.error("invalid_external_blob_policy",
                    "graphs." + graphId + ".external_blobs.allow", e.getMessage()));
            return ExternalBlobPolicy.DENY;
        }
    }

    /** {@code config.rs::validate_query_source} minus type-checking: the named query must be declared. */
    private static void checkQueryDeclared(String name, String at, String source, List<Diagnostic> diagnostics) {
        try {
            if (!QueryDeclarationScanner.declaredNames(source).contains(name)) {
                diagnostics.add(Diagnostic.error("query_key_mismatch", at,
                        "the file given for query `" + name + "` declares no query of that name"));
            }
        } catch (QueryDeclarationScanner.QueryParseException e) {
            diagnostics.add(Diagnostic.error("query_parse_error", at, e.getMessage()));
        }
    }
}
