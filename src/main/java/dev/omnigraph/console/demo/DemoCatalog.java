package dev.omnigraph.console.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.EmbeddingProfile;
import dev.omnigraph.console.cluster.model.ExternalBlobBase;
import dev.omnigraph.console.cluster.model.ExternalBlobPolicy;
import dev.omnigraph.console.cluster.model.ExternalBlobScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo cluster's deployed definitions and their digests: catalog payloads named by their
 * SHA-256 (plus one orphaned older version of a query file), schema digests, the embedding
 * provider, and the graph composites the ledger records (so that they verify).
 */
final class DemoCatalog {
    static final String PROVIDER = "provider.embedding.default";
    static final String KNOWLEDGE_BLOB_BASE = "s3://acme-assets/knowledge/";

    final String people = sha256(DemoSources.PEOPLE_QUERIES);
    final String peopleOld = sha256(DemoSources.PEOPLE_QUERIES_OLD);
    final String company = sha256(DemoSources.COMPANY_QUERIES);
    final String tickets = sha256(DemoSources.TICKET_QUERIES);
    final String basePolicy = sha256(DemoSources.BASE_POLICY);
    final String serverPolicy = sha256(DemoSources.SERVER_POLICY);
    final String knowledgeSchema = sha256(DemoSources.KNOWLEDGE_SCHEMA);
    final String supportSchema = sha256(DemoSources.SUPPORT_SCHEMA);
    final String scratchSchema = sha256(DemoSources.SCRATCH_SCHEMA_LIVE);
    final EmbeddingProfile profile = new EmbeddingProfile("openai-compatible", "https://api.openai.com/v1", "text-embedding-3-large",
            "${OPENAI_API_KEY}");
    final String providerDigest = Digests.providerDigest(profile);
    final String knowledgeGraph;
    final String supportGraph;
    final String scratchGraph;

    DemoCatalog() {
        ExternalBlobPolicy.Allow blobPolicy = new ExternalBlobPolicy.Allow(List.of(
                new ExternalBlobBase(KNOWLEDGE_BLOB_BASE, ExternalBlobScope.SERVER_SAFE)));
        Map<String, String> knowledgeQueries = new TreeMap<>(Map.of("company_staff", company, "find_person", people, "list_people", people));
        knowledgeGraph = Digests.graphComposite("knowledge", knowledgeSchema, knowledgeQueries, PROVIDER, providerDigest, blobPolicy);
        supportGraph = Digests.graphComposite("support", supportSchema, Map.of("open_tickets", tickets), null, null,
                ExternalBlobPolicy.DENY);
        scratchGraph = Digests.graphComposite("scratch", scratchSchema, Map.of(), null, null, ExternalBlobPolicy.DENY);
    }

    /** The catalog blobs to write: file name = sha256(content). */
    List<GraphTreeWriter.PlannedObject> blobs() {
        Map<String, String> files = new TreeMap<>();
        files.put(ClusterLayout.queryBlob("knowledge", "find_person", people), DemoSources.PEOPLE_QUERIES);
        files.put(ClusterLayout.queryBlob("knowledge", "list_people", people), DemoSources.PEOPLE_QUERIES);
        files.put(ClusterLayout.queryBlob("knowledge", "find_person", peopleOld), DemoSources.PEOPLE_QUERIES_OLD);
        files.put(ClusterLayout.queryBlob("knowledge", "company_staff", company), DemoSources.COMPANY_QUERIES);
        files.put(ClusterLayout.queryBlob("support", "open_tickets", tickets), DemoSources.TICKET_QUERIES);
        files.put(ClusterLayout.policyBlob("base", basePolicy), DemoSources.BASE_POLICY);
        files.put(ClusterLayout.policyBlob("server", serverPolicy), DemoSources.SERVER_POLICY);
        List<GraphTreeWriter.PlannedObject> out = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            out.add(GraphTreeWriter.PlannedObject.literal(f.getKey(), f.getValue()));
        }
        return out;
    }

    static String sha256(String text) {
        return Digests.sha256Hex(text.getBytes(UTF_8));
    }
}
