package dev.omnigraph.console.cluster.doctor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.EmbeddingProfile;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the server's boot refusals and quarantines, on a real root (both backends), starting from
 * the demo's healthy control plane and breaking exactly one thing.
 */
class ServingDoctorTest {
    @TempDir
    Path temp;

    interface Break {
        void apply(ObjectStore store) throws Exception;
    }

    record Case(String name, boolean sidecar, Break breakIt, String code, FindingSeverity severity, BootVerdict verdict,
                DoctorStage stage) {
        @Override
        public String toString() {
            return name;
        }
    }

    private DoctorReport examine(Backend backend, boolean sidecar, Break breakIt) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "doctor")) {
            CraftedCluster.write(store, sidecar);
            breakIt.apply(store);
            return ServingDoctor.run(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theHealthyDemoBootsAndServesEveryGraph(Backend backend) throws Exception {
        DoctorReport r = examine(backend, false, s -> { });
        assertThat(r.verdict()).isEqualTo(BootVerdict.BOOTS);
        assertThat(r.servedGraphs()).containsExactly("knowledge", "scratch", "support");
        assertThat(r.findings()).extracting(DoctorFinding::code).containsExactly("console_embedding_env_required");
        assertThat(r.finding("console_embedding_env_required").orElseThrow().message()).contains("OPENAI_API_KEY");
        assertThat(r.strictBootRefuses()).isFalse();
        assertThat(r.firstRefusingStage()).isEmpty();
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("ledger missing", false, s -> s.deleteUnconditionally(ClusterLayout.STATE),
                        "cluster_state_missing", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.LEDGER),
                new Case("ledger with an unknown field", false, s -> CraftedCluster.editLedger(s, t -> t.put("future_field", 1)),
                        "invalid_state_json", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.LEDGER),
                new Case("ledger version 3", false, s -> CraftedCluster.editLedger(s, t -> t.put("version", 3)),
                        "unsupported_state_version", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.LEDGER),
                new Case("pending recovery sidecar", true, s -> { },
                        "cluster_recovery_pending", FindingSeverity.QUARANTINE, BootVerdict.BOOTS_WITH_QUARANTINE, null),
                new Case("sidecar without a graph id", false, s -> sidecar(s, "01M0000000000000000000BLNK", "   ", 1),
                        "cluster_recovery_unattributed", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.RECOVERY_SIDECARS),
                new Case("unparseable sidecar", false, s -> CraftedCluster.put(s, ClusterLayout.RECOVERIES + "01BROKEN.json",
                        "{\"schema_version\": 1,".getBytes(UTF_8)),
                        "invalid_recovery_sidecar", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.RECOVERY_SIDECARS),
                new Case("future-version sidecar", false, s -> sidecar(s, "01M0000000000000000000VER2", "knowledge", 2),
                        "unsupported_recovery_sidecar_version", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.RECOVERY_SIDECARS),
                new Case("query payload deleted", false, s -> s.deleteUnconditionally(liveBlob(s, "query.knowledge.company_staff")),
                        "catalog_payload_missing", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.APPLIED_RESOURCES),
                new Case("policy payload tampered", false, s -> CraftedCluster.replace(s, liveBlob(s, "policy.server"),
                        "permit(principal, action, resource);\n".getBytes(UTF_8)),
                        "catalog_payload_digest_mismatch", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.APPLIED_RESOURCES),
                new Case("policy bindings stripped", false, s -> CraftedCluster.editLedger(s, t -> LedgerJson.resource(t, "policy.server")
                        .remove("applies_to")),
                        "policy_bindings_missing", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.APPLIED_RESOURCES),
                new Case("provider profile missing", false, s -> CraftedCluster.editLedger(s, t -> LedgerJson.resource(t,
                        "provider.embedding.default").remove("embedding_profile")),
                        "embedding_provider_profile_missing", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.EMBEDDING_PROVIDERS),
                new Case("provider profile edited", false, s -> CraftedCluster.editLedger(s, t -> ((ObjectNode) LedgerJson.resource(t,
                        "provider.embedding.default").path("embedding_profile")).put("model", "another-model")),
                        "embedding_provider_digest_mismatch", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.EMBEDDING_PROVIDERS),
                new Case("external Blob policy edited", false, s -> CraftedCluster.editLedger(s, t -> ((ObjectNode) LedgerJson.resource(t,
                        "graph.knowledge").path("external_blob_policy").path("bases").path(0)).put("uri", "s3://elsewhere/")),
                        "external_blob_policy_digest_mismatch", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.APPLIED_RESOURCES),
                new Case("two bundles bind one graph", false, s -> CraftedCluster.editLedger(s, t -> bind(t, "policy.server", "graph.knowledge")),
                        "duplicate_policy_binding", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.POLICY_SCOPES),
                new Case("two bundles bind the cluster", false, s -> CraftedCluster.editLedger(s, t -> bind(t, "policy.base", "cluster")),
                        "duplicate_policy_binding", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.POLICY_SCOPES),
                new Case("unrecognized binding", false, s -> CraftedCluster.editLedger(s, t -> bind(t, "policy.server", "tenant.acme")),
                        "console_unrecognized_policy_binding", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.POLICY_SCOPES),
                new Case("provider reference of the wrong kind", false, s -> CraftedCluster.editLedger(s, t -> LedgerJson.resource(t,
                        "graph.knowledge").put("embedding_provider", "policy.base")),
                        "wrong_kind_reference", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.APPLIED_RESOURCES),
                new Case("no graphs applied", false, s -> CraftedCluster.editLedger(s, t -> {
                            ((ObjectNode) t.path("applied_revision")).putObject("resources");
                            t.putObject("resource_statuses");
                        }),
                        "cluster_empty", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.GRAPH_SET),
                new Case("every graph quarantined", true, s -> {
                            sidecar(s, "01M0000000000000000000KNOW", "knowledge", 1);
                            sidecar(s, "01M0000000000000000000SCRA", "scratch", 1);
                        },
                        "cluster_no_healthy_graphs", FindingSeverity.FATAL, BootVerdict.REFUSES, DoctorStage.GRAPH_SET),
                new Case("graph root missing", false, s -> s.deleteUnconditionally(ClusterLayout.graphPrefix("scratch") + "_schema.pg"),
                        "console_graph_root_missing", FindingSeverity.QUARANTINE, BootVerdict.BOOTS_WITH_QUARANTINE, null),
                new Case("inline API key", false, s -> CraftedCluster.editLedger(s, t -> {
                            ((ObjectNode) LedgerJson.resource(t, "provider.embedding.default").path("embedding_profile"))
                                    .put("api_key", "sk-live-not-a-reference");
                            rebind(t);
                        }),
                        "console_embedding_provider_unresolvable", FindingSeverity.QUARANTINE, BootVerdict.BOOTS_WITH_QUARANTINE, null));
        List<Arguments> out = new ArrayList<>();
        for (Backend b : Backend.values()) {
            for (Case c : cases) {
                out.add(Arguments.of(b, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void eachBrokenThingIsFoundWithItsRemedy(Backend backend, Case c) throws Exception {
        DoctorReport r = examine(backend, c.sidecar(), c.breakIt());
        assertThat(r.findings()).as(r.findings().toString()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(c.code());
            assertThat(f.severity()).isEqualTo(c.severity());
            assertThat(f.remedy()).isNotBlank();
        });
        assertThat(r.verdict()).isEqualTo(c.verdict());
        assertThat(r.firstRefusingStage().orElse(null)).isEqualTo(c.stage());
        assertThat(r.strictBootRefuses()).isTrue();
        if (c.verdict() == BootVerdict.REFUSES) {
            assertThat(r.servedGraphs()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aQuarantinedGraphsPayloadsAreNotRead(Backend backend) throws Exception {
        // the support graph has a pending sidecar: serving skips its queries, so a missing one does not matter
        DoctorReport r = examine(backend, true, s -> s.deleteUnconditionally(liveBlob(s, "query.support.open_tickets")));
        assertThat(r.verdict()).isEqualTo(BootVerdict.BOOTS_WITH_QUARANTINE);
        assertThat(r.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.graphId()).isEqualTo("support");
            assertThat(q.applied()).isTrue();
            assertThat(q.codes()).containsExactly("cluster_recovery_pending");
        });
        assertThat(r.servedGraphs()).containsExactly("knowledge", "scratch");
        assertThat(r.findings()).extracting(DoctorFinding::code).doesNotContain("catalog_payload_missing");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theFixtureRootQuarantinesItsGraphsAndRefuses(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "fixture")) {
            Trees.upload(Trees.fixtureStorageRoot(), store);
            DoctorReport r = ServingDoctor.run(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            // knowledge: the in-flight schema_apply sidecar; scratch: no graph data in the fixture, so it cannot open
            assertThat(r.quarantined()).extracting(QuarantinedGraph::graphId).containsExactly("knowledge", "scratch");
            assertThat(r.finding("cluster_recovery_pending").orElseThrow().graphId()).contains("knowledge");
            assertThat(r.finding("console_graph_root_missing").orElseThrow().graphId()).contains("scratch");
            DoctorFinding last = r.finding("cluster_no_healthy_graphs").orElseThrow();
            assertThat(last.stage()).isEqualTo(DoctorStage.GRAPH_STARTUP);
            assertThat(r.verdict()).isEqualTo(BootVerdict.REFUSES);
            // the held lock is not an error for serving
            assertThat(r.findings()).extracting(DoctorFinding::code).doesNotContain("state_lock_held");
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    static String liveBlob(ObjectStore store, String address) throws StorageException {
        Ledger l = LedgerJson.parse(store.read(ClusterLayout.STATE, 1 << 24).orElseThrow().bytes());
        return dev.omnigraph.console.cluster.model.CatalogPayload.relativeKey(ResourceAddress.parse(address),
                l.resource(address).orElseThrow().digest()).orElseThrow();
    }

    static void bind(ObjectNode state, String policy, String binding) {
        ArrayNode to = LedgerJson.resource(state, policy).putArray("applies_to");
        to.add(binding);
    }

    /** A copy of the demo's sidecar for another graph / version. */
    static void sidecar(ObjectStore store, String operationId, String graphId, int version) throws StorageException {
        ObjectNode sc = LedgerJson.tree(CraftedCluster.templateBytes(CraftedCluster.sidecarKey()));
        sc.put("operation_id", operationId);
        sc.put("graph_id", graphId);
        sc.put("schema_version", version);
        CraftedCluster.put(store, ClusterLayout.RECOVERIES + operationId + ".json", LedgerJson.bytes(sc));
    }

    /** Recomputes the provider digest and the graph composites so only the intended defect remains. */
    static void rebind(ObjectNode state) {
        ObjectNode provider = LedgerJson.resource(state, "provider.embedding.default");
        ObjectNode p = (ObjectNode) provider.path("embedding_profile");
        provider.put("digest", Digests.providerDigest(new EmbeddingProfile(p.path("kind").asText(null), p.path("base_url").asText(null),
                p.path("model").asText(null), p.path("api_key").asText(null))));
        Ledger ledger = LedgerJson.parse(LedgerJson.bytes(state));
        for (Map.Entry<String, dev.omnigraph.console.cluster.model.LedgerResource> e : ledger.resources().entrySet()) {
            if (e.getKey().startsWith("graph.")) {
                LedgerJson.resource(state, e.getKey()).put("digest",
                        Digests.expectedLedgerGraphComposite(ledger, e.getKey().substring(6), e.getValue()));
            }
        }
    }
}
