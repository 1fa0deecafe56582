package dev.omnigraph.console.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.catalog.CatalogViewModel;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.graphs.GraphsViewModel;
import dev.omnigraph.console.ui.recoveries.RecoveriesViewModel;
import dev.omnigraph.console.ui.recoveries.RecoveryRow;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewViewModelTest {
    @TempDir
    Path temp;

    @Test
    void summarizesTheFixtureCluster() throws Exception {
        FileObjectStore store = new FileObjectStore(new StoreUri.Local(temp.resolve("root")));
        Trees.upload(Trees.fixtureStorageRoot(), store);
        ClusterSession session = Sessions.open(store);
        OverviewViewModel vm = new OverviewViewModel(session);
        vm.activate();
        OverviewModel m = vm.model();
        assertThat(m.revision()).isEqualTo("17");
        assertThat(m.statusCounts()).containsEntry("drifted", 2L).containsEntry("error", 1L);
        assertThat(m.statusCounts().keySet()).first().isEqualTo("applied");
        assertThat(m.lock().free()).isFalse();
        assertThat(m.lock().badge().text()).startsWith("Held by apply for");
        assertThat(m.pendingApprovals()).isEqualTo(1);
        assertThat(m.sidecars()).singleElement().asString().startsWith("schema_apply of graph knowledge").contains("blocks");
        assertThat(m.catalog().text()).isIn("Not verified yet", "0 missing payloads");
        assertThat(m.cas()).startsWith("sha256:");

        RecoveriesViewModel recoveries = new RecoveriesViewModel(session);
        recoveries.activate();
        RecoveryRow row = recoveries.rows().getFirst();
        assertThat(row.casBase().severity()).as("the fixture's sidecar names this ledger's CAS").isEqualTo(Severity.OK);
        assertThat(row.blocks()).contains("graph.knowledge", "schema.knowledge");
        assertThat(row.blocksText()).contains("serving quarantines graph knowledge");
    }

    @Test
    void reflectsVerificationAndLedgerMovesSinceASidecar() throws Exception {
        var store = Sessions.demo(Backend.FILE.newStore(temp, "ov"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        OverviewViewModel vm = new OverviewViewModel(session);
        vm.activate();
        assertThat(vm.model().catalog().text()).isEqualTo("Not verified yet");
        CatalogViewModel catalog = new CatalogViewModel(session);
        catalog.activate();
        catalog.verifyAll();
        assertThat(vm.model().catalog().severity()).as("overview follows the shared report").isEqualTo(Severity.OK);
        assertThat(vm.model().catalog().text()).startsWith("All ").endsWith("verified");

        RecoveriesViewModel recoveries = new RecoveriesViewModel(session);
        recoveries.activate();
        assertThat(recoveries.rows().getFirst().casBase().severity()).isEqualTo(Severity.OK);
        Sessions.bumpLedger(store);
        session.refresh();
        assertThat(recoveries.rows().getFirst().casBase().text()).isEqualTo("ledger moved since");

        GraphsViewModel graphs = new GraphsViewModel(session);
        graphs.activate();
        assertThat(graphs.rows()).isNotEmpty();
        assertThat(graphs.selectedProperty().get()).isNotNull();
        assertThat(graphs.totalsProperty().get()).contains("graph root");
    }

    @Test
    void hiddenViewModelsDoNotFollowUntilShownAgain() throws Exception {
        var store = Sessions.demo(Backend.FILE.newStore(temp, "hidden"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        OverviewViewModel vm = new OverviewViewModel(session);
        vm.activate();
        String before = vm.model().revision();
        vm.deactivate();
        Sessions.bumpLedger(store);
        session.refresh();
        assertThat(vm.model().revision()).isEqualTo(before);
        vm.activate();
        assertThat(vm.model().revision()).isEqualTo(String.valueOf(Long.parseLong(before) + 1));
    }

    @Test
    void findingsNameDriftAndOrphansAndTheHeadingSaysWhenItWasLastChecked() throws Exception {
        FileObjectStore store = new FileObjectStore(new StoreUri.Local(temp.resolve("attention")));
        Trees.upload(Trees.fixtureStorageRoot(), store);
        ClusterSession session = Sessions.open(store);
        OverviewViewModel vm = new OverviewViewModel(session);
        vm.activate();
        OverviewModel m = vm.model();
        assertThat(m.attention()).extracting(t -> t.text()).contains("2 resources drifted (see Ledger)", "1 resource error (see Ledger)");
        long orphans = session.snapshot().catalog().count(dev.omnigraph.console.cluster.CatalogEntry.Reference.ORPHAN);
        if (orphans > 0) {
            assertThat(m.attention()).extracting(t -> t.text()).anyMatch(t -> t.contains("orphan"));
        }
        assertThat(m.freshness().text()).as("right after a full read, the read line says it all").isEmpty();
        assertThat(m.readSummary()).startsWith("read ").contains(" UTC in ");

        session.pollOnce();
        assertThat(vm.model().freshness().text()).startsWith("checked ").endsWith("nothing changed");
    }
}
