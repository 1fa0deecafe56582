package dev.omnigraph.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import dev.omnigraph.console.ui.shell.ConsoleWindow;
import dev.omnigraph.console.ui.shell.StoreOpener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A catalog of 3,000 blobs on the Catalog page of the real window: the FX thread never calls
 * storage (open, group, expand, content, verify all, reveal, refresh all go through the runner),
 * and tree items exist only for what is open (a hidden group of 1,000 costs nothing; revealing a
 * blob builds its own group only). Prints the longest gap between animation pulses seen meanwhile
 * (a figure, not asserted).
 */
@ExtendWith(ApplicationExtension.class)
class CatalogFxThreadTest {
    private static final int GROUPS = 3;
    private static final int PER_GROUP = 1_000;

    @TempDir
    static Path temp;

    private final List<String> storageCallsOnFx = new CopyOnWriteArrayList<>();
    private FxHarness harness;

    /** Opens the real store behind a proxy that notes every call made on the FX thread. */
    private ObjectStore watched(ObjectStore real) {
        return (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (p, m, a) -> {
            if (Platform.isFxApplicationThread() && !m.getName().equals("uri") && !m.getName().equals("toString")) {
                storageCallsOnFx.add(m.getName() + (a != null && a.length > 0 ? "(" + a[0] + ")" : "()"));
            }
            try {
                return m.invoke(real, a);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Start
    void start(Stage stage) {
        harness = new FxHarness(temp.resolve("home"));
        StoreOpener opener = spec -> watched(StoreOpener.DEFAULT.open(spec));
        ConsolePreferences prefs = ConsolePreferences.defaults().withTheme(Theme.LIGHT);
        harness.window = new ConsoleWindow(stage, new ConsoleWindow.Services(PreferencesModel.inMemory(prefs), harness.runner,
                harness.runner.activities(), PollScheduler.MANUAL, Clock.systemUTC(), harness.home, S3Settings.fromEnvironment(Map.of()),
                harness.home, opener));
        stage.setWidth(1200);
        stage.setHeight(760);
        stage.show();
    }

    private static String key(int group, int i) {
        return "__cluster/resources/query/bulk/q" + group + "_versions/" + Digests.sha256Hex(content(group, i)) + ".gq";
    }

    private static byte[] content(int group, int i) {
        return ("query bulk_" + group + "_" + i + "() {\n  return { }\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    private final StringBuilder gaps = new StringBuilder();

    /** Notes the longest pulse gap of the step just done and starts the next step's. */
    private void step(String name, long[] worstGap) {
        FxHarness.runFx(() -> { });
        gaps.append(gaps.isEmpty() ? "" : ", ").append(name).append(' ').append(worstGap[0] / 1_000_000).append(" ms");
        worstGap[0] = 0;
    }

    private static int built(TreeItem<CatalogNode> item) {
        int n = 1;
        for (TreeItem<CatalogNode> c : ((LazyCatalogItem) item).builtChildren()) {
            n += built(c);
        }
        return n;
    }

    @Test
    void aLargeCatalogNeverPutsStorageOnTheFxThreadAndBuildsOnlyWhatIsOpen() throws Exception {
        Path root = temp.resolve("big");
        Sessions.demo(new FileObjectStore(new StoreUri.Local(root)), DemoOptions.small());
        for (int g = 0; g < GROUPS; g++) {
            Path dir = root.resolve("__cluster/resources/query/bulk/q" + g + "_versions");
            Files.createDirectories(dir);
            for (int i = 0; i < PER_GROUP; i++) {
                Files.write(root.resolve(key(g, i)), content(g, i));
            }
        }
        long[] worstGap = new long[1];
        AnimationTimer watchdog = FxHarness.onFx(() -> {
            AnimationTimer t = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        worstGap[0] = Math.max(worstGap[0], now - last);
                    }
                    last = now;
                }
            };
            t.start();
            return t;
        });

        FxHarness.runFx(() -> harness.window.shell().open(new ConnectionSpec(ClusterLocation.ofRoot(new StoreUri.Local(root)),
                S3Settings.fromEnvironment(Map.of()))));
        ClusterSession session = harness.awaitCluster("big", 180);
        step("open", worstGap);
        ClusterWorkspace w = harness.select(session);
        FxHarness.runFx(() -> w.show("catalog"));
        CatalogView view = (CatalogView) FxHarness.onFx(() -> w.view("catalog"));
        FxHarness.waitFor("catalog grouped", 120, () -> view.tree.getRoot() != null);
        CatalogTree first = view.viewModel().treeProperty().get();
        assertThat(first.byKey()).hasSizeGreaterThanOrEqualTo(GROUPS * PER_GROUP);
        assertThat(FxHarness.onFx(() -> built(view.tree.getRoot()))).as("closed groups are not built").isLessThan(100);
        step("group", worstGap);

        TreeItem<CatalogNode> bulk = FxHarness.onFx(() -> view.tree.getRoot().getChildren().getFirst().getChildren().stream()
                .filter(g -> g.getValue().label().equals("bulk")).findFirst().orElseThrow());
        FxHarness.runFx(() -> {
            bulk.setExpanded(true);
            bulk.getChildren().getFirst().setExpanded(true);
        });
        int afterExpand = FxHarness.onFx(() -> built(view.tree.getRoot()));
        assertThat(afterExpand).isBetween(PER_GROUP, PER_GROUP + 100);
        step("expand", worstGap);

        FxHarness.runFx(() -> view.tree.getSelectionModel().select(bulk.getChildren().getFirst().getChildren().get(10)));
        FxHarness.waitFor("content shown", 60, () -> view.viewModel().contentProperty().get().startsWith("query bulk_"));
        step("content", worstGap);

        FxHarness.runFx(() -> view.viewModel().verifyAll());
        FxHarness.waitFor("verified", 180, () -> session.catalogReportProperty().get() != null);
        assertThat(view.viewModel().summaryProperty().get().text()).contains("0 tampered");
        step("verify", worstGap);

        String last = key(GROUPS - 1, PER_GROUP - 1);
        assertThat(FxHarness.onFx(() -> view.reveal(last))).isTrue();
        assertThat(FxHarness.onFx(() -> view.tree.getSelectionModel().getSelectedItem().getValue().entry().key())).isEqualTo(last);
        assertThat(FxHarness.onFx(() -> built(view.tree.getRoot()))).as("revealing builds the blob's own group only")
                .isBetween(2 * PER_GROUP, 2 * PER_GROUP + 100);
        step("reveal", worstGap);

        FxHarness.runFx(session::refresh);
        FxHarness.waitFor("re-read and regrouped", 120, () -> view.viewModel().treeProperty().get() != first
                && view.viewModel().treeProperty().get() != null);
        step("refresh", worstGap);
        FxHarness.runFx(watchdog::stop);
        System.out.printf("catalog of %,d blobs: longest gap between FX pulses per step: %s (load average %.1f)%n", GROUPS * PER_GROUP,
                gaps, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(storageCallsOnFx).as("storage calls made on the FX thread").isEmpty();
    }
}
