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
        Derivation d = new Derivation(configDir, config, diagnostics);
        d.addProviders();
        config.graphs().forEach(d::addGraph);
        List<DesiredGraph> graphs = d.addGraphComposites();
        SortedMap<String, List<String>> bindings = PolicyBindingRules.apply(configDir, config, d.resources, d.dependencies,
                diagnostics);

        SortedMap<String, String> resourceDigests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        d.resources.forEach((address, summary) -> resourceDigests.put(address, summary.digest()));
        String configDigest = Digests.desiredConfigDigest(config.semanticsJson(), resourceDigests);
        DesiredConfig desired = new DesiredConfig(configDir, config, configDigest, resourceDigests,
                List.copyOf(d.resources.values()), List.copyOf(d.dependencies), bindings, graphs, d.providers);
        return new DesiredConfigResult(read, desired, diagnostics);
    }

    /** What the derivation gathers, resource by resource, in upstream's order. */
    private static final class Derivation {
        final Path configDir;
        final ClusterConfig config;
        final List<Diagnostic> diagnostics;
        final SortedMap<String, ResourceSummary> resources = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        final SortedSet<Dependency> dependencies = new TreeSet<>();
        final Map<String, String> providerDigests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        final SortedMap<String, EmbeddingProfile> providers = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        final Map<String, String> schemaDigests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        final Map<String, SortedMap<String, String>> queryDigests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        final Map<String, String> graphProviders = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        final Map<String, ExternalBlobPolicy> policies = new TreeMap<>(RustStrings.CODE_POINT_ORDER);

        Derivation(Path configDir, ClusterConfig config, List<Diagnostic> diagnostics) {
            this.configDir = configDir;
            this.config = config;
            this.diagnostics = diagnostics;
        }

        void addProviders() {
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
        }

        /** A graph's id, external Blob policy, provider reference, schema file and queries. */
        void addGraph(String graphId, GraphConfig graph) {
            ConfigRules.validateId("graph id", "graphs." + graphId, graphId, diagnostics);
            policies.put(graphId, externalBlobPolicy(graphId, graph, diagnostics));
            dependencies.add(new Dependency(ResourceAddress.schema(graphId), ResourceAddress.graph(graphId)));
            bindProvider(config, graphId, graph, graphProviders, dependencies, diagnostics);
            addSchema(graphId, graph);
            QueryDiscovery.Result discovered = QueryDiscovery.resolve(configDir, graphId, graph.queries(), diagnostics);
            for (var query : discovered.registry().entrySet()) {
                addQuery(graphId, query.getKey(), query.getValue(), discovered.contents().get(query.getValue()));
            }
        }

        private void addSchema(String graphId, GraphConfig graph) {
            String schemaAddress = ResourceAddress.schema(graphId);
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
        }

        /** One query: its dependencies, its file's digest (read now unless discovery already read it), its declaration. */
        private void addQuery(String graphId, String name, String file, ConfigFiles.Source discovered) {
            String at = "graphs." + graphId + ".queries." + name;
            ConfigRules.validateId("query name", at, name, diagnostics);
            String queryAddress = ResourceAddress.query(graphId, name);
            dependencies.add(new Dependency(queryAddress, ResourceAddress.graph(graphId)));
            dependencies.add(new Dependency(queryAddress, ResourceAddress.schema(graphId)));
            Path queryPath = ConfigFiles.resolve(configDir, file);
            ConfigFiles.Source source = discovered;
            if (source == null) {
                try {
                    source = ConfigFiles.read(queryPath);
                } catch (IOException | RuntimeException e) {
                    diagnostics.add(Diagnostic.error("query_file_missing", at + ".file",
                            "cannot read query file '" + queryPath + "': " + e.getMessage()));
                    return;
                }
            }
            String digest = Digests.sha256Hex(source.bytes());
            queryDigests.computeIfAbsent(graphId, k -> new TreeMap<>(RustStrings.CODE_POINT_ORDER)).put(name, digest);
            resources.put(queryAddress, new ResourceSummary(queryAddress, ResourceKind.QUERY, digest,
                    queryPath.toString()));
            checkQueryDeclared(name, at, source.text(), diagnostics);
        }

        /** Each graph's composite digest over its schema, queries, provider and external Blob policy. */
        List<DesiredGraph> addGraphComposites() {
            List<DesiredGraph> graphs = new ArrayList<>();
            for (String graphId : config.graphs().keySet()) {
                String provider = graphProviders.get(graphId);
                String digest = Digests.graphComposite(graphId, schemaDigests.get(graphId), queryDigests.get(graphId),
                        provider, provider == null ? null : providerDigests.get(provider), policies.get(graphId));
                String address = ResourceAddress.graph(graphId);
                resources.put(address, new ResourceSummary(address, ResourceKind.GRAPH, digest, null));
                graphs.add(new DesiredGraph(graphId, schemaDigests.getOrDefault(graphId, ""), provider, policies.get(graphId)));
            }
            return graphs;
        }
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
