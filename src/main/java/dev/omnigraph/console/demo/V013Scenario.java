package dev.omnigraph.console.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.LockFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control plane of a v0.13 demo cluster, byte for byte (the same story as the v0.13 fixtures,
 * for any cluster name and storage root): a ledger created by bootstrap, then three direct
 * deployments (create {@code knowledge}; create {@code scratch} and edit {@code people.gq}; remove
 * {@code scratch}, which deletes it), each with its bundle, and optionally a fourth deployment that
 * was accepted but not started. Every digest, CAS, counter and reservation is consistent.
 *
 * @param objects catalog blobs and bundles, key relative to the root → bytes
 * @param state   the ledger's exact bytes
 * @param lock    the lock left on the root, if any
 * @param outstandingId the accepted, unfinished deployment, if any
 */
public record V013Scenario(Map<String, byte[]> objects, byte[] state, Optional<LockFile> lock, Optional<String> outstandingId) {
    static final String ACTOR = "act-alice";
    static final String SERVE_AT = "2026-10-09T08:30:12.408811Z";
    static final String DEPLOYMENT_LOCK_AT = "2026-10-09T14:12:39.870153942Z";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** After deployment 3, held by a {@code serve} lock (a running or cleanly stopped v0.13 server). */
    public static V013Scenario serving(String name, String canonicalRoot) {
        V013DeploymentSimulator sim = history(name, canonicalRoot);
        LockFile serve = new LockFile(1, DeterministicIds.ulid(SERVE_AT, "serve-lock"), "serve", SERVE_AT, 7311);
        return new V013Scenario(objects(sim), V013Ledger.bytes(sim.state()), Optional.of(serve), Optional.empty());
    }

    /**
     * Deployment 4 (a query added to {@code knowledge}) accepted by a direct {@code cluster apply}
     * that stopped before any effect: {@code outstanding} is set, its bundle stored, its catalog blob
     * not yet published, and the apply's {@code deployment} lock retained.
     */
    public static V013Scenario outstanding(String name, String canonicalRoot) {
        V013DeploymentSimulator sim = history(name, canonicalRoot);
        V013Bundle b4 = V013Bundle.build(name, canonicalRoot, V013Sources.PEOPLE_V3, false);
        String id = sim.accept(b4, DeterministicIds.ulid("2026-10-09T14:12:40.000Z", "nonce4"), ACTOR,
                Map.of("knowledge", V013DeploymentSimulator.notStarted(9)));
        LockFile lock = new LockFile(1, DeterministicIds.ulid(DEPLOYMENT_LOCK_AT, "lock-deployment"), "deployment",
                DEPLOYMENT_LOCK_AT, 9544);
        return new V013Scenario(objects(sim), V013Ledger.bytes(sim.state()), Optional.of(lock), Optional.of(id));
    }

    static String ledgerId() {
        return DeterministicIds.ulid("2026-10-08T09:00:00.000Z", "ledger");
    }

    private static V013DeploymentSimulator history(String name, String root) {
        V013DeploymentSimulator sim = new V013DeploymentSimulator(ledgerId());
        String domKnowledge = DeterministicIds.ulid("2026-10-08T09:00:01.000Z", "domain-knowledge");
        String domScratch = DeterministicIds.ulid("2026-10-08T11:20:00.000Z", "domain-scratch");
        V013Bundle b1 = V013Bundle.build(name, root, V013Sources.PEOPLE_V1, false);
        sim.accept(b1, DeterministicIds.ulid("2026-10-08T09:00:00.500Z", "nonce1"), ACTOR,
                Map.of("knowledge", V013DeploymentSimulator.notStarted(0)));
        sim.settle("knowledge", created(1, contract(V013Sources.SCHEMA_KNOWLEDGE, domKnowledge)), true);
        sim.finish(b1);

        V013Bundle b2 = V013Bundle.build(name, root, V013Sources.PEOPLE_V2, true);
        Map<String, ObjectNode> entries = new LinkedHashMap<>();
        entries.put("knowledge", V013DeploymentSimulator.notStarted(6));
        entries.put("scratch", V013DeploymentSimulator.notStarted(0));
        sim.accept(b2, DeterministicIds.ulid("2026-10-08T11:20:00.250Z", "nonce2"), ACTOR, entries);
        ObjectNode queryOnly = JSON.objectNode();
        queryOnly.put("outcome", "query_only");
        queryOnly.put("graph_manifest_version", 6);
        queryOnly.put("schema_digest", V013Bundle.sha(V013Sources.SCHEMA_KNOWLEDGE));
        sim.settle("knowledge", queryOnly, false);
        sim.settle("scratch", created(1, contract(V013Sources.SCHEMA_SCRATCH, domScratch)), true);
        sim.finish(b2);

        V013Bundle b3 = V013Bundle.build(name, root, V013Sources.PEOPLE_V2, false);
        ObjectNode scratchContract = (ObjectNode) V013Ledger.contracts(sim.state()).get("scratch");
        sim.accept(b3, DeterministicIds.ulid("2026-10-09T08:05:00.000Z", "nonce3"), ACTOR,
                Map.of("scratch", V013DeploymentSimulator.notStarted(4)));
        ObjectNode deleted = JSON.objectNode();
        deleted.put("outcome", "deleted");
        deleted.set("contract", scratchContract);
        sim.settle("scratch", deleted, true);
        sim.finish(b3);
        return sim;
    }

    private static ObjectNode created(long manifestVersion, ObjectNode contract) {
        ObjectNode r = JSON.objectNode();
        r.put("outcome", "created");
        r.put("graph_manifest_version", manifestVersion);
        r.set("contract", contract);
        return r;
    }

    /** A schema contract; the IR hash and identity domain are synthetic (engine values cannot be reproduced). */
    private static ObjectNode contract(String schema, String domain) {
        ObjectNode c = JSON.objectNode();
        c.put("source_hash", V013Bundle.sha(schema));
        c.put("schema_ir_hash", "sha256:" + V013Bundle.sha("schema-ir (synthetic, not engine output)\0" + schema));
        c.put("schema_identity_domain", domain);
        c.put("schema_identity_version", 2);
        return c;
    }

    /** Every query blob (current and superseded), policy blob and bundle of the history. */
    private static Map<String, byte[]> objects(V013DeploymentSimulator sim) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String people : List.of(V013Sources.PEOPLE_V1, V013Sources.PEOPLE_V2)) {
            for (String query : V013Sources.queryNames(V013Sources.PEOPLE_V1)) {
                out.put(ClusterLayout.queryBlob("knowledge", query, V013Bundle.sha(people)), people.getBytes(UTF_8));
            }
        }
        out.put(ClusterLayout.policyBlob("cluster-access", V013Bundle.sha(V013Sources.CLUSTER_POLICY)),
                V013Sources.CLUSTER_POLICY.getBytes(UTF_8));
        out.put(ClusterLayout.policyBlob("graph-access", V013Bundle.sha(V013Sources.GRAPH_POLICY)),
                V013Sources.GRAPH_POLICY.getBytes(UTF_8));
        sim.bundles().forEach((digest, bundle) -> out.put(bundleKey(digest), bundle.bytes()));
        return out;
    }

    public static String bundleKey(String digest) {
        return ClusterLayout.RESOURCES + "deployment/" + digest + ".json";
    }
}
