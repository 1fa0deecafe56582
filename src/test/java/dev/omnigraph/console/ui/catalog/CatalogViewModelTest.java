package dev.omnigraph.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.CatalogBlob;
import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIndex;
import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogViewModelTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifyAllFindsATamperedBlob(Backend backend) throws Exception {
        ObjectStore store = Sessions.demo(backend.newStore(temp, "tamper"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        CatalogViewModel vm = new CatalogViewModel(session);
        vm.activate();
        CatalogTree tree = vm.treeProperty().get();
        String victim = tree.byKey().keySet().stream().filter(k -> k.endsWith(".gq")).sorted().findFirst().orElseThrow();
        Sessions.tamper(store, victim);

        vm.verifyAll();
        assertThat(tree.byKey().get(victim).integrity()).isEqualTo(CatalogIntegrity.TAMPERED);
        assertThat(tree.byKey().values().stream().filter(n -> !n.entry().key().equals(victim)))
                .allSatisfy(n -> assertThat(n.integrity()).isEqualTo(CatalogIntegrity.VERIFIED));
        assertThat(vm.summaryProperty().get().severity()).isEqualTo(Severity.DANGER);
        assertThat(vm.summaryProperty().get().text()).contains("1 tampered");
        assertThat(session.catalogReportProperty().get().count(CatalogIntegrity.TAMPERED)).isEqualTo(1);
        assertThat(vm.verifyProgress().isRunning()).isFalse();

        vm.selectedProperty().set(tree.byKey().get(victim));
        assertThat(vm.contentProperty().get()).contains("-- tampered");
        assertThat(vm.contentVerdictProperty().get().text()).startsWith("TAMPERED");

        session.refresh();
        CatalogTree next = vm.treeProperty().get();
        assertThat(next).isNotSameAs(tree);
        assertThat(next.byKey().get(victim).integrity()).as("verdicts carry over by key").isEqualTo(CatalogIntegrity.TAMPERED);
    }

    @Test
    void groupsByGraphQueryAndPolicy() throws Exception {
        ObjectStore store = Sessions.demo(Backend.FILE.newStore(temp, "tree"), DemoOptions.small());
        CatalogViewModel vm = new CatalogViewModel(Sessions.open(store));
        vm.activate();
        CatalogNode root = vm.treeProperty().get().root();
        assertThat(root.children()).extracting(CatalogNode::label).startsWith("Queries", "Policies");
        CatalogNode queries = root.children().getFirst();
        assertThat(queries.children()).extracting(CatalogNode::label).contains("knowledge", "support");
        assertThat(queries.children()).allSatisfy(g -> assertThat(g.children()).allSatisfy(q ->
                assertThat(q.children()).allSatisfy(b -> assertThat(b.isBlob()).isTrue())));
        assertThat(root.blobs()).isEqualTo(vm.treeProperty().get().byKey().size());
        assertThat(vm.totalsProperty().get()).contains("live").contains("orphan");
    }

    /** 100,000 blobs: one grouping pass, tree items only for what is expanded (timing printed, not asserted). */
    @Test
    void hundredThousandBlobsBuildLazily() {
        List<CatalogBlob> blobs = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < 100_000; i++) {
            byte[] d = new byte[32];
            d[0] = (byte) (i >> 16);
            d[1] = (byte) (i >> 8);
            d[2] = (byte) i;
            String key = "__cluster/resources/query/g" + (i % 10) + "/q" + (i % 1000) + "/" + hex.formatHex(d) + ".gq";
            blobs.add(CatalogBlob.of(new ObjectInfo(key, 100, Instant.EPOCH, "e")));
        }
        long t0 = System.nanoTime();
        CatalogIndex index = CatalogIndex.build(blobs, Optional.empty());
        long t1 = System.nanoTime();
        CatalogTree tree = CatalogTree.build(index);
        long t2 = System.nanoTime();
        System.out.printf("catalog 100k: index %.0f ms, tree %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        assertThat(tree.byKey()).hasSize(100_000);
        assertThat(tree.root().blobs()).isEqualTo(100_000);
        assertThat(index.count(CatalogEntry.Reference.ORPHAN)).isEqualTo(100_000);

        LazyCatalogItem root = new LazyCatalogItem(tree.root());
        assertThat(root.built()).isFalse();
        var sections = root.getChildren();
        assertThat(root.built()).isTrue();
        LazyCatalogItem queries = (LazyCatalogItem) sections.getFirst();
        assertThat(queries.built()).as("a section's 10 graphs and their 100,000 blobs get no items until opened").isFalse();
        assertThat(queries.getChildren()).hasSize(10);
        LazyCatalogItem graph = (LazyCatalogItem) queries.getChildren().getFirst();
        assertThat(graph.built()).isFalse();
        assertThat(graph.getChildren()).hasSize(100);
    }
}
