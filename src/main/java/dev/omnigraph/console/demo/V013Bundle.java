package dev.omnigraph.console.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.EmbeddingProfile;
import dev.omnigraph.console.cluster.model.ExternalBlobBase;
import dev.omnigraph.console.cluster.model.ExternalBlobPolicy;
import dev.omnigraph.console.cluster.model.ExternalBlobScope;
import dev.omnigraph.console.cluster.model.SerdeJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A captured deployment ({@code CapturedDeployment}, spec §6.3) of the demo configuration: the
 * desired projection, every captured source keyed by its sha256, and the compact bytes whose sha256
 * is both the bundle's file name and the deployment's {@code input_digest}.
 *
 * @param json   the bundle, keys in upstream's emitted order
 * @param text   its compact encoding
 * @param digest sha256(text) = input_digest = file name
 * @param files  the source files by their path relative to the config directory
 */
record V013Bundle(ObjectNode json, String text, String digest, Map<String, String> files) {
    static final String PROVIDER = "provider.embedding.default";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    ObjectNode resources() {
        return (ObjectNode) json.get("resources");
    }

    String configDigest() {
        return json.get("config_digest").textValue();
    }

    byte[] bytes() {
        return text.getBytes(UTF_8);
    }

    static V013Bundle build(String name, String root, String people, boolean withScratch) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cluster.yaml", V013Sources.clusterYaml(name, root, withScratch));
        files.put("knowledge.pg", V013Sources.SCHEMA_KNOWLEDGE);
        files.put("queries/people.gq", people);
        files.put("cluster.policy.yaml", V013Sources.CLUSTER_POLICY);
        files.put("graph.policy.yaml", V013Sources.GRAPH_POLICY);
        if (withScratch) {
            files.put("scratch.pg", V013Sources.SCHEMA_SCRATCH);
        }
        Map<String, ObjectNode> res = new TreeMap<>(desiredResources(people, withScratch));
        ObjectNode resources = JSON.objectNode();
        res.forEach(resources::set);
        String semantics = V013Sources.configSemantics(name, root, withScratch);
        Map<String, String> digests = new TreeMap<>();
        res.forEach((address, r) -> digests.put(address, r.get("digest").textValue()));
        ObjectNode sources = JSON.objectNode();
        Map<String, String> bySha = new TreeMap<>();
        files.values().forEach(text -> bySha.put(sha(text), text));
        bySha.forEach(sources::put);
        ObjectNode bundle = JSON.objectNode();
        bundle.put("version", 2);
        bundle.put("canonical_root", root);
        bundle.put("config_digest", Digests.desiredConfigDigest(semantics, digests));
        bundle.put("config_semantics", semantics);
        bundle.set("resources", resources);
        bundle.set("sources", sources);
        String text = SerdeJson.compact(bundle);
        return new V013Bundle(bundle, text, sha(text), files);
    }

    private static Map<String, ObjectNode> desiredResources(String people, boolean withScratch) {
        Map<String, ObjectNode> res = new LinkedHashMap<>();
        EmbeddingProfile profile = new EmbeddingProfile(V013Sources.PROVIDER_KIND, V013Sources.PROVIDER_URL,
                V013Sources.PROVIDER_MODEL, V013Sources.PROVIDER_KEY);
        String providerDigest = Digests.providerDigest(profile);
        ObjectNode provider = resource(providerDigest);
        provider.set("embedding_profile", V013Sources.profile());
        res.put(PROVIDER, provider);
        res.put("schema.knowledge", resource(sha(V013Sources.SCHEMA_KNOWLEDGE)));
        Map<String, String> queries = new TreeMap<>();
        for (String q : V013Sources.queryNames(people)) {
            queries.put(q, sha(people));
            res.put("query.knowledge." + q, resource(sha(people)));
        }
        ExternalBlobPolicy policy = new ExternalBlobPolicy.Allow(List.of(
                new ExternalBlobBase(V013Sources.BLOB_BASE, ExternalBlobScope.SERVER_SAFE)));
        ObjectNode graph = resource(Digests.graphComposite("knowledge", sha(V013Sources.SCHEMA_KNOWLEDGE), queries, PROVIDER,
                providerDigest, policy));
        graph.put("embedding_provider", PROVIDER);
        graph.set("external_blob_policy", V013Sources.blobPolicy());
        res.put("graph.knowledge", graph);
        if (withScratch) {
            res.put("schema.scratch", resource(sha(V013Sources.SCHEMA_SCRATCH)));
            res.put("graph.scratch", resource(Digests.graphComposite("scratch", sha(V013Sources.SCHEMA_SCRATCH), Map.of(),
                    null, null, null)));
        }
        ObjectNode clusterAccess = resource(sha(V013Sources.CLUSTER_POLICY));
        clusterAccess.putArray("applies_to").add("cluster");
        res.put("policy.cluster-access", clusterAccess);
        ObjectNode graphAccess = resource(sha(V013Sources.GRAPH_POLICY));
        graphAccess.putArray("applies_to").add("graph.knowledge");
        res.put("policy.graph-access", graphAccess);
        return res;
    }

    private static ObjectNode resource(String digest) {
        ObjectNode r = JSON.objectNode();
        r.put("digest", digest);
        return r;
    }

    static String sha(String text) {
        return Digests.sha256Hex(text.getBytes(UTF_8));
    }
}
