package dev.omnigraph.console.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.V013Roots;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Overview on OmniGraph v0.13 roots: generation, counters, the outstanding deployment, contracts, the serve lock. */
class OverviewV013Test {
    @TempDir
    Path temp;

    @Test
    void aServingRootShowsItsGenerationCountersAndContractsAndALockThatIsNeverStale() throws Exception {
        ClusterSession session = Sessions.open(V013Roots.serving(Backend.FILE, temp, "serving"));
        OverviewViewModel vm = new OverviewViewModel(session);
        vm.activate();
        OverviewModel m = vm.model();
        assertThat(m.ledger().text()).isEqualTo("Ledger readable");
        LedgerGenerationFacts f = m.generation().orElseThrow();
        assertThat(f.generation().text()).isEqualTo("v2 ledger (v0.13)");
        assertThat(f.servedBy()).contains("OmniGraph 0.13 serves it");
        assertThat(f.counters()).containsEntry("State revision", "14").containsEntry("Result revision", "3")
                .containsEntry("Next sequence", "4").containsEntry("Retained results", "3 receipts (see Deployments)");
        assertThat(f.counters().get("Ledger id")).startsWith(Fixtures013.LEDGER_ID + " (created 2026-");
        assertThat(f.outstanding()).isEmpty();
        assertThat(f.contracts()).anySatisfy(c -> assertThat(c).startsWith("knowledge: schema "));

        assertThat(m.lock().badge().text()).startsWith("Held by serve for").doesNotContain("stale");
        assertThat(m.lock().explanation()).contains("held for its owner's whole life").contains("age is not proof");
    }

    @Test
    void anOutstandingDeploymentSaysWhatItBlocksAndTheExactCommand() throws Exception {
        ClusterSession session = Sessions.open(V013Roots.outstanding(Backend.FILE, temp, "outstanding"));
        OverviewViewModel vm = new OverviewViewModel(session);
        vm.activate();
        LedgerGenerationFacts.Outstanding o = vm.model().generation().orElseThrow().outstanding().orElseThrow();
        assertThat(o.id()).isEqualTo(Fixtures013.OUTSTANDING_ID);
        assertThat(o.acceptedAt()).startsWith("2026-").endsWith(" UTC");
        assertThat(o.graphs()).isNotEmpty();
        assertThat(o.graphs().values()).allSatisfy(v -> assertThat(v).matches("(not_started|started|settled).*"));
        assertThat(o.blocks()).contains("cluster_deployment_outstanding");
        assertThat(o.command()).isEqualTo("omnigraph --cluster " + session.location().root().display() + " cluster apply --deployment-id "
                + Fixtures013.OUTSTANDING_ID + " --writers-stopped");
        assertThat(vm.model().lock().badge().text()).contains("deployment outstanding");
        assertThat(vm.model().lock().badge().severity()).isEqualTo(Severity.DANGER);
        assertThat(vm.model().lock().meaning().orElseThrow().nextStep()).contains(Fixtures013.OUTSTANDING_ID);
    }

    @Test
    void aV1RootIsLabelledAndSaysWhatV013Answers() throws Exception {
        var store = new dev.omnigraph.console.storage.FileObjectStore(new dev.omnigraph.console.storage.StoreUri.Local(temp.resolve("v1")));
        dev.omnigraph.console.testing.Trees.upload(dev.omnigraph.console.testing.Trees.fixtureStorageRoot(), store);
        OverviewViewModel vm = new OverviewViewModel(Sessions.open(store));
        vm.activate();
        LedgerGenerationFacts f = vm.model().generation().orElseThrow();
        assertThat(f.generation().text()).isEqualTo("v1 ledger");
        assertThat(f.upgrade()).contains("ledger_upgrade_required").contains("upgrade-ledger --writers-stopped");
        assertThat(f.servedBy()).contains("≤ 0.11");
        assertThat(f.counters()).doesNotContainKey("Ledger id");
        assertThat(vm.model().lock().badge().text()).as("v1 roots keep the age hint").startsWith("Held by apply");
    }
}
