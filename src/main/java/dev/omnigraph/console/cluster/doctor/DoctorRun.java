package dev.omnigraph.console.cluster.doctor;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.GraphLinkage;
import dev.omnigraph.console.cluster.GraphSummary;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.RecoveryEntry;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.EmbeddingProfile;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.RecoverySidecar;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import dev.omnigraph.console.cluster.model.WireLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One replay of the server's boot checks over a snapshot, stage by stage (see {@link ServingDoctor}
 * for the order and the upstream functions each stage mirrors). Holds the working state: the
 * quarantine set, the graphs still served, the verified provider profiles and the policies loaded.
 */
final class DoctorRun {
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> PROVIDER_KINDS = Set.of("openai-compatible", "openai", "gemini", "mock");

    final ClusterSnapshot snapshot;
    final Map<String, CatalogIntegrity> integrity;
    final Map<String, CatalogEntry> catalog = new HashMap<>();
    final List<DoctorFinding> findings = new ArrayList<>();
    final Set<String> quarantined = new TreeSet<>();
    final Map<String, List<String>> quarantineCodes = new TreeMap<>();
    final List<String> serving = new ArrayList<>();
    final Map<String, List<String>> servedPolicies = new LinkedHashMap<>();
    final Map<String, EmbeddingProfile> verifiedProfiles = new HashMap<>();
    final Set<String> appliedGraphs = new TreeSet<>();
    /** code → remedy: v0.11 commands on v1 roots, v0.13 ones on v2 roots. */
    final Function<String, String> remedies;
    /** v0.13 (spec §8.2 step 7): an empty cluster serves when its revision, CAS and config digest say it was deployed. */
    final boolean v013;

    DoctorRun(ClusterSnapshot snapshot, Map<String, CatalogIntegrity> integrity) {
        this(snapshot, integrity, Remedies::of, false);
    }

    DoctorRun(ClusterSnapshot snapshot, Map<String, CatalogIntegrity> integrity, Function<String, String> remedies, boolean v013) {
        this.snapshot = snapshot;
        this.integrity = integrity;
        this.remedies = remedies;
        this.v013 = v013;
        snapshot.catalog().entries().forEach(e -> catalog.put(e.key(), e));
    }

    void add(String code, FindingSeverity severity, DoctorStage stage, String object, String graphId, String message) {
        add(code, severity, stage, object, graphId, message, remedies.apply(code));
    }

    void add(String code, FindingSeverity severity, DoctorStage stage, String object, String graphId, String message, String remedy) {
        findings.add(new DoctorFinding(code, severity, stage, object, Optional.ofNullable(graphId), message, remedy));
        if (severity == FindingSeverity.QUARANTINE && graphId != null) {
            quarantineCodes.computeIfAbsent(graphId, g -> new ArrayList<>()).add(code);
        }
    }

    // ---- stage 1: sidecars -----------------------------------------------------------

    void sidecars() {
        for (RecoveryEntry r : snapshot.recoveries()) {
            if (r.parse().artifact().isEmpty()) {
                Diagnostic d = r.parse().diagnostics().get(0);
                add(d.code(), FindingSeverity.FATAL, DoctorStage.RECOVERY_SIDECARS, r.key(), null,
                        "the server cannot read this recovery sidecar, so it cannot tell which graph it affects: " + d.message());
                continue;
            }
            RecoverySidecar s = r.parse().artifact().get();
            if (!s.isAttributed()) {
                add("cluster_recovery_unattributed", FindingSeverity.FATAL, DoctorStage.RECOVERY_SIDECARS, r.key(), null,
                        "recovery sidecar " + s.operationId() + " (" + s.kind().wireName() + ") names no graph");
                continue;
            }
            quarantined.add(s.graphId());
            add("cluster_recovery_pending", FindingSeverity.QUARANTINE, DoctorStage.RECOVERY_SIDECARS,
                    ResourceAddress.graph(s.graphId()), s.graphId(), "graph " + s.graphId() + " waits for the recovery of "
                            + "interrupted operation " + s.operationId() + " (" + s.kind().wireName() + ", started "
                            + s.startedAt() + "); serving never sweeps, so it skips the graph, its queries and its "
                            + "graph-only policy bindings" + (v013 ? " (status reports it as legacy_recovery_pending, and "
                            + "every v0.13 deployment refuses with policy_recovery_required while it exists)" : ""));
        }
    }

    // ---- stage 2: ledger -------------------------------------------------------------

    Optional<Ledger> ledger() {
        switch (snapshot.ledger()) {
            case LedgerState.Missing m -> add("cluster_state_missing", FindingSeverity.FATAL, DoctorStage.LEDGER,
                    "__cluster/state.json", null, "there is no ledger under " + snapshot.location().root().display());
            case LedgerState.Unreadable u -> add(u.diagnostic().code(), FindingSeverity.FATAL, DoctorStage.LEDGER,
                    "__cluster/state.json", null, "the server's strict reader refuses the ledger: " + u.diagnostic().message());
            case LedgerState.Present p -> {
                return Optional.of(p.ledger());
            }
        }
        return Optional.empty();
    }

    // ---- stages 3–7 ------------------------------------------------------------------

    void resources(Ledger ledger) {
        providers(ledger);
        boolean sawGraph = false;
        for (Map.Entry<String, LedgerResource> r : ledger.resources().entrySet()) {
            String address = r.getKey();
            LedgerResource entry = r.getValue();
            ResourceAddress parsed = ResourceAddress.parse(address);
            switch (parsed.kind()) {
                case GRAPH -> {
                    sawGraph = true;
                    appliedGraphs.add(parsed.graphId());
                    if (!quarantined.contains(parsed.graphId())) {
                        graph(ledger, address, parsed.graphId(), entry);
                    }
                }
                case QUERY -> {
                    if (!quarantined.contains(parsed.graphId())) {
                        payload(address, entry);
                    }
                }
                case POLICY -> policy(address, parsed.name(), entry);
                default -> { }
            }
        }
        if (serving.isEmpty() && !(v013 && !sawGraph && emptyClusterServable(ledger))) {
            if (sawGraph && (v013 || !quarantined.isEmpty())) {
                add("cluster_no_healthy_graphs", FindingSeverity.FATAL, DoctorStage.GRAPH_SET,
                        v013 && quarantined.isEmpty() ? "__cluster/state.json" : "__cluster/recoveries/", null,
                        "every applied graph is quarantined or refused, so nothing would be served");
            } else {
                add("cluster_empty", FindingSeverity.FATAL, DoctorStage.GRAPH_SET, "__cluster/state.json", null,
                        sawGraph ? "no applied graph passes the checks above" : v013
                                ? "the applied revision has no graph, and an empty v0.13 cluster serves only with state revision "
                                + "> 0 and a 64-hex config_digest (this one: revision " + ledger.stateRevision() + ", config_digest "
                                + ledger.configDigest() + ")" : "the applied revision has no graph");
            }
        }
        policyScopes();
        startup(ledger);
    }

    /** Spec §8.2 step 7: revision &gt; 0, a CAS, and a 64-hex config digest. */
    static boolean emptyClusterServable(Ledger ledger) {
        return ledger.stateRevision() > 0 && ledger.cas() != null && ledger.configDigest() != null
                && ledger.configDigest().matches("[0-9a-f]{64}");
    }

    private void providers(Ledger ledger) {
        Set<String> required = new TreeSet<>();
        ledger.resources().forEach((address, entry) -> {
            ResourceAddress parsed = ResourceAddress.parse(address);
            if (parsed.kind() == ResourceKind.GRAPH && !quarantined.contains(parsed.graphId()) && entry.embeddingProvider() != null) {
                required.add(entry.embeddingProvider());
            }
        });
        ledger.resources().forEach((address, entry) -> {
            if (ResourceAddress.parse(address).kind() != ResourceKind.EMBEDDING_PROVIDER || !required.contains(address)) {
                return;
            }
            if (entry.embeddingProfile() == null) {
                add("embedding_provider_profile_missing", FindingSeverity.FATAL, DoctorStage.EMBEDDING_PROVIDERS, address, null,
                        "a served graph binds " + address + ", but its ledger entry records no embedding_profile");
                return;
            }
            String actual = Digests.providerDigest(entry.embeddingProfile());
            if (!actual.equals(entry.digest())) {
                add("embedding_provider_digest_mismatch", FindingSeverity.FATAL, DoctorStage.EMBEDDING_PROVIDERS, address, null,
                        "the recorded embedding_profile hashes to " + actual + ", not to the recorded digest " + entry.digest());
                return;
            }
            verifiedProfiles.put(address, entry.embeddingProfile());
        });
    }

    private void graph(Ledger ledger, String address, String id, LedgerResource entry) {
        String provider = entry.embeddingProvider();
        if (provider != null) {
            if (ResourceAddress.parse(provider).kind() == ResourceKind.EMBEDDING_PROVIDER) {
                if (!verifiedProfiles.containsKey(provider)) {
                    add("embedding_provider_missing", FindingSeverity.FATAL, DoctorStage.APPLIED_RESOURCES, address, id,
                            "graph " + id + " binds " + provider + ", but no verified profile for it is in the ledger");
                }
            } else {
                add("wrong_kind_reference", FindingSeverity.FATAL, DoctorStage.APPLIED_RESOURCES, address, id,
                        "graph " + id + " names '" + provider + "' as its embedding provider, which is not a provider.embedding.<name> address");
            }
        }
        String expected = Digests.expectedLedgerGraphComposite(ledger, id, entry);
        if (!expected.equals(entry.digest())) {
            add("external_blob_policy_digest_mismatch", FindingSeverity.FATAL, DoctorStage.APPLIED_RESOURCES, address, id,
                    "graph " + id + "'s recorded digest " + entry.digest() + " is not the composite of its own schema, queries, "
                            + "provider and external Blob policy entries (" + expected + ")");
            return;
        }
        serving.add(id);
    }

    private void policy(String address, String name, LedgerResource entry) {
        if (entry.appliesTo() == null) {
            add("policy_bindings_missing", FindingSeverity.FATAL, DoctorStage.APPLIED_RESOURCES, address, null,
                    "policy " + name + " has no applies_to bindings recorded, so the server cannot tell where it applies");
            return;
        }
        List<String> bindings = entry.appliesTo().stream()
                .filter(b -> !b.startsWith("graph.") || !quarantined.contains(b.substring(6))).toList();
        if (bindings.isEmpty()) {
            return; // bound only to quarantined graphs: the server does not read it
        }
        if (payload(address, entry)) {
            servedPolicies.put(name, bindings);
        }
    }

    /** Checks one payload the server would read; true when it would load. */
    private boolean payload(String address, LedgerResource entry) {
        String key = ServingDoctor.payloadKey(address, entry).orElseThrow();
        CatalogEntry e = catalog.get(key);
        String graph = ResourceAddress.parse(address).graphId();
        if (e == null || e.blob().isEmpty()) {
            add("catalog_payload_missing", FindingSeverity.FATAL, DoctorStage.APPLIED_RESOURCES, address, graph,
                    "the ledger records " + address + " at digest " + entry.digest() + ", but " + key + " does not exist");
            return false;
        }
        CatalogIntegrity verdict = integrity.get(key);
        if (verdict == null) {
            add("console_catalog_payload_unverified", FindingSeverity.WARNING, DoctorStage.APPLIED_RESOURCES, address, graph,
                    key + " exists but was not hashed in this check");
            return true;
        }
        switch (verdict) {
            case VERIFIED -> {
                return true;
            }
            case TAMPERED -> {
                add("catalog_payload_digest_mismatch", FindingSeverity.FATAL, DoctorStage.APPLIED_RESOURCES, address, graph,
                        key + " does not hash to its recorded digest " + entry.digest() + ": its bytes were altered");
                return false;
            }
            case MISSING -> {
                add("catalog_payload_missing", FindingSeverity.FATAL, DoctorStage.APPLIED_RESOURCES, address, graph,
                        key + " vanished while it was being checked");
                return false;
            }
            default -> {
                if (e.size() > WireLimits.CATALOG_BLOB_MAX_BYTES) {
                    add("console_catalog_payload_unverified", FindingSeverity.WARNING, DoctorStage.APPLIED_RESOURCES, address,
                            graph, key + " is larger than the console reads (" + e.size() + " bytes); the server would read it");
                    return true;
                }
                add("catalog_payload_missing", FindingSeverity.FATAL, DoctorStage.APPLIED_RESOURCES, address, graph,
                        key + " cannot be read as UTF-8 text, which the server reports as an unreadable payload");
                return false;
            }
        }
    }

    private void policyScopes() {
        String clusterBundle = null;
        Map<String, String> graphBundles = new HashMap<>();
        for (Map.Entry<String, List<String>> p : servedPolicies.entrySet()) {
            for (String binding : p.getValue()) {
                String object = ResourceAddress.policy(p.getKey());
                if (binding.equals("cluster")) {
                    if (clusterBundle != null) {
                        add("duplicate_policy_binding", FindingSeverity.FATAL, DoctorStage.POLICY_SCOPES, object, null,
                                "policies " + clusterBundle + " and " + p.getKey() + " both bind the cluster scope; serving "
                                        + "loads one bundle per scope and refuses to merge them");
                    } else {
                        clusterBundle = p.getKey();
                    }
                } else if (binding.startsWith("graph.")) {
                    String graph = binding.substring(6);
                    String previous = graphBundles.putIfAbsent(graph, p.getKey());
                    if (previous != null) {
                        add("duplicate_policy_binding", FindingSeverity.FATAL, DoctorStage.POLICY_SCOPES, object, graph,
                                "policies " + previous + " and " + p.getKey() + " both bind graph " + graph + "; serving loads "
                                        + "one bundle per scope and refuses to merge them");
                    }
                } else {
                    add("console_unrecognized_policy_binding", FindingSeverity.FATAL, DoctorStage.POLICY_SCOPES, object, null,
                            "policy " + p.getKey() + " is bound to '" + binding + "', which is neither cluster nor graph.<id>");
                }
            }
        }
    }

    private void startup(Ledger ledger) {
        Map<String, GraphSummary> roots = new HashMap<>();
        snapshot.graphs().forEach(g -> roots.put(g.id(), g));
        for (String id : serving) {
            LedgerResource graph = ledger.resources().get(ResourceAddress.graph(id));
            String provider = graph.embeddingProvider();
            EmbeddingProfile profile = provider == null ? null : verifiedProfiles.get(provider);
            if (profile != null) {
                embedding(id, provider, profile);
            }
            GraphSummary root = roots.get(id);
            if (root == null || root.linkage() == GraphLinkage.MISSING_ROOT || root.objects() == 0) {
                add("console_graph_root_missing", FindingSeverity.QUARANTINE, DoctorStage.GRAPH_STARTUP,
                        "graphs/" + id + ".omni/", id, "graph " + id + " is applied but its root holds no objects, so it "
                                + "cannot open");
            }
        }
        List<String> started = serving.stream().filter(id -> !quarantineCodes.containsKey(id)).toList();
        if (!serving.isEmpty() && started.isEmpty()) {
            add("cluster_no_healthy_graphs", FindingSeverity.FATAL, DoctorStage.GRAPH_STARTUP, "graphs/", null,
                    "every graph that passed the ledger checks fails at startup, so nothing would be served");
        }
    }

    private void embedding(String id, String provider, EmbeddingProfile profile) {
        String where = provider + ".embedding_profile";
        if ("mock".equals(profile.kind())) {
            return;
        }
        String apiKey = profile.apiKey();
        if (apiKey == null) {
            add("console_embedding_provider_unresolvable", FindingSeverity.QUARANTINE, DoctorStage.GRAPH_STARTUP, where, id,
                    "graph " + id + "'s provider " + provider + " has no api_key, which every non-mock provider needs");
            return;
        }
        var m = SECRET_REFERENCE.matcher(apiKey.trim());
        if (!m.matches() || m.group(1).trim().isEmpty()) {
            add("console_embedding_provider_unresolvable", FindingSeverity.QUARANTINE, DoctorStage.GRAPH_STARTUP, where, id,
                    "graph " + id + "'s provider " + provider + " has an api_key that is not a ${NAME} reference; the "
                            + "server refuses inline keys");
            return;
        }
        if (profile.kind() != null && !PROVIDER_KINDS.contains(profile.kind())) {
            add("console_embedding_provider_unresolvable", FindingSeverity.QUARANTINE, DoctorStage.GRAPH_STARTUP, where, id,
                    "graph " + id + "'s provider " + provider + " has kind '" + profile.kind() + "', which the engine does "
                            + "not know (openai-compatible, openai, gemini, mock)");
            return;
        }
        add("console_embedding_env_required", FindingSeverity.WARNING, DoctorStage.GRAPH_STARTUP, where, id,
                "the server process must have " + m.group(1) + " set, or graph " + id + " is quarantined at boot");
    }

    DoctorReport report(Optional<Ledger> ledger) {
        boolean fatal = findings.stream().anyMatch(f -> f.severity() == FindingSeverity.FATAL);
        Optional<DoctorStage> first = findings.stream().filter(f -> f.severity() == FindingSeverity.FATAL)
                .map(DoctorFinding::stage).min(Enum::compareTo);
        List<QuarantinedGraph> q = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : quarantineCodes.entrySet()) {
            q.add(new QuarantinedGraph(e.getKey(), appliedGraphs.contains(e.getKey()), e.getValue()));
        }
        List<String> served = fatal ? List.of() : serving.stream().filter(id -> !quarantineCodes.containsKey(id)).sorted().toList();
        BootVerdict verdict = fatal ? BootVerdict.REFUSES : q.isEmpty() ? BootVerdict.BOOTS : BootVerdict.BOOTS_WITH_QUARANTINE;
        boolean strict = fatal || !q.isEmpty();
        return new DoctorReport(verdict, served, q, findings, fatal ? first : Optional.empty(), strict,
                ledger.map(Ledger::cas), ServingDoctor.NOT_CHECKED);
    }
}
