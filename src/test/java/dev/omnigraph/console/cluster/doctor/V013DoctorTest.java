package dev.omnigraph.console.cluster.doctor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.ExternalBlobBase;
import dev.omnigraph.console.cluster.model.ExternalBlobPolicy;
import dev.omnigraph.console.cluster.model.ExternalBlobScope;
import dev.omnigraph.console.cluster.model.SerdeJson;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.V013Fixtures;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The doctor on OmniGraph v0.13 roots, one case per finding, on roots crafted from the v0.13
 * fixtures: v0.13's admission order (upgrade-required, lock, outstanding deployment and its bundle),
 * legacy sidecars, catalog integrity with the bundle that holds the exact bytes, the empty-cluster
 * rule, bundle history; every remedy names a v0.13 command.
 */
class V013DoctorTest {
    private static final String OUTSTANDING_ID = "01M4DBVAM0ZRA022TFX0SG719F:4:01M4GG4HY0D5R084W10TDZXC2S";

    @TempDir
    Path temp;

    interface Craft {
        void apply(ObjectStore store) throws Exception;
    }

    private DoctorReport examine(Backend backend, boolean serveLock, Craft craft) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "v013")) {
            CraftedV013Root.write(store, serveLock);
            craft.apply(store);
            DoctorReport r = ServingDoctor.run(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            if (!r.generation().orElseThrow().generation().equals("v1")) {
                assertThat(r.findings()).as("v0.13 remedies only").allSatisfy(f -> assertThat(f.remedy())
                        .doesNotContain("cluster refresh").doesNotContain("cluster import").doesNotContain("cluster approve"));
            }
            return r;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aServeLockMeansAServerOwnsTheRootAndANewOneCannotStart(Backend backend) throws Exception {
        DoctorReport r = examine(backend, true, s -> { });
        assertThat(r.verdict()).isEqualTo(BootVerdict.REFUSES);
        assertThat(r.firstRefusingStage()).contains(DoctorStage.ADMISSION);
        DoctorFinding f = r.finding("state_lock_held").orElseThrow();
        assertThat(f.message()).contains("A server owns this root").contains("stopped cleanly").doesNotContain("stale");
        assertThat(f.remedy()).contains("cluster force-unlock '" + lockId() + "'").contains("cluster_admission_lost")
                .contains("start the server again");
        GenerationView g = r.generation().orElseThrow();
        assertThat(g.generation()).isEqualTo("v2");
        assertThat(g.servingReleases()).containsExactly("0.13");
        assertThat(g.facts()).anySatisfy(x -> assertThat(x).startsWith("ledger id 01M4DBVAM0ZRA022TFX0SG719F"))
                .anySatisfy(x -> assertThat(x).contains("state revision 14, result revision 3, next sequence 4"))
                .anySatisfy(x -> assertThat(x).startsWith("3 retained deployment receipts"));
        assertThat(g.upgrade().orElseThrow().outcome()).isEqualTo("no_op");
    }

    @Test
    void withoutALockTheFixtureRootBootsAndServesKnowledge() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, s -> { });
        assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(BootVerdict.BOOTS);
        assertThat(r.servedGraphs()).containsExactly("knowledge");
        assertThat(r.findings()).extracting(DoctorFinding::code).containsExactly("console_embedding_env_required");
        assertThat(r.finding("console_embedding_env_required").orElseThrow().message()).contains("OPENROUTER_API_KEY");
        assertThat(r.generation().orElseThrow().legacyHistory()).isEmpty();
    }

    @Test
    void anOutstandingDeploymentBlocksBootAndNamesTheExactReconciliation() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, CraftedV013Root::outstanding);
        DoctorFinding f = r.finding("cluster_deployment_outstanding").orElseThrow();
        assertThat(f.severity()).isEqualTo(FindingSeverity.FATAL);
        assertThat(f.stage()).isEqualTo(DoctorStage.ADMISSION);
        assertThat(f.message()).contains("knowledge not_started");
        assertThat(f.remedy()).contains("cluster apply --deployment-id " + OUTSTANDING_ID + " --writers-stopped")
                .contains("Never resubmit");
        // the fixture bundle was captured for s3://omnigraph-local/clusters/company-brain, not for this folder
        assertThat(r.finding("deployment_input_invalid").orElseThrow().message()).contains("s3://omnigraph-local/clusters/company-brain");
        assertThat(r.generation().orElseThrow().upgrade().orElseThrow().outcome()).isEqualTo("ledger_upgrade_pending");
    }

    @Test
    void anOutstandingDeploymentWithoutItsBundleCannotBeReconciled() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, s -> CraftedV013Root.ledger(s, "ledgers/state.v2.outstanding.json"));
        assertThat(r.finding("deployment_bundle_missing").orElseThrow().severity()).isEqualTo(FindingSeverity.FATAL);
    }

    @Test
    void aV012ShapeLedgerNeedsUpgradeLedgerFirst() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, s -> CraftedV013Root.ledger(s, "ledgers/state.v2-v0.12-shape.json"));
        DoctorFinding f = r.finding("ledger_upgrade_required").orElseThrow();
        assertThat(f.stage()).isEqualTo(DoctorStage.ADMISSION);
        assertThat(f.remedy()).contains("cluster upgrade-ledger --writers-stopped");
        GenerationView g = r.generation().orElseThrow();
        assertThat(g.generation()).isEqualTo("v2_v012_shape");
        assertThat(g.upgrade().orElseThrow().outcome()).isEqualTo("converts");
        assertThat(g.upgrade().orElseThrow().willDo()).anySatisfy(w -> assertThat(w).contains("remove restart_required"));
    }

    @Test
    void aV1RootKeepsItsV011VerdictAndSaysWhatBlocksTheUpgrade() throws Exception {
        DoctorReport r = examine(Backend.FILE, true, s -> {
            CraftedV013Root.ledger(s, "ledgers/state.v1.upgrade-required.json");
            CraftedCluster.put(s, CraftedCluster.sidecarKey(), CraftedCluster.templateBytes(CraftedCluster.sidecarKey()));
        });
        assertThat(r.findings()).extracting(DoctorFinding::code).doesNotContain("state_lock_held", "ledger_upgrade_required");
        assertThat(r.finding("cluster_recovery_pending").orElseThrow().remedy()).as("v1 roots keep the v0.11 remedies")
                .contains("cluster refresh");
        GenerationView g = r.generation().orElseThrow();
        assertThat(g.generation()).isEqualTo("v1");
        assertThat(g.servingReleases()).containsExactly("0.10", "0.11");
        GenerationView.UpgradePlan u = g.upgrade().orElseThrow();
        assertThat(u.outcome()).isEqualTo("converts");
        assertThat(u.willDo()).anySatisfy(w -> assertThat(w).contains("fresh ledger_id"));
        assertThat(u.blockedBy()).anySatisfy(b -> assertThat(b).startsWith("state_lock_held"))
                .anySatisfy(b -> assertThat(b).startsWith("policy_recovery_required"));
    }

    @Test
    void aTamperedPayloadNamesTheBundleThatHoldsItsExactBytes() throws Exception {
        String key = "__cluster/resources/query/knowledge/find_person/16163bd22e66fc3d012b9605e7eb8584170547e0b43fc966bf4569c8f213ea13.gq";
        DoctorReport r = examine(Backend.FILE, false, s -> CraftedCluster.replace(s, key,
                V013Fixtures.bytes("negative/catalog-tampered/resources/query/knowledge/find_person/"
                        + "16163bd22e66fc3d012b9605e7eb8584170547e0b43fc966bf4569c8f213ea13.gq")));
        DoctorFinding f = r.finding("catalog_payload_digest_mismatch").orElseThrow();
        assertThat(f.severity()).isEqualTo(FindingSeverity.FATAL);
        assertThat(f.remedy()).contains("__cluster/resources/deployment/").contains("captured these exact bytes");
    }

    @Test
    void aReceiptWhoseBundleIsGoneIsHistoryNotABootProblem() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, s -> s.deleteUnconditionally(
                CraftedV013Root.bundleKey("1f0fd358d4bce715ffdeb40800a560754da2baadaf54732cbab7417bf52a342b")));
        DoctorFinding f = r.finding("deployment_bundle_missing").orElseThrow();
        assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(f.stage()).isEqualTo(DoctorStage.HISTORY);
        assertThat(r.verdict()).isEqualTo(BootVerdict.BOOTS);
    }

    @Test
    void aLegacySidecarQuarantinesItsGraphAndNoV013CommandSweepsIt() throws Exception {
        String sidecar = new String(CraftedCluster.templateBytes(CraftedCluster.sidecarKey()), UTF_8)
                .replace("\"graph_id\": \"support\"", "\"graph_id\": \"knowledge\"");
        DoctorReport r = examine(Backend.FILE, false, s -> CraftedCluster.put(s, CraftedCluster.sidecarKey(), sidecar.getBytes(UTF_8)));
        DoctorFinding f = r.finding("cluster_recovery_pending").orElseThrow();
        assertThat(f.graphId()).contains("knowledge");
        assertThat(f.remedy()).contains("v0.13 never writes or sweeps").contains("policy_recovery_required");
        assertThat(f.message()).contains("legacy_recovery_pending");
        assertThat(r.finding("cluster_no_healthy_graphs")).isPresent();
    }

    @Test
    void anEmptyClusterServesOnlyOnceAConvergedDeploymentRecordedItsConfigDigest() throws Exception {
        DoctorReport pristine = examine(Backend.FILE, false, s -> CraftedV013Root.ledger(s, "ledgers/state.v2.pristine.json"));
        assertThat(pristine.finding("cluster_empty").orElseThrow().message()).contains("config_digest null");
        assertThat(pristine.finding("cluster_empty").orElseThrow().remedy()).contains("omnigraph cluster apply --config DIR");

        String deployed = new String(V013Fixtures.bytes("ledgers/state.v2.pristine.json"), UTF_8)
                .replace("\"config_digest\":null", "\"config_digest\":\"" + "ab".repeat(32) + "\"");
        DoctorReport empty = examine(Backend.FILE, false, s -> CraftedCluster.replace(s, ClusterLayout.STATE, deployed.getBytes(UTF_8)));
        assertThat(empty.findings()).as(empty.findings().toString()).extracting(DoctorFinding::code).doesNotContain("cluster_empty");
        assertThat(empty.verdict()).isEqualTo(BootVerdict.BOOTS);
        assertThat(empty.servedGraphs()).isEmpty();
    }

    @Test
    void aReleasedLockRecordFromALaterReleaseStillBlocks() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, s -> CraftedCluster.put(s, ClusterLayout.LOCK,
                V013Fixtures.bytes("negative/lock.released-record.post-v0.13.json")));
        DoctorFinding f = r.finding("state_lock_held").orElseThrow();
        assertThat(f.message()).contains("invalid_state_lock");
        assertThat(f.remedy()).contains("released record");
    }

    @Test
    void aDeploymentLockIsExplainedWithTheOutstandingDeployment() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, s -> {
            CraftedV013Root.outstanding(s);
            CraftedV013Root.lock(s, "locks/lock.deployment.json");
        });
        DoctorFinding f = r.finding("state_lock_held").orElseThrow();
        assertThat(f.message()).contains("deployment").contains(OUTSTANDING_ID);
        assertThat(f.remedy()).contains("reconcile deployment " + OUTSTANDING_ID);
    }

    @Test
    void aMissingLedgerOnAV013RootGetsV013Remedies() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, s -> s.deleteUnconditionally(ClusterLayout.STATE));
        DoctorFinding f = r.finding("cluster_state_missing").orElseThrow();
        assertThat(f.remedy()).contains("graph_root_exists").doesNotContain("import");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aServerSafeBaseInsideTheStorageRootQuarantinesItsGraph(Backend backend) throws Exception {
        DoctorReport r = examine(backend, false, s -> {
            String base = CanonicalRoot.of(s.uri()) + "/blobs/";
            ObjectNode ledger = (ObjectNode) new ObjectMapper().readTree(s.read(ClusterLayout.STATE, 1 << 24).orElseThrow().bytes());
            ObjectNode graph = (ObjectNode) ledger.path("applied_revision").path("resources").path("graph.knowledge");
            ((ObjectNode) graph.path("external_blob_policy").path("bases").get(0)).put("uri", base);
            ObjectNode resources = (ObjectNode) ledger.path("applied_revision").path("resources");
            Map<String, String> queries = new TreeMap<>();
            resources.properties().forEach(e -> {
                if (e.getKey().startsWith("query.knowledge.")) {
                    queries.put(e.getKey().substring("query.knowledge.".length()), e.getValue().path("digest").asText());
                }
            });
            graph.put("digest", Digests.graphComposite("knowledge", resources.path("schema.knowledge").path("digest").asText(),
                    queries, "provider.embedding.default", resources.path("provider.embedding.default").path("digest").asText(),
                    new ExternalBlobPolicy.Allow(List.of(new ExternalBlobBase(base, ExternalBlobScope.SERVER_SAFE)))));
            CraftedCluster.replace(s, ClusterLayout.STATE, SerdeJson.compact(ledger).getBytes(UTF_8));
        });
        DoctorFinding f = r.finding("external_blob_base_overlaps_storage_root").orElseThrow();
        assertThat(f.severity()).isEqualTo(FindingSeverity.QUARANTINE);
        assertThat(f.stage()).isEqualTo(DoctorStage.EXTERNAL_BLOBS);
        assertThat(r.quarantined()).extracting(QuarantinedGraph::graphId).containsExactly("knowledge");
        assertThat(r.finding("cluster_no_healthy_graphs")).as("knowledge was the only graph").isPresent();
    }

    @Test
    void anEditedProviderProfileIsRefusedByTheStrictV2ReadWithARestoreRemedy() throws Exception {
        DoctorReport r = examine(Backend.FILE, false, s -> {
            String edited = new String(s.read(ClusterLayout.STATE, 1 << 24).orElseThrow().bytes(), UTF_8)
                    .replace("openai/text-embedding-3-large", "openai/text-embedding-3-small");
            CraftedCluster.replace(s, ClusterLayout.STATE, edited.getBytes(UTF_8));
        });
        assertThat(r.firstRefusingStage()).contains(DoctorStage.LEDGER);
        DoctorFinding f = r.findings().stream().filter(x -> x.stage() == DoctorStage.LEDGER).findFirst().orElseThrow();
        assertThat(f.code()).as("v2 checks provider digests in its projection rules on every read").isEqualTo("invalid_state");
        assertThat(f.remedy()).contains("Do not hand-edit the ledger").contains("ledger history");
        assertThat(r.generation().orElseThrow().generation()).isEqualTo("unreadable");
    }

    @Test
    void serverSafeBasesOverlapOnlyInsideTheRoot() {
        assertThat(V013Replay.overlaps("s3://b/clusters/x", "s3://b/clusters/x/blobs/")).isTrue();
        assertThat(V013Replay.overlaps("s3://b/clusters/x", "s3://b/clusters/")).isTrue();
        assertThat(V013Replay.overlaps("s3://b/clusters/x", "s3://b/clusters/xy/")).isFalse();
        assertThat(V013Replay.overlaps("file:///srv/c", "s3://assets-bucket/knowledge/")).isFalse();
    }

    private static String lockId() {
        String lock = new String(V013Fixtures.bytes("storage-root-v2/__cluster/lock.json"), UTF_8);
        return lock.replaceAll("(?s).*\"lock_id\": \"([0-9A-Z]{26})\".*", "$1");
    }
}
