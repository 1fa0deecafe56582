package dev.omnigraph.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.catalog.CatalogNode;
import dev.omnigraph.console.ui.catalog.CatalogView;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark (not part of {@code mvn test}; prints figures, asserts nothing about time): a cluster
 * whose catalog holds 100,000 blobs (graph {@code bulk}: 10 queries of 10,000 versions each), opened
 * in the real window; the Catalog page's tree fully expanded (100,000 rows) and scrolled end to end, each step timed until the frame was rendered; then "Verify
 * all". Run:
 * {@code mvn -B -q -o test -Dtest=CatalogScrollBenchmark} and read
 * {@code target/surefire-reports/dev.omnigraph.console.ui.CatalogScrollBenchmark-output.txt}.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogScrollBenchmark {
    private static final int BLOBS = 100_000;

    @TempDir
    static Path temp;

    private FxHarness harness;

    @Start
    void start(Stage stage) {
        harness = new FxHarness(temp.resolve("home"));
        harness.show(stage, S3Settings.fromEnvironment(Map.of()), Theme.LIGHT, PollScheduler.MANUAL, 1280, 800);
    }

    @Test
    void scrollAHundredThousandBlobs() throws Exception {
        Path root = temp.resolve("big");
        Sessions.demo(new FileObjectStore(new StoreUri.Local(root)), DemoOptions.small());
        long t0 = System.nanoTime();
        for (int i = 0; i < BLOBS; i++) {
            byte[] content = ("query bulk_" + i + "() {\n  return { }\n}\n").getBytes(StandardCharsets.UTF_8);
            Path dir = root.resolve("__cluster/resources/query/bulk/q" + (i % 10) + "_versions");
            Files.createDirectories(dir);
            Files.write(dir.resolve(Digests.sha256Hex(content) + ".gq"), content);
        }
        System.out.printf("wrote %d blobs in %.1f s%n", BLOBS, (System.nanoTime() - t0) / 1e9);

        StoreUri.Local uri = new StoreUri.Local(root);
        long open = System.nanoTime();
        FxHarness.runFx(() -> harness.window.shell().open(new ConnectionSpec(ClusterLocation.ofRoot(uri), S3Settings.fromEnvironment(Map.of()))));
        ClusterSession session = harness.awaitCluster("big", 600);
        System.out.printf("snapshot read: %s, %s objects listed (window shown after %.1f s)%n", Format.seconds(session.snapshot().took()),
                Format.count(session.snapshot().objectsListed()), (System.nanoTime() - open) / 1e9);

        ClusterWorkspace w = harness.select(session);
        long group = System.nanoTime();
        FxHarness.runFx(() -> w.show("catalog"));
        CatalogView view = (CatalogView) FxHarness.onFx(() -> w.view("catalog"));
        FxHarness.waitFor("tree grouped", 120, () -> view.viewModel().treeProperty().get() != null);
        System.out.printf("catalog grouped off the FX thread in %.2f s%n", (System.nanoTime() - group) / 1e9);

        @SuppressWarnings("unchecked")
        TreeTableView<CatalogNode> tree = (TreeTableView<CatalogNode>) view.node().lookup("#catalog-tree");
        long expand = System.nanoTime();
        FxHarness.onFx(() -> {
            TreeItem<CatalogNode> queries = tree.getRoot().getChildren().getFirst();
            queries.setExpanded(true);
            for (TreeItem<CatalogNode> graph : queries.getChildren()) {
                graph.setExpanded(true);
            }
            return null;
        }, 120);
        for (int g = 0; g < 10; g++) {
            int index = g;
            long gcBefore = gcMillis();
            long one = System.nanoTime();
            FxHarness.onFx(() -> {
                TreeItem<CatalogNode> bulk = tree.getRoot().getChildren().getFirst().getChildren().getFirst();
                bulk.getChildren().get(index).setExpanded(true);
                return null;
            }, 300);
            WaitForAsyncUtils.waitForFxEvents(1);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("  expanded a group of 10,000 versions in %.0f ms (GC %d ms, heap used %d MiB of %d)%n",
                    (System.nanoTime() - one) / 1e6, gcMillis() - gcBefore, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
        int rows = FxHarness.onFx(tree::getExpandedItemCount);
        System.out.printf("expanded the bulk graph's 10 query groups: %,d rows in %.2f s (FX thread)%n", rows,
                (System.nanoTime() - expand) / 1e9);
        assertThat(rows).isGreaterThan(BLOBS);

        int steps = 400;
        double[] frames = new double[steps];
        for (int s = 0; s < steps; s++) {
            int row = (int) ((long) s * (rows - 30) / (steps - 1));
            long f = System.nanoTime();
            FxHarness.onFx(() -> {
                tree.scrollTo(row);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents(1);
            frames[s] = (System.nanoTime() - f) / 1e6;
        }
        Arrays.sort(frames);
        System.out.printf("scroll end to end in %d jumps: median %.1f ms, p95 %.1f ms, max %.1f ms per rendered jump%n", steps,
                frames[steps / 2], frames[(int) (steps * 0.95)], frames[steps - 1]);

        long verify = System.nanoTime();
        FxHarness.runFx(() -> view.viewModel().verifyAll());
        FxHarness.waitFor("verified", 600, () -> session.catalogReportProperty().get() != null);
        double seconds = (System.nanoTime() - verify) / 1e9;
        System.out.printf("verify all: %,d blobs in %.1f s (%.0f blobs/s); summary: %s%n", session.catalogReportProperty().get().results().size(),
                seconds, session.catalogReportProperty().get().results().size() / seconds, view.viewModel().summaryProperty().get().text());
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void expandAll(TreeItem<CatalogNode> item) {
        item.setExpanded(true);
        for (TreeItem<CatalogNode> c : item.getChildren()) {
            if (!c.getValue().isBlob()) {
                expandAll(c);
            }
        }
    }
}
