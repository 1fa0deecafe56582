package dev.omnigraph.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.overview.OverviewViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An integrity verdict holds only for the bytes it hashed: a blob rewritten since is "not verified
 * since it changed" on the Catalog page and in the Overview's count, tampered and restored alike.
 */
class VerdictTiedToBytesTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verdictsDropWhenTheBytesChangeAndTheOverviewCountsTheSame(Backend backend) throws Exception {
        ObjectStore store = Sessions.demo(backend.newStore(temp, "bytes"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        CatalogViewModel catalog = new CatalogViewModel(session);
        catalog.activate();
        OverviewViewModel overview = new OverviewViewModel(session);
        overview.activate();
        String victim = catalog.treeProperty().get().byKey().keySet().stream().filter(k -> k.endsWith(".gq")).sorted().findFirst()
                .orElseThrow();
        byte[] original = store.read(victim, 1 << 20).orElseThrow().bytes();

        catalog.verifyAll();
        assertThat(overview.model().catalog().text()).startsWith("All ");

        Sessions.tamper(store, victim);
        session.refresh();
        CatalogNode changed = catalog.treeProperty().get().byKey().get(victim);
        assertThat(changed.integrity()).as("the old VERIFIED described other bytes").isEqualTo(CatalogIntegrity.UNVERIFIED);
        assertThat(changed.integrityTag().text()).isEqualTo("not verified since it changed");
        assertThat(catalog.summaryProperty().get().text()).contains("1 changed since verified");
        assertThat(overview.model().catalog().text()).isEqualTo("1 changed since verified");
        assertThat(overview.model().catalog().severity()).isEqualTo(Severity.WARN);

        catalog.verifyAll();
        assertThat(catalog.treeProperty().get().byKey().get(victim).integrity()).isEqualTo(CatalogIntegrity.TAMPERED);
        assertThat(overview.model().catalog().text()).isEqualTo("1 tampered");

        restore(store, victim, original);
        session.refresh();
        CatalogNode restored = catalog.treeProperty().get().byKey().get(victim);
        assertThat(restored.integrity()).as("TAMPERED described the tampered bytes").isEqualTo(CatalogIntegrity.UNVERIFIED);
        assertThat(restored.integrityTag().text()).isEqualTo("not verified since it changed");
        assertThat(overview.model().catalog().text()).doesNotContain("tampered").isEqualTo("1 changed since verified");

        catalog.selectedProperty().set(restored); // reading one blob verifies it, and the Overview follows
        assertThat(restored.integrity()).isEqualTo(CatalogIntegrity.VERIFIED);
        assertThat(overview.model().catalog().text()).startsWith("All ").endsWith(" verified");
        assertThat(overview.model().catalog().severity()).isEqualTo(Severity.OK);
    }

    private static void restore(ObjectStore store, String key, byte[] bytes) throws Exception {
        StoredObject current = store.read(key, 1 << 20).orElseThrow();
        PutResult r = store.put(key, bytes, WriteCondition.ifMatch(current.token()));
        assertThat(r).isInstanceOf(PutResult.Written.class);
    }
}
