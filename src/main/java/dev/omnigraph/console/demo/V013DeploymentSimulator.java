package dev.omnigraph.console.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.ExternalBlobPolicy;
import dev.omnigraph.console.cluster.model.SerdeJson;
import dev.omnigraph.console.cluster.model.ExternalBlobBase;
import dev.omnigraph.console.cluster.model.ExternalBlobScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Walks a v2 ledger through deployments the way v0.13 records them (spec §2.5, §2.6, §2.9):
 * acceptance (sequence, authorization with the base CAS and effects, reservations), per-graph
 * {@code started}/{@code settled}, and the terminal result that moves the achieved projection,
 * the result revision and the config digest. One ledger replacement adds one to
 * {@code state_revision}. A port of the v0.13 fixture generator's simulation (not upstream code);
 * the reservation sizes are its documented approximation.
 */
final class V013DeploymentSimulator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int GRAPH_COMPLETION_RESERVE_BYTES = 8192;
    private static final int MAX_DIAGNOSTIC_BYTES = 4096;
    private static final Set<String> ACCEPTED = Set.of("created", "query_only", "deleted", "schema");
    private static final Set<String> CONVERGING = Set.of("created", "query_only", "deleted");

    private final ObjectNode state;
    private final Map<String, V013Bundle> bundles = new LinkedHashMap<>();

    V013DeploymentSimulator(String ledgerId) {
        this.state = V013Ledger.empty(ledgerId);
    }

    ObjectNode state() {
        return state;
    }

    /** Bundles by digest, in the order their deployments were accepted. */
    Map<String, V013Bundle> bundles() {
        return bundles;
    }

    /** A not-yet-started graph entry of {@code outstanding.graphs}. */
    static ObjectNode notStarted(long observedManifestVersion) {
        ObjectNode e = JSON.objectNode();
        e.putNull("intent");
        e.put("observed_manifest_version", observedManifestVersion);
        e.putObject("state").put("state", "not_started");
        e.putNull("settlement");
        e.putNull("recovery_executor");
        return e;
    }

    String accept(V013Bundle bundle, String nonce, String actor, Map<String, ObjectNode> graphEntries) {
        bundles.put(bundle.digest(), bundle);
        String baseCas = V013Ledger.cas(state);
        ArrayNode effects = previewEffects(bundle);
        long seq = state.get("next_sequence").longValue();
        String ledgerId = state.get("ledger_id").textValue();
        String id = ledgerId + ":" + seq + ":" + nonce;
        ObjectNode policyDigests = JSON.objectNode();
        V013Ledger.resources(state).properties().forEach(e -> {
            if (e.getKey().startsWith("policy.")) {
                policyDigests.set(e.getKey(), e.getValue().get("digest"));
            }
        });
        state.put("next_sequence", seq + 1);
        ObjectNode p = JSON.objectNode();
        p.put("id", id);
        p.put("input_digest", bundle.digest());
        ObjectNode auth = p.putObject("authorization");
        auth.put("version", 2);
        auth.put("ledger_id", ledgerId);
        ObjectNode authority = auth.putObject("authority");
        authority.put("kind", "storage_owner");
        authority.put("actor", actor);
        auth.set("base", base(baseCas));
        auth.put("input_digest", bundle.digest());
        auth.set("policy_digests", policyDigests);
        auth.set("effects", effects);
        ObjectNode graphs = p.putObject("graphs");
        graphEntries.forEach(graphs::set);
        p.put("reserved_ledger_bytes", 0);
        p.put("reserved_result_bytes", 0);
        state.set("outstanding", p);
        reserve(bundle);
        bump();
        return id;
    }

    private ObjectNode base(String baseCas) {
        ObjectNode applied = V013Ledger.applied(state);
        ObjectNode base = JSON.objectNode();
        base.set("result_revision", applied.get("result_revision"));
        ObjectNode digests = base.putObject("resource_digests");
        new TreeMap<>(fields(V013Ledger.resources(state))).forEach((a, r) -> digests.set(a, r.get("digest")));
        base.set("schema_contracts", V013Ledger.contracts(state).deepCopy());
        base.put("capture_cas", baseCas);
        return base;
    }

    private ArrayNode previewEffects(V013Bundle bundle) {
        ObjectNode before = V013Ledger.resources(state);
        ObjectNode after = bundle.resources();
        TreeSet<String> addresses = new TreeSet<>(V013Ledger.keys(before));
        addresses.addAll(V013Ledger.keys(after));
        ArrayNode effects = JSON.arrayNode();
        for (String a : addresses) {
            JsonNode old = before.get(a);
            JsonNode neu = after.get(a);
            if (old != null && old.equals(neu)) {
                continue;
            }
            ObjectNode e = effects.addObject();
            e.put("resource", a);
            e.put("operation", old == null ? "create" : neu == null ? "delete" : "update");
            e.set("before_digest", old == null ? JSON.nullNode() : old.get("digest"));
            e.set("after_digest", neu == null ? JSON.nullNode() : neu.get("digest"));
            e.put("binding_change", false);
            e.putNull("metadata_change");
        }
        return effects;
    }

    private ObjectNode outstanding() {
        return (ObjectNode) state.get("outstanding");
    }

    private ObjectNode resultFromPending() {
        ObjectNode p = outstanding();
        ObjectNode r = JSON.objectNode();
        r.set("id", p.get("id"));
        r.set("input_digest", p.get("input_digest"));
        r.set("authority", p.get("authorization").get("authority"));
        r.set("base", p.get("authorization").get("base"));
        r.set("result_revision", V013Ledger.applied(state).get("result_revision"));
        r.putNull("config_digest");
        ObjectNode graphs = r.putObject("graphs");
        new TreeMap<>(fields((ObjectNode) p.get("graphs"))).forEach((g, e) -> {
            JsonNode s = e.get("state");
            graphs.set(g, "settled".equals(s.get("state").textValue()) ? s.get("result") : outcome("not_attempted"));
        });
        r.putObject("recovery_executors");
        r.put("converged", false);
        return r;
    }

    private static ObjectNode outcome(String name) {
        ObjectNode o = JSON.objectNode();
        o.put("outcome", name);
        return o;
    }

    private void reserve(V013Bundle bundle) {
        ObjectNode p = outstanding();
        int growth = p.get("graphs").size() * GRAPH_COMPLETION_RESERVE_BYTES;
        long resultBytes = SerdeJson.compact(resultFromPending()).length() + growth + MAX_DIAGNOSTIC_BYTES;
        p.put("reserved_result_bytes", resultBytes);
        for (int i = 0; i < 3; i++) {
            long progress = V013Ledger.encode(state).length() + growth + 128;
            ObjectNode terminal = state.deepCopy();
            terminal.putNull("outstanding");
            bundle.resources().properties().forEach(e -> {
                V013Ledger.resources(terminal).set(e.getKey(), e.getValue());
                V013Ledger.setApplied(terminal, e.getKey());
            });
            V013Ledger.applied(terminal).put("config_digest", bundle.configDigest());
            long ledger = Math.max(progress, V013Ledger.encode(terminal).length() + resultBytes + 128);
            p.put("reserved_ledger_bytes", ledger);
        }
    }

    void settle(String graph, ObjectNode result, boolean started) {
        ObjectNode e = (ObjectNode) outstanding().get("graphs").get(graph);
        if (started) {
            e.putObject("state").put("state", "started");
            bump();
        }
        ObjectNode settled = e.putObject("state");
        settled.put("state", "settled");
        settled.set("result", result);
        bump();
    }

    private void bump() {
        state.put("state_revision", state.get("state_revision").longValue() + 1);
    }

    /** Records the terminal result of the outstanding deployment and clears it. */
    ObjectNode finish(V013Bundle bundle) {
        ObjectNode p = outstanding();
        ObjectNode applied = V013Ledger.applied(state);
        ObjectNode resources = V013Ledger.resources(state);
        ObjectNode before = resources.deepCopy();
        ObjectNode result = resultFromPending();
        applyAcceptedGraphs(bundle, result);
        List<String> achieved = V013Ledger.keys(resources).stream().filter(a -> a.startsWith("graph."))
                .map(a -> a.substring(6)).sorted().toList();
        rebindGraphs(bundle, achieved);
        applyClusterScope(bundle, achieved);
        recomputeComposites();
        boolean converged = allConverging(result) && resources.equals(bundle.resources());
        result.put("converged", converged);
        JsonNode baseContracts = p.get("authorization").get("base").get("schema_contracts");
        boolean changed = !resources.equals(before) || !V013Ledger.contracts(state).equals(baseContracts)
                || (converged && !bundle.configDigest().equals(applied.get("config_digest").asText(null)));
        if (changed) {
            applied.put("result_revision", applied.get("result_revision").longValue() + 1);
        }
        if (converged) {
            applied.put("config_digest", bundle.configDigest());
        } else {
            applied.putNull("config_digest");
        }
        result.set("result_revision", applied.get("result_revision"));
        result.set("config_digest", applied.get("config_digest"));
        ((ArrayNode) state.get("deployment_results")).add(result);
        state.putNull("outstanding");
        bump();
        return result;
    }

    private static boolean allConverging(ObjectNode result) {
        for (JsonNode r : result.get("graphs")) {
            if (!CONVERGING.contains(r.get("outcome").textValue())) {
                return false;
            }
        }
        return true;
    }

    private void applyAcceptedGraphs(V013Bundle bundle, ObjectNode result) {
        ObjectNode resources = V013Ledger.resources(state);
        ObjectNode statuses = V013Ledger.statuses(state);
        result.get("graphs").properties().forEach(entry -> {
            String g = entry.getKey();
            String outcome = entry.getValue().get("outcome").textValue();
            if (!ACCEPTED.contains(outcome)) {
                return;
            }
            if (outcome.equals("created")) {
                V013Ledger.contracts(state).set(g, entry.getValue().get("contract"));
            } else if (outcome.equals("deleted")) {
                V013Ledger.contracts(state).remove(g);
            }
            V013Ledger.keys(resources).stream().filter(a -> V013Ledger.belongs(a, g)).forEach(resources::remove);
            V013Ledger.keys(statuses).stream().filter(a -> V013Ledger.belongs(a, g)).forEach(statuses::remove);
            bundle.resources().properties().forEach(e -> {
                if (V013Ledger.belongs(e.getKey(), g)) {
                    resources.set(e.getKey(), e.getValue().deepCopy());
                    V013Ledger.setApplied(state, e.getKey());
                }
            });
        });
    }

    private void rebindGraphs(V013Bundle bundle, List<String> achieved) {
        for (String g : achieved) {
            JsonNode desired = bundle.resources().get("graph." + g);
            if (desired == null) {
                continue;
            }
            ObjectNode r = (ObjectNode) V013Ledger.resources(state).get("graph." + g);
            for (String k : List.of("embedding_provider", "external_blob_policy")) {
                if (desired.get(k) != null && !desired.get(k).isNull()) {
                    r.set(k, desired.get(k).deepCopy());
                } else {
                    r.remove(k);
                }
            }
        }
    }

    private void applyClusterScope(V013Bundle bundle, List<String> achieved) {
        for (ObjectNode m : List.of(V013Ledger.resources(state), V013Ledger.statuses(state))) {
            V013Ledger.keys(m).stream().filter(a -> Set.of("policy", "provider").contains(V013Ledger.kindOf(a)))
                    .forEach(m::remove);
        }
        bundle.resources().properties().forEach(e -> {
            String kind = V013Ledger.kindOf(e.getKey());
            if (kind.equals("provider")) {
                V013Ledger.resources(state).set(e.getKey(), e.getValue().deepCopy());
                V013Ledger.setApplied(state, e.getKey());
            } else if (kind.equals("policy")) {
                ObjectNode res = e.getValue().deepCopy();
                ArrayNode kept = JSON.arrayNode();
                res.get("applies_to").forEach(b -> {
                    String t = b.textValue();
                    if (t.equals("cluster") || achieved.contains(t.substring(6))) {
                        kept.add(t);
                    }
                });
                res.set("applies_to", kept);
                if (!kept.isEmpty()) {
                    V013Ledger.resources(state).set(e.getKey(), res);
                    V013Ledger.setApplied(state, e.getKey());
                }
            }
        });
    }

    private void recomputeComposites() {
        ObjectNode res = V013Ledger.resources(state);
        for (String a : V013Ledger.keys(res)) {
            if (!a.startsWith("graph.")) {
                continue;
            }
            String g = a.substring(6);
            String prefix = "query." + g + ".";
            Map<String, String> queries = new TreeMap<>();
            res.properties().forEach(e -> {
                if (e.getKey().startsWith(prefix)) {
                    queries.put(e.getKey().substring(prefix.length()), e.getValue().get("digest").textValue());
                }
            });
            ObjectNode graph = (ObjectNode) res.get(a);
            String provider = graph.hasNonNull("embedding_provider") ? graph.get("embedding_provider").textValue() : null;
            JsonNode schema = res.get("schema." + g);
            String providerDigest = provider != null && res.get(provider) != null ? res.get(provider).get("digest").textValue() : null;
            graph.put("digest", Digests.graphComposite(g, schema == null ? null : schema.get("digest").textValue(), queries,
                    provider, providerDigest, blobPolicy(graph.get("external_blob_policy"))));
        }
    }

    /** The demo's own policies only: allow with server_safe or embedded_only bases. */
    private static ExternalBlobPolicy blobPolicy(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        List<ExternalBlobBase> bases = new ArrayList<>();
        json.get("bases").forEach(b -> bases.add(new ExternalBlobBase(b.get("uri").textValue(),
                "server_safe".equals(b.get("scope").textValue()) ? ExternalBlobScope.SERVER_SAFE : ExternalBlobScope.EMBEDDED_ONLY)));
        return new ExternalBlobPolicy.Allow(bases);
    }

    private static Map<String, JsonNode> fields(ObjectNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
