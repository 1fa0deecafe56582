package dev.omnigraph.console.ui.catalog;

import dev.omnigraph.console.ui.common.Bundles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.V013Roots;
import dev.omnigraph.console.ui.overview.OverviewViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment bundles on the Catalog page: their own section, who references them, verified or tampered by name, missing. */
class CatalogBundlesTest {
    @TempDir
    Path temp;

    private static List<CatalogNode> bundles(CatalogViewModel vm) {
        return vm.treeProperty().get().root().children().stream().filter(n -> n.label().equals("Deployment bundles")).findFirst()
                .orElseThrow().children();
    }

    @Test
    void bundlesAreReferencedByTheirReceiptsAndVerifiedByTheirName() throws Exception {
        ObjectStore store = V013Roots.serving(Backend.FILE, temp, "bundles");
        ClusterSession session = Sessions.open(store);
        CatalogViewModel vm = new CatalogViewModel(session);
        vm.activate();
        List<CatalogNode> bundles = bundles(vm);
        assertThat(bundles).hasSize(3).allSatisfy(b -> assertThat(b.isBundle()).isTrue());
        assertThat(bundles).extracting(b -> b.reference().text()).containsExactlyInAnyOrder("receipt #1", "receipt #2", "receipt #3");

        String victim = bundles.getFirst().entry().key();
        byte[] bytes = store.read(victim, 1 << 24).orElseThrow().bytes();
        V013Roots.replace(store, victim, (new String(bytes, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8));
        session.refresh();
        vm.verifyAll();
        CatalogNode tampered = vm.treeProperty().get().byKey().get(victim);
        assertThat(tampered.integrity()).isEqualTo(CatalogIntegrity.TAMPERED);
        assertThat(bundles(vm)).filteredOn(b -> b != tampered)
                .allSatisfy(b -> assertThat(b.integrity()).isEqualTo(CatalogIntegrity.VERIFIED));
        assertThat(vm.summaryProperty().get().text()).contains("1 tampered");

        OverviewViewModel overview = new OverviewViewModel(session);
        overview.activate();
        assertThat(overview.model().catalog().text()).isEqualTo("1 tampered");
        long payloadOrphans = session.snapshot().catalog().entries().stream().filter(e -> Bundles.digestOf(e.key()).isEmpty()
                && e.reference() == dev.omnigraph.console.cluster.CatalogEntry.Reference.ORPHAN).count();
        assertThat(payloadOrphans).as("the fixture keeps superseded payloads").isEqualTo(2);
        assertThat(overview.model().attention()).extracting(t -> t.text())
                .contains("2 catalog blobs superseded: not referenced by the applied revision (OmniGraph v0.13 keeps them)");
    }

    @Test
    void theOutstandingDeploymentsBundleAndAMissingOne() throws Exception {
        ObjectStore store = V013Roots.outstanding(Backend.FILE, temp, "outstanding");
        store.deleteUnconditionally(V013Roots.bundleKey(Fixtures013.OUTSTANDING_BUNDLE));
        ClusterSession session = Sessions.open(store);
        CatalogViewModel vm = new CatalogViewModel(session);
        vm.activate();
        CatalogNode missing = vm.treeProperty().get().byKey().get(V013Roots.bundleKey(Fixtures013.OUTSTANDING_BUNDLE));
        assertThat(missing.integrity()).isEqualTo(CatalogIntegrity.MISSING);
        assertThat(missing.reference().text()).isEqualTo("missing");
        vm.selectedProperty().set(missing);
        assertThat(vm.contentVerdictProperty().get().text()).contains("deployment_bundle_missing");

        OverviewViewModel overview = new OverviewViewModel(session);
        overview.activate();
        assertThat(overview.model().attention()).extracting(t -> t.text()).anyMatch(t -> t.contains("deployment_bundle_missing"));
    }
}
