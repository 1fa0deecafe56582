package dev.omnigraph.console.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.Rfc3339;
import dev.omnigraph.console.cluster.model.SerdeJson;
import dev.omnigraph.console.cluster.model.Ulid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The demo cluster's control-plane documents as upstream would leave them: the ledger (applied
 * revision, statuses with a drifted scratch graph, a consumed approval record, a recovery record,
 * observations with a tombstone), the two approval files (one consumed, one pending) and the
 * optional pending recovery sidecar.
 */
final class DemoLedger {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Instant now;
    private final String root;
    private final DemoCatalog catalog;
    private final Instant legacyDeleted;
    private final String consumedId;
    private final String pendingId;
    private final String desiredConfigDigest;
    private final String appliedConfigDigest;

    DemoLedger(DemoOptions options, Instant now, String root, DemoCatalog catalog) {
        this.now = now;
        this.root = root;
        this.catalog = catalog;
        this.legacyDeleted = now.minus(Duration.ofDays(9));
        this.consumedId = Ulid.generate(legacyDeleted.minusSeconds(200)).toString();
        this.pendingId = Ulid.generate(now.minus(Duration.ofHours(4))).toString();
        this.desiredConfigDigest = Digests.sha256Hex(("demo-desired-config\0" + options.name()).getBytes(UTF_8));
        this.appliedConfigDigest = Digests.sha256Hex(("demo-applied-config\0" + options.name()).getBytes(UTF_8));
    }

    /** {@code __cluster/state.json}, pretty-printed as serde_json writes it, with a trailing newline. */
    byte[] stateBytes() {
        ObjectNode state = JSON.objectNode();
        state.put("version", 1);
        state.put("state_revision", 23);
        ObjectNode applied = state.putObject("applied_revision");
        applied.put("config_digest", appliedConfigDigest);
        ObjectNode resources = appliedResources(applied.putObject("resources"));
        TreeSet<String> addresses = new TreeSet<>();
        resources.fieldNames().forEachRemaining(addresses::add);
        resourceStatuses(state.putObject("resource_statuses"), addresses);
        ObjectNode consumed = state.putObject("approval_records").putObject(consumedId);
        consumed.put("consumed_at", Rfc3339.format(legacyDeleted));
        consumed.put("consumed_by_operation", "apply");
        ObjectNode rec = state.putObject("recovery_records").putObject(Ulid.generate(now.minus(Duration.ofDays(6))).toString());
        rec.put("kind", "schema_apply");
        rec.put("graph_id", "knowledge");
        rec.put("outcome", "rolled_forward");
        rec.put("recovered_at", Rfc3339.format(now.minus(Duration.ofDays(6)).plusSeconds(40)));
        rec.put("actor", "maria");
        observations(state.putObject("observations"));
        return (SerdeJson.pretty(state) + "\n").getBytes(UTF_8);
    }

    private ObjectNode appliedResources(ObjectNode resources) {
        ObjectNode g = resources.putObject("graph.knowledge");
        g.put("digest", catalog.knowledgeGraph);
        g.put("embedding_provider", DemoCatalog.PROVIDER);
        ObjectNode policy = g.putObject("external_blob_policy");
        policy.put("mode", "allow");
        ObjectNode b0 = policy.putArray("bases").addObject();
        b0.put("uri", DemoCatalog.KNOWLEDGE_BLOB_BASE);
        b0.put("scope", "server_safe");
        resources.putObject("graph.scratch").put("digest", catalog.scratchGraph);
        resources.putObject("graph.support").put("digest", catalog.supportGraph);
        ObjectNode pb = resources.putObject("policy.base");
        pb.put("digest", catalog.basePolicy);
        ArrayNode pbTo = pb.putArray("applies_to");
        pbTo.add("graph.knowledge");
        pbTo.add("graph.support");
        ObjectNode ps = resources.putObject("policy.server");
        ps.put("digest", catalog.serverPolicy);
        ps.putArray("applies_to").add("cluster");
        ObjectNode pr = resources.putObject(DemoCatalog.PROVIDER);
        pr.put("digest", catalog.providerDigest);
        ObjectNode prof = pr.putObject("embedding_profile");
        prof.put("kind", catalog.profile.kind());
        prof.put("base_url", catalog.profile.baseUrl());
        prof.put("model", catalog.profile.model());
        prof.put("api_key", catalog.profile.apiKey());
        resources.putObject("query.knowledge.company_staff").put("digest", catalog.company);
        resources.putObject("query.knowledge.find_person").put("digest", catalog.people);
        resources.putObject("query.knowledge.list_people").put("digest", catalog.people);
        resources.putObject("query.support.open_tickets").put("digest", catalog.tickets);
        resources.putObject("schema.knowledge").put("digest", catalog.knowledgeSchema);
        resources.putObject("schema.scratch").put("digest", catalog.scratchSchema);
        resources.putObject("schema.support").put("digest", catalog.supportSchema);
        return resources;
    }

    /** Every resource applied, except the scratch graph whose live schema drifted. */
    private static void resourceStatuses(ObjectNode statuses, TreeSet<String> addresses) {
        for (String address : addresses) {
            ObjectNode s = statuses.putObject(address);
            if (address.equals("graph.scratch") || address.equals("schema.scratch")) {
                s.put("status", "drifted");
                s.putArray("conditions").add("schema_mismatch");
                s.put("message", "live schema digest differs from desired schema digest");
            } else {
                s.put("status", "applied");
            }
        }
    }

    private void observations(ObjectNode observations) {
        observations.set("graph.knowledge", graphObservation("knowledge", now.minus(Duration.ofHours(5)), 42,
                catalog.knowledgeSchema, catalog.knowledgeSchema));
        ObjectNode tomb = observations.putObject("graph.legacy");
        tomb.put("kind", "tombstone");
        tomb.put("deleted_at", Rfc3339.format(legacyDeleted.minusMillis(2)));
        tomb.put("approval_id", consumedId);
        tomb.put("actor", "maria");
        observations.set("graph.scratch", graphObservation("scratch", now.minus(Duration.ofHours(5)), 7, catalog.scratchSchema,
                DemoCatalog.sha256("node Note {\n  key: String @key\n  text: String\n}\n")));
        observations.set("graph.support", graphObservation("support", now.minus(Duration.ofHours(5)), 118,
                catalog.supportSchema, catalog.supportSchema));
    }

    private ObjectNode graphObservation(String id, Instant at, long version, String live, String desired) {
        ObjectNode o = JSON.objectNode();
        o.put("kind", "graph");
        o.put("address", "graph." + id);
        o.put("graph_uri", graphUri(id));
        o.put("observed_at", Rfc3339.format(at));
        o.put("exists", true);
        o.put("graph_manifest_version", version);
        o.put("schema_digest", live);
        o.put("desired_schema_digest", desired);
        o.put("schema_matches_desired", live.equals(desired));
        o.putNull("error");
        return o;
    }

    private String graphUri(String id) {
        return root + "/graphs/" + id + ".omni";
    }

    /** One consumed approval (graph.legacy, deleted) and one pending (graph.scratch). */
    List<GraphTreeWriter.PlannedObject> approvals() {
        return List.of(
                GraphTreeWriter.PlannedObject.literal(ClusterLayout.APPROVALS + consumedId + ".json",
                        approval(consumedId, "graph.legacy", appliedConfigDigest, DemoCatalog.sha256("graph\0legacy"), "maria",
                                legacyDeleted.minusSeconds(215), legacyDeleted)),
                GraphTreeWriter.PlannedObject.literal(ClusterLayout.APPROVALS + pendingId + ".json",
                        approval(pendingId, "graph.scratch", desiredConfigDigest, catalog.scratchGraph, "andrew",
                                now.minus(Duration.ofHours(4)), null)));
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

    /** A pending schema apply on the support graph, interrupted 47 minutes ago, based on the ledger with {@code cas}. */
    GraphTreeWriter.PlannedObject recoverySidecar(String cas) {
        String opId = Ulid.generate(now.minus(Duration.ofMinutes(47))).toString();
        ObjectNode sc = JSON.objectNode();
        sc.put("schema_version", 1);
        sc.put("operation_id", opId);
        sc.put("started_at", Rfc3339.format(now.minus(Duration.ofMinutes(47))));
        sc.put("actor", "andrew");
        sc.put("kind", "schema_apply");
        sc.put("graph_id", "support");
        sc.put("graph_uri", graphUri("support"));
        sc.put("observed_manifest_version", 118);
        sc.putNull("expected_manifest_version");
        sc.put("desired_schema_digest", DemoCatalog.sha256(DemoSources.SUPPORT_SCHEMA + "\nnode Agent {\n  key: String @key\n}\n"));
        sc.put("state_cas_base", cas);
        sc.putNull("approval_id");
        return GraphTreeWriter.PlannedObject.literal(ClusterLayout.RECOVERIES + opId + ".json", SerdeJson.pretty(sc) + "\n");
    }
}
