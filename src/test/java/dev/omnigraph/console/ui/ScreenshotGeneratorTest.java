package dev.omnigraph.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.TableView;
import dev.omnigraph.console.ui.catalog.CatalogView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every view of the demo cluster headless and writes PNGs: to {@code target/screenshots}
 * in a normal test run, and to {@code docs/screenshots} with
 * {@code -Dscreenshots.dir=docs/screenshots} (how the committed images are regenerated). Asserts
 * each image was rendered with content (not blank).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotGeneratorTest {
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

    @Test
    void rendersEveryView() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        ClusterSession brain = harness.awaitCluster("company-brain", 60);
        harness.awaitCluster("analytics", 60);
        ClusterWorkspace w = harness.select(brain);
        String[] views = {"overview", "ledger", "catalog", "approvals", "recoveries", "graphs", "lock"};
        for (String view : views) {
            FxHarness.runFx(() -> w.show(view));
            if (view.equals("catalog")) {
                // the tree is built from the snapshot after the page is first shown: select once it has a blob
                FxHarness.waitFor("a catalog blob selected", 20, () -> {
                    CatalogView catalog = (CatalogView) w.context().view("catalog");
                    if (catalog.viewModel().selectedProperty().get() == null) {
                        catalog.selectFirstBlob();
                    }
                    return catalog.viewModel().selectedProperty().get() != null;
                });
                FxHarness.waitFor("catalog content", 20, () -> w.context().view("catalog").node().lookupAll(".text-area").stream()
                        .anyMatch(n -> !((javafx.scene.control.TextArea) n).getText().isEmpty()
                                && !((javafx.scene.control.TextArea) n).getText().equals("Loading…")));
            }
            if (view.equals("ledger") || view.equals("approvals")) {
                String id = view.equals("ledger") ? "#ledger-resources" : "#approvals-table";
                FxHarness.runFx(() -> ((TableView<?>) w.context().view(view).node().lookup(id)).getSelectionModel().select(1));
            }
            shoot(out.resolve("light-" + view + ".png"));
        }
        FxHarness.runFx(() -> {
            var prefs = harness.window.services().preferences();
            prefs.update(p -> p.withSaved(new SavedConnection("prod (eu-west-1)", SavedConnection.Kind.ROOT,
                    "s3://acme-omnigraph/clusters/prod", null, "eu-west-1", null, "prod-admin")));
            prefs.update(p -> p.withSaved(new SavedConnection("staging on MinIO", SavedConnection.Kind.ROOT,
                    "s3://omnigraph/staging", "https://minio.internal:9000", null, true, null)));
            harness.window.showConnect();
            var vm = harness.window.connectView().viewModel();
            vm.rootProperty().set(home.resolve("demo").resolve("analytics").toString());
            vm.nameProperty().set("analytics");
            vm.testConnection();
        });
        FxHarness.waitFor("probe checklist", 20, () -> !harness.window.connectView().viewModel().checks().isEmpty());
        shoot(out.resolve("light-connect.png"));

        FxHarness.runFx(() -> harness.window.theme().themeProperty().set(Theme.DARK));
        FxHarness.runFx(() -> harness.window.select(brain));
        FxHarness.runFx(() -> ((CatalogView) w.context().view("catalog")).viewModel().verifyAll());
        FxHarness.waitFor("catalog verified", 30, () -> brain.catalogReportProperty().get() != null);
        for (String view : new String[] {"overview", "ledger", "catalog", "lock"}) {
            FxHarness.runFx(() -> w.show(view));
            shoot(out.resolve("dark-" + view + ".png"));
        }
        FxHarness.runFx(() -> harness.window.theme().themeProperty().set(Theme.LIGHT));
    }

    private void shoot(Path file) throws Exception {
        FxHarness.screenshot(stage, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isGreaterThan(1000);
        assertThat(distinctColours(image)).as("%s has content", file).isGreaterThan(20);
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
