package dev.omnigraph.console.ui.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.doctor.BootVerdict;
import dev.omnigraph.console.cluster.doctor.CraftedCluster;
import dev.omnigraph.console.cluster.doctor.FindingSeverity;
import dev.omnigraph.console.cluster.doctor.QuarantinedGraph;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Doctor page's and Overview badge's view-model on crafted roots, without a window. */
class DoctorViewModelTest {
    @TempDir
    Path temp;

    private ObjectStore crafted(String name, boolean sidecar) throws Exception {
        ObjectStore store = Backend.FILE.newStore(temp, name);
        CraftedCluster.write(store, sidecar);
        return store;
    }

    @Test
    void aHealthyRootIsReadyAndTheBadgeSaysSo() throws Exception {
        try (ObjectStore store = crafted("healthy", false)) {
            DoctorViewModel vm = new DoctorViewModel(Sessions.open(store));
            vm.follow();
            assertThat(vm.reportProperty().get().verdict()).isEqualTo(BootVerdict.BOOTS);
            assertThat(vm.badgeProperty().get().text()).isEqualTo("doctor: ready");
            assertThat(vm.badgeProperty().get().severity()).isEqualTo(Severity.OK);
            assertThat(vm.verdictProperty().get().text()).isEqualTo("Server would boot");
            assertThat(vm.findings()).extracting(FindingRow::code).containsExactly("console_embedding_env_required");
            assertThat(vm.findings().get(0).severity().severity()).isEqualTo(Severity.INFO);
            assertThat(vm.findings().get(0).remedy()).isNotBlank();
            assertThat(vm.quarantined()).isEmpty();
            assertThat(vm.refuses()).isFalse();
        }
    }

    @Test
    void strippedPolicyBindingsRefuseBootAndAFixIsSeenOnTheNextSnapshot() throws Exception {
        try (ObjectStore store = crafted("refuses", false)) {
            CraftedCluster.editLedger(store, t -> LedgerJson.resource(t, "policy.server").remove("applies_to"));
            ClusterSession session = Sessions.open(store);
            DoctorViewModel vm = new DoctorViewModel(session);
            vm.follow();
            assertThat(vm.refuses()).isTrue();
            long fatal = vm.reportProperty().get().findings(FindingSeverity.FATAL).size();
            assertThat(fatal).isPositive();
            assertThat(vm.badgeProperty().get().text()).isEqualTo("doctor: would refuse (" + fatal + ")");
            assertThat(vm.badgeProperty().get().severity()).isEqualTo(Severity.DANGER);
            assertThat(vm.findings()).anySatisfy(f -> {
                assertThat(f.code()).isEqualTo("policy_bindings_missing");
                assertThat(f.severity().severity()).isEqualTo(Severity.DANGER);
                assertThat(f.what()).contains("policy.server");
                assertThat(f.remedy()).isNotBlank();
            });

            // the admin fixes the ledger; the session's next snapshot is examined again (the CAS moved)
            CraftedCluster.editLedger(store, t -> LedgerJson.resource(t, "policy.server").putArray("applies_to").add("graph.knowledge"));
            session.refresh();
            assertThat(vm.reportProperty().get().finding("policy_bindings_missing")).isEmpty();

            // unchanged state is not examined again by itself; Rerun reads it afresh
            var shown = vm.reportProperty().get();
            session.refresh();
            assertThat(vm.reportProperty().get()).isSameAs(shown);
            vm.rerun();
            assertThat(vm.reportProperty().get()).isNotSameAs(shown);
            assertThat(vm.reportProperty().get().verdict()).isEqualTo(shown.verdict());
        }
    }

    @Test
    void aPendingSidecarAndAMissingGraphRootQuarantineGraphs() throws Exception {
        try (ObjectStore store = crafted("quarantine", true)) {
            store.deleteUnconditionally(ClusterLayout.graphPrefix("scratch") + "_schema.pg");
            DoctorViewModel vm = new DoctorViewModel(Sessions.open(store));
            vm.follow();
            assertThat(vm.reportProperty().get().verdict()).isEqualTo(BootVerdict.BOOTS_WITH_QUARANTINE);
            assertThat(vm.quarantined()).extracting(QuarantinedGraph::graphId).containsExactlyInAnyOrder(CraftedCluster.SIDECAR_GRAPH, "scratch");
            assertThat(vm.badgeProperty().get().text()).isEqualTo("doctor: 2 quarantined");
            assertThat(vm.badgeProperty().get().severity()).isEqualTo(Severity.WARN);
            assertThat(vm.verdictProperty().get().text()).isEqualTo("Server would boot, quarantining 2 graphs");
            assertThat(vm.findings()).extracting(FindingRow::code).contains("cluster_recovery_pending", "console_graph_root_missing");
        }
    }

    /**
     * A live payload rewritten with bytes of the same size (no size or count moves) refuses boot;
     * when the bytes are restored, the verdict, the findings and the detail pane all follow, and the
     * finding that was being read is deselected rather than shown after it went.
     */
    @Test
    void sameSizeRewritesAreExaminedAndTheDetailNeverShowsAGoneFinding() throws Exception {
        try (ObjectStore store = crafted("same-size", false)) {
            ClusterSession session = Sessions.open(store);
            DoctorViewModel vm = new DoctorViewModel(session);
            vm.follow();
            assertThat(vm.refuses()).isFalse();
            String victim = session.snapshot().catalog().entries().stream()
                    .filter(e -> e.reference() == dev.omnigraph.console.cluster.CatalogEntry.Reference.LIVE && e.key().endsWith(".gq"))
                    .map(e -> e.key()).sorted().findFirst().orElseThrow();
            byte[] original = store.read(victim, 1 << 20).orElseThrow().bytes();
            byte[] tampered = original.clone();
            tampered[tampered.length - 1] = (byte) (tampered[tampered.length - 1] == 'x' ? 'y' : 'x');

            rewrite(store, victim, tampered, 1_000);
            session.refresh();
            assertThat(vm.refuses()).as("same size, other bytes: examined again").isTrue();
            assertThat(vm.verdictProperty().get().text()).isEqualTo("Server would refuse to boot");
            FindingRow mismatch = vm.findings().stream().filter(f -> f.code().equals("catalog_payload_digest_mismatch")).findFirst()
                    .orElseThrow();
            vm.selectedFindingProperty().set(mismatch);
            assertThat(vm.detailProperty().get()).contains("catalog_payload_digest_mismatch");

            rewrite(store, victim, original, 2_000);
            session.refresh();
            assertThat(vm.refuses()).isFalse();
            assertThat(vm.verdictProperty().get().text()).isEqualTo("Server would boot");
            assertThat(vm.findings()).extracting(FindingRow::code).doesNotContain("catalog_payload_digest_mismatch");
            assertThat(vm.selectedFindingProperty().get()).isNull();
            assertThat(vm.detailProperty().get()).startsWith("The selected finding (catalog_payload_digest_mismatch").contains("is gone");
        }
    }

    /** Rewrites an object; on local folders also sets a distinct modification time, as any real later write has. */
    private static void rewrite(ObjectStore store, String key, byte[] bytes, long secondsLater) throws Exception {
        dev.omnigraph.console.cluster.doctor.CraftedCluster.replace(store, key, bytes);
        if (store.uri() instanceof dev.omnigraph.console.storage.StoreUri.Local local) {
            java.nio.file.Path file = local.root().resolve(key);
            java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                    java.time.Instant.parse("2026-12-07T20:00:00Z").plusSeconds(secondsLater)));
        }
    }
}
