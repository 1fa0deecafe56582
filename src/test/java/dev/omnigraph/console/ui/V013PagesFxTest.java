package dev.omnigraph.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.catalog.CatalogView;
import dev.omnigraph.console.ui.deployments.DeploymentsView;
import dev.omnigraph.console.ui.doctor.DoctorView;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A walk through the v0.13 pages on the demo's v2 roots on file:// (knowledge-hub: serving, a
 * serve lock and retained deployments; knowledge-rollout: an outstanding deployment): Overview,
 * Deployments (bundle files, compare), Catalog (the bundle), Lock, Doctor. Screenshots go to
 * {@code target/screenshots} (or {@code -Dscreenshots.dir=docs/screenshots}) as {@code v013-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class V013PagesFxTest {
    @TempDir
    static Path home;

    private FxHarness harness;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        harness = new FxHarness(home);
        harness.show(stage, S3Settings.fromEnvironment(Map.of()), Theme.LIGHT, PollScheduler.MANUAL, 1280, 800);
        harness.window.start(null);
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static String text(FxRobot robot, String id) {
        return FxHarness.onFx(() -> ((Label) robot.lookup(id).match(V013PagesFxTest::showing).query()).getText());
    }

    @Test
    void walkTheV013PagesOnFileRoots(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        ClusterSession hub = harness.awaitCluster("knowledge-hub", 120);
        ClusterWorkspace w = harness.select(hub);

        FxHarness.runFx(() -> w.show("overview"));
        FxHarness.waitFor("generation on the overview", 30, () -> robot.lookup("#overview-generation").match(V013PagesFxTest::showing)
                .tryQuery().isPresent());
        assertThat(text(robot, "#overview-generation")).isEqualTo("v2 ledger (v0.13)");
        assertThat(text(robot, "#overview-lock-badge")).startsWith("Held by serve").doesNotContain("stale");
        FxHarness.screenshot(stage, out.resolve("v013-overview.png"));

        FxHarness.runFx(() -> w.show("deployments"));
        DeploymentsView deployments = (DeploymentsView) FxHarness.onFx(() -> w.context().view("deployments"));
        TableView<?> table = robot.lookup("#deployments-table").query();
        FxHarness.waitFor("deployments listed", 30, () -> FxHarness.onFx(() -> !table.getItems().isEmpty()));
        ListView<?> files = robot.lookup("#deployments-files").query();
        FxHarness.waitFor("bundle files", 30, () -> FxHarness.onFx(() -> !files.getItems().isEmpty()));
        assertThat(text(robot, "#deployments-bundle-status")).contains("verified");
        FxHarness.screenshot(stage, out.resolve("v013-deployments.png"));
        if (FxHarness.onFx(() -> deployments.viewModel().rows().size()) >= 2) {
            FxHarness.runFx(deployments.viewModel()::compare);
            FxHarness.waitFor("diff", 30, () -> FxHarness.onFx(() -> !deployments.viewModel().diff().isEmpty()
                    || deployments.viewModel().diffSummaryProperty().get().contains("identical")));
        }

        robot.clickOn("#deployments-show-in-catalog");
        FxHarness.waitFor("catalog page", 10, () -> "catalog".equals(harness.window.activeWorkspace().currentViewId()));
        CatalogView catalog = (CatalogView) FxHarness.onFx(() -> w.context().view("catalog"));
        FxHarness.waitFor("bundle revealed", 30, () -> FxHarness.onFx(() -> {
            var s = catalog.viewModel().selectedProperty().get();
            return s != null && s.isBundle() || catalog.reveal(deployments.viewModel().selectedProperty().get().bundleKey());
        }));
        FxHarness.screenshot(stage, out.resolve("v013-catalog-bundle.png"));

        FxHarness.runFx(() -> w.show("lock"));
        FxHarness.waitFor("lock badge", 10, () -> robot.lookup("#lock-badge").match(V013PagesFxTest::showing).tryQuery().isPresent());
        assertThat(text(robot, "#lock-badge")).startsWith("Held by serve").doesNotContain("stale");
        FxHarness.screenshot(stage, out.resolve("v013-lock.png"));

        FxHarness.runFx(() -> w.show("doctor"));
        DoctorView doctor = (DoctorView) FxHarness.onFx(() -> w.context().view("doctor"));
        FxHarness.waitFor("doctor report", 60, () -> FxHarness.onFx(() -> doctor.viewModel().reportProperty().get() != null));
        assertThat(text(robot, "#doctor-generation")).startsWith("v2 ledger (v0.13)");
        FxHarness.screenshot(stage, out.resolve("v013-doctor.png"));

        ClusterSession rollout = harness.awaitCluster("knowledge-rollout", 120);
        ClusterWorkspace r = harness.select(rollout);
        FxHarness.runFx(() -> r.show("overview"));
        FxHarness.waitFor("outstanding on the overview", 30, () -> robot.lookup("#overview-outstanding").match(V013PagesFxTest::showing)
                .tryQuery().isPresent());
        assertThat(text(robot, "#overview-outstanding")).startsWith("Deployment outstanding: ");
        FxHarness.screenshot(stage, out.resolve("v013-overview-outstanding.png"));
    }

    @Test
    void overviewDeploymentsAndLockOnAV013RootOnTheLoopbackS3Server(FxRobot robot) throws Exception {
        dev.omnigraph.console.storage.StoreUri.S3 uri = dev.omnigraph.console.testing.S3TestServer.newRoot("v013pages", "clusters/hub-on-s3");
        try (var store = new dev.omnigraph.console.storage.S3ObjectStore(uri, dev.omnigraph.console.testing.S3TestServer.settings())) {
            dev.omnigraph.console.demo.V013ClusterGenerator.write(store, dev.omnigraph.console.demo.DemoKind.SERVING, "hub-on-s3", 7,
                    64L * 1024, dev.omnigraph.console.common.Progress.NONE);
        }
        FxHarness.runFx(() -> harness.window.shell().open(new dev.omnigraph.console.ui.session.ConnectionSpec(
                dev.omnigraph.console.cluster.ClusterLocation.ofRoot(uri), dev.omnigraph.console.testing.S3TestServer.settings())));
        FxHarness.waitFor("the S3 root loaded", 120, () -> FxHarness.onFx(() -> harness.window.shell().sessions().stream()
                .anyMatch(x -> x.location().root().equals(uri) && x.snapshot() != null)));
        ClusterSession onS3 = FxHarness.onFx(() -> harness.window.shell().sessions().stream()
                .filter(x -> x.location().root().equals(uri)).findFirst().orElseThrow());
        ClusterWorkspace w = harness.select(onS3);

        FxHarness.runFx(() -> w.show("overview"));
        FxHarness.waitFor("generation on the overview", 30, () -> robot.lookup("#overview-generation").match(V013PagesFxTest::showing)
                .tryQuery().isPresent());
        assertThat(text(robot, "#overview-generation")).isEqualTo("v2 ledger (v0.13)");
        assertThat(text(robot, "#overview-lock-badge")).startsWith("Held by serve").doesNotContain("stale");

        FxHarness.runFx(() -> w.show("deployments"));
        TableView<?> table = robot.lookup("#deployments-table").match(V013PagesFxTest::showing).query();
        FxHarness.waitFor("deployments listed", 30, () -> FxHarness.onFx(() -> table.getItems().size() == 3));
        FxHarness.waitFor("bundle verified", 30, () -> text(robot, "#deployments-bundle-status").contains("verified"));

        FxHarness.runFx(() -> w.show("lock"));
        FxHarness.waitFor("lock badge", 10, () -> robot.lookup("#lock-badge").match(V013PagesFxTest::showing).tryQuery().isPresent());
        assertThat(text(robot, "#lock-badge")).startsWith("Held by serve").doesNotContain("stale");
    }
}
