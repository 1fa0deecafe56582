package dev.omnigraph.console.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.EmbeddingProfile;
import dev.omnigraph.console.cluster.model.ExternalBlobBase;
import dev.omnigraph.console.cluster.model.ExternalBlobPolicy;
import dev.omnigraph.console.cluster.model.ExternalBlobScope;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.Rfc3339;
import dev.omnigraph.console.cluster.model.SerdeJson;
import dev.omnigraph.console.cluster.model.Ulid;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a realistic OmniGraph cluster to any storage root, consistent the way upstream would
 * leave it: graph roots with Lance-like trees whose {@code _schema.pg} hashes to the ledger's
 * schema digests, catalog blobs named by their SHA-256 (plus one orphaned older version), graph
 * composites that verify, a consumed and a pending approval, a tombstone, optionally a pending
 * recovery sidecar and a lock left behind by a crashed apply.
 *
 * <p>Every write is create-only, and the ledger is written last. Running it again on the same
 * root with the same options changes nothing; on a root holding something else it refuses.
 */
public final class DemoClusterGenerator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PROVIDER = "provider.embedding.default";

    /** What was written. */
    public record Result(String root, long objects, long bytes, String stateCas, Optional<String> lockId) {}

    private DemoClusterGenerator() {}

    public static Result write(ObjectStore store, DemoOptions options, Progress progress) throws StorageException {
        Instant now = Instant.now();
        List<GraphTreeWriter.PlannedObject> plan = new ArrayList<>();
        String knowledgeSchema = DemoSources.KNOWLEDGE_SCHEMA;
        plan.addAll(GraphTreeWriter.plan(new GraphTreeWriter.GraphShape("knowledge", knowledgeSchema, 3, 2, 4, 3, 8_192,
                2L * 1024 * 1024, options.bigFileBytes()), options.seed()));
        plan.addAll(GraphTreeWriter.plan(new GraphTreeWriter.GraphShape("support", DemoSources.SUPPORT_SCHEMA, 2, 1, 6, 4, 4_096,
                512L * 1024, 0), options.seed()));
        plan.addAll(GraphTreeWriter.plan(new GraphTreeWriter.GraphShape("scratch", DemoSources.SCRATCH_SCHEMA_LIVE, 1, 0, 2, 1, 100,
                4_096, 0), options.seed()));
        if (options.bulkSmall() > 0 || options.bulkLarge() > 0) {
            plan.addAll(bulk(options));
        }

        // catalog payloads: file name = sha256(content)
        Map<String, String> files = new TreeMap<>();
        String people = Digests.sha256Hex(DemoSources.PEOPLE_QUERIES.getBytes(UTF_8));
        String peopleOld = Digests.sha256Hex(DemoSources.PEOPLE_QUERIES_OLD.getBytes(UTF_8));
        String company = Digests.sha256Hex(DemoSources.COMPANY_QUERIES.getBytes(UTF_8));
        String tickets = Digests.sha256Hex(DemoSources.TICKET_QUERIES.getBytes(UTF_8));
        String base = Digests.sha256Hex(DemoSources.BASE_POLICY.getBytes(UTF_8));
        String server = Digests.sha256Hex(DemoSources.SERVER_POLICY.getBytes(UTF_8));
        files.put(ClusterLayout.queryBlob("knowledge", "find_person", people), DemoSources.PEOPLE_QUERIES);
        files.put(ClusterLayout.queryBlob("knowledge", "list_people", people), DemoSources.PEOPLE_QUERIES);
        files.put(ClusterLayout.queryBlob("knowledge", "find_person", peopleOld), DemoSources.PEOPLE_QUERIES_OLD);
        files.put(ClusterLayout.queryBlob("knowledge", "company_staff", company), DemoSources.COMPANY_QUERIES);
        files.put(ClusterLayout.queryBlob("support", "open_tickets", tickets), DemoSources.TICKET_QUERIES);
        files.put(ClusterLayout.policyBlob("base", base), DemoSources.BASE_POLICY);
        files.put(ClusterLayout.policyBlob("server", server), DemoSources.SERVER_POLICY);
        for (Map.Entry<String, String> f : files.entrySet()) {
            plan.add(GraphTreeWriter.PlannedObject.literal(f.getKey(), f.getValue()));
        }

        // the ledger's view
        String knowledgeSchemaDigest = Digests.sha256Hex(knowledgeSchema.getBytes(UTF_8));
        String supportSchemaDigest = Digests.sha256Hex(DemoSources.SUPPORT_SCHEMA.getBytes(UTF_8));
        String scratchSchemaDigest = Digests.sha256Hex(DemoSources.SCRATCH_SCHEMA_LIVE.getBytes(UTF_8));
        EmbeddingProfile profile = new EmbeddingProfile("openai-compatible", "https://api.openai.com/v1", "text-embedding-3-large",
                "${OPENAI_API_KEY}");
        String providerDigest = Digests.providerDigest(profile);
        ExternalBlobPolicy.Allow blobPolicy = new ExternalBlobPolicy.Allow(List.of(
                new ExternalBlobBase("s3://acme-assets/knowledge/", ExternalBlobScope.SERVER_SAFE)));
        Map<String, String> knowledgeQueries = new TreeMap<>(Map.of("company_staff", company, "find_person", people, "list_people", people));
        String knowledgeGraph = Digests.graphComposite("knowledge", knowledgeSchemaDigest, knowledgeQueries, PROVIDER, providerDigest, blobPolicy);
        String supportGraph = Digests.graphComposite("support", supportSchemaDigest, Map.of("open_tickets", tickets), null, null,
                ExternalBlobPolicy.DENY);
        String scratchGraph = Digests.graphComposite("scratch", scratchSchemaDigest, Map.of(), null, null, ExternalBlobPolicy.DENY);

        Instant legacyDeleted = now.minus(Duration.ofDays(9));
        String consumedId = Ulid.generate(legacyDeleted.minusSeconds(200)).toString();
        String pendingId = Ulid.generate(now.minus(Duration.ofHours(4))).toString();
        String desiredConfigDigest = Digests.sha256Hex(("demo-desired-config\0" + options.name()).getBytes(UTF_8));
        String appliedConfigDigest = Digests.sha256Hex(("demo-applied-config\0" + options.name()).getBytes(UTF_8));

        ObjectNode state = JSON.objectNode();
        state.put("version", 1);
        state.put("state_revision", 23);
        ObjectNode applied = state.putObject("applied_revision");
        applied.put("config_digest", appliedConfigDigest);
        ObjectNode resources = applied.putObject("resources");
        ObjectNode g = resources.putObject("graph.knowledge");
        g.put("digest", knowledgeGraph);
        g.put("embedding_provider", PROVIDER);
        ObjectNode policy = g.putObject("external_blob_policy");
        policy.put("mode", "allow");
        ObjectNode b0 = policy.putArray("bases").addObject();
        b0.put("uri", "s3://acme-assets/knowledge/");
        b0.put("scope", "server_safe");
        resources.putObject("graph.scratch").put("digest", scratchGraph);
        resources.putObject("graph.support").put("digest", supportGraph);
        ObjectNode pb = resources.putObject("policy.base");
        pb.put("digest", base);
        ArrayNode pbTo = pb.putArray("applies_to");
        pbTo.add("graph.knowledge");
        pbTo.add("graph.support");
        ObjectNode ps = resources.putObject("policy.server");
        ps.put("digest", server);
        ps.putArray("applies_to").add("cluster");
        ObjectNode pr = resources.putObject(PROVIDER);
        pr.put("digest", providerDigest);
        ObjectNode prof = pr.putObject("embedding_profile");
        prof.put("kind", profile.kind());
        prof.put("base_url", profile.baseUrl());
        prof.put("model", profile.model());
        prof.put("api_key", profile.apiKey());
        resources.putObject("query.knowledge.company_staff").put("digest", company);
        resources.putObject("query.knowledge.find_person").put("digest", people);
        resources.putObject("query.knowledge.list_people").put("digest", people);
        resources.putObject("query.support.open_tickets").put("digest", tickets);
        resources.putObject("schema.knowledge").put("digest", knowledgeSchemaDigest);
        resources.putObject("schema.scratch").put("digest", scratchSchemaDigest);
        resources.putObject("schema.support").put("digest", supportSchemaDigest);

        ObjectNode statuses = state.putObject("resource_statuses");
        for (String address : new TreeMap<>(toMap(resources)).keySet()) {
            ObjectNode s = statuses.putObject(address);
            if (address.equals("graph.scratch") || address.equals("schema.scratch")) {
                s.put("status", "drifted");
                s.putArray("conditions").add("schema_mismatch");
                s.put("message", "live schema digest differs from desired schema digest");
            } else {
                s.put("status", "applied");
            }
        }
        ObjectNode approvalRecords = state.putObject("approval_records");
        ObjectNode consumed = approvalRecords.putObject(consumedId);
        consumed.put("consumed_at", Rfc3339.format(legacyDeleted));
        consumed.put("consumed_by_operation", "apply");
        ObjectNode recoveryRecords = state.putObject("recovery_records");
        ObjectNode rec = recoveryRecords.putObject(Ulid.generate(now.minus(Duration.ofDays(6))).toString());
        rec.put("kind", "schema_apply");
        rec.put("graph_id", "knowledge");
        rec.put("outcome", "rolled_forward");
        rec.put("recovered_at", Rfc3339.format(now.minus(Duration.ofDays(6)).plusSeconds(40)));
        rec.put("actor", "maria");
        ObjectNode observations = state.putObject("observations");
        String root = store.uri().display();
        observations.set("graph.knowledge", graphObservation("knowledge", root, now.minus(Duration.ofHours(5)), 42,
                knowledgeSchemaDigest, knowledgeSchemaDigest));
        ObjectNode tomb = observations.putObject("graph.legacy");
        tomb.put("kind", "tombstone");
        tomb.put("deleted_at", Rfc3339.format(legacyDeleted.minusMillis(2)));
        tomb.put("approval_id", consumedId);
        tomb.put("actor", "maria");
        observations.set("graph.scratch", graphObservation("scratch", root, now.minus(Duration.ofHours(5)), 7, scratchSchemaDigest,
                Digests.sha256Hex("node Note {\n  key: String @key\n  text: String\n}\n".getBytes(UTF_8))));
        observations.set("graph.support", graphObservation("support", root, now.minus(Duration.ofHours(5)), 118,
                supportSchemaDigest, supportSchemaDigest));
        byte[] ledgerBytes = (SerdeJson.pretty(state) + "\n").getBytes(UTF_8);
        String cas = Digests.stateCas(ledgerBytes);

        // approvals: one consumed (graph.legacy), one pending (graph.scratch)
        plan.add(GraphTreeWriter.PlannedObject.literal(ClusterLayout.APPROVALS + consumedId + ".json",
                approval(consumedId, "graph.legacy", appliedConfigDigest,
                        Digests.sha256Hex("graph\0legacy".getBytes(UTF_8)), "maria", legacyDeleted.minusSeconds(215), legacyDeleted)));
        plan.add(GraphTreeWriter.PlannedObject.literal(ClusterLayout.APPROVALS + pendingId + ".json",
                approval(pendingId, "graph.scratch", desiredConfigDigest, scratchGraph, "andrew", now.minus(Duration.ofHours(4)), null)));
        if (options.recoverySidecar()) {
            String opId = Ulid.generate(now.minus(Duration.ofMinutes(47))).toString();
            ObjectNode sc = JSON.objectNode();
            sc.put("schema_version", 1);
            sc.put("operation_id", opId);
            sc.put("started_at", Rfc3339.format(now.minus(Duration.ofMinutes(47))));
            sc.put("actor", "andrew");
            sc.put("kind", "schema_apply");
            sc.put("graph_id", "support");
            sc.put("graph_uri", graphUri(root, "support"));
            sc.put("observed_manifest_version", 118);
            sc.putNull("expected_manifest_version");
            sc.put("desired_schema_digest", Digests.sha256Hex((DemoSources.SUPPORT_SCHEMA + "\nnode Agent {\n  key: String @key\n}\n")
                    .getBytes(UTF_8)));
            sc.put("state_cas_base", cas);
            sc.putNull("approval_id");
            plan.add(GraphTreeWriter.PlannedObject.literal(ClusterLayout.RECOVERIES + opId + ".json", SerdeJson.pretty(sc) + "\n"));
        }

        long[] totals = writeAll(store, plan, progress);
        // the ledger last: it is what makes the root a cluster
        putLiteral(store, ClusterLayout.STATE, ledgerBytes);
        totals[0]++;
        totals[1] += ledgerBytes.length;
        Optional<String> lockId = Optional.empty();
        if (options.heldLock()) {
            LockFile lock = LockFile.create("apply", now.minus(options.lockAge()), 48_213);
            PutResult r = store.put(ClusterLayout.LOCK, lock.toBytes(), WriteCondition.IF_ABSENT);
            if (r instanceof PutResult.Written) {
                lockId = Optional.of(lock.lockId());
                totals[0]++;
            }
        }
        return new Result(root, totals[0], totals[1], cas, lockId);
    }

    private static ObjectNode graphObservation(String id, String root, Instant at, long version, String live, String desired) {
        ObjectNode o = JSON.objectNode();
        o.put("kind", "graph");
        o.put("address", "graph." + id);
        o.put("graph_uri", graphUri(root, id));
        o.put("observed_at", Rfc3339.format(at));
        o.put("exists", true);
        o.put("graph_manifest_version", version);
        o.put("schema_digest", live);
        o.put("desired_schema_digest", desired);
        o.put("schema_matches_desired", live.equals(desired));
        o.putNull("error");
        return o;
    }

    private static String graphUri(String root, String id) {
        return root + "/graphs/" + id + ".omni";
    }

    private static String approval(String id, String resource, String configDigest, String before, String by, Instant created,
                                   Instant consumedAt) {
        ObjectNode a = JSON.objectNode();
        a.put("schema_version", 1);
        a.put("approval_id", id);
        a.put("resource", resource);
        a.put("operation", "delete");
        a.put("reason", "delete may remove deployed graph or schema definition");
        a.put("bound_config_digest", configDigest);
        a.put("bound_before_digest", before);
        a.putNull("bound_after_digest");
        a.put("approved_by", by);
        a.put("created_at", Rfc3339.format(created));
        if (consumedAt == null) {
            a.putNull("consumed_at");
        } else {
            a.put("consumed_at", Rfc3339.format(consumedAt.plusMillis(31)));
        }
        a.putNull("consumed_by_operation");
        return SerdeJson.pretty(a) + "\n";
    }

    private static List<GraphTreeWriter.PlannedObject> bulk(DemoOptions o) {
        List<GraphTreeWriter.PlannedObject> out = new ArrayList<>();
        String base = ClusterLayout.graphPrefix("bulk");
        out.add(GraphTreeWriter.PlannedObject.literal(base + "_schema.pg", "node Blob {\n  key: String @key\n}\n"));
        for (int i = 0; i < o.bulkSmall(); i++) {
            out.add(new GraphTreeWriter.PlannedObject(String.format("%snodes/00000000000000a1-0000000000000001/data/%05d.lance", base, i),
                    o.bulkSmallBytes(), o.seed() * 1_000_003L + i, null));
        }
        for (int i = 0; i < o.bulkLarge(); i++) {
            out.add(new GraphTreeWriter.PlannedObject(String.format("%snodes/00000000000000b2-0000000000000001/data/large-%03d.lance", base, i),
                    o.bulkLargeBytes(), o.seed() * 7_000_001L + i, null));
        }
        return out;
    }

    private static Map<String, Object> toMap(ObjectNode node) {
        Map<String, Object> m = new TreeMap<>();
        node.fieldNames().forEachRemaining(k -> m.put(k, k));
        return m;
    }

    static long[] writeAll(ObjectStore store, List<GraphTreeWriter.PlannedObject> plan, Progress progress) throws StorageException {
        long totalBytes = plan.stream().mapToLong(GraphTreeWriter.PlannedObject::size).sum();
        AtomicLong doneBytes = new AtomicLong();
        AtomicLong doneObjects = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (GraphTreeWriter.PlannedObject p : plan) {
                futures.add(pool.submit(() -> {
                    progress.checkCancelled();
                    if (p.literal() != null) {
                        putLiteral(store, p.key(), p.literal());
                    } else {
                        putSeeded(store, p);
                    }
                    long n = doneObjects.incrementAndGet();
                    progress.progress(doneBytes.addAndGet(p.size()), totalBytes, "Wrote " + n + " of " + plan.size() + " objects");
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof StorageException se) {
                        throw se;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return new long[] {plan.size(), totalBytes};
    }

    static void putLiteral(ObjectStore store, String key, byte[] bytes) throws StorageException {
        PutResult r = store.put(key, bytes, WriteCondition.IF_ABSENT);
        if (r instanceof PutResult.PreconditionFailed) {
            boolean sameSize = store.stat(key).map(info -> info.size() == bytes.length).orElse(false);
            Optional<StoredObject> existing = sameSize ? store.read(key, bytes.length + 1L) : Optional.empty();
            if (existing.isEmpty() || !Arrays.equals(existing.get().bytes(), bytes)) {
                throw new StorageException(StorageException.Kind.IO, key,
                        "The root already holds a different " + key + ": the demo generator writes only to an empty root");
            }
        }
    }

    private static void putSeeded(ObjectStore store, GraphTreeWriter.PlannedObject p) throws StorageException {
        if (store.stat(p.key()).map(i -> i.size() == p.size()).orElse(false)) {
            return; // written by an earlier run with the same seed
        }
        try (InputStream in = new SeededContent(p.seed(), p.size())) {
            PutResult r = store.putStream(p.key(), in, p.size(), WriteCondition.IF_ABSENT, null);
            if (r instanceof PutResult.PreconditionFailed) {
                throw new StorageException(StorageException.Kind.IO, p.key(),
                        "The root already holds a different " + p.key() + ": the demo generator writes only to an empty root");
            }
        } catch (java.io.IOException e) {
            throw new StorageException(StorageException.Kind.IO, p.key(), e.getMessage(), e);
        }
    }
}
