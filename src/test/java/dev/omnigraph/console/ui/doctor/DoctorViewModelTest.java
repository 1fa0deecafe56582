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
}
