package dev.omnigraph.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.doctor.CraftedCluster;
import dev.omnigraph.console.cluster.gc.CatalogGc;
import dev.omnigraph.console.cluster.gc.GcCandidate;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.doctor.DoctorView;
import dev.omnigraph.console.ui.gc.CatalogGcDialog;
import dev.omnigraph.console.ui.history.HistoryEntry;
import dev.omnigraph.console.ui.history.LedgerHistoryView;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterActions;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's History, Doctor and catalog GC against the demo cluster ({@code company-brain}, a
 * local folder): an apply lands while the console looks, the History page compares what the console
 * saw before with the current ledger, the Overview's doctor badge leads to the Doctor report, and
 * the GC dialog lists orphans without deleting anything. Also renders the screenshots of these
 * pages: to {@code target/screenshots}, or to {@code docs/screenshots} with
 * {@code -Dscreenshots.dir=docs/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class InsightPagesFxTest {
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
    void historyDoctorAndGcDryRunOnTheDemoCluster(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        ClusterSession brain = harness.awaitCluster("company-brain", 90);
        ClusterWorkspace w = harness.select(brain);

        // ---- History: first only the ledger the console just read (local folder: no storage history)
        FxHarness.runFx(() -> w.show("history"));
        LedgerHistoryView history = (LedgerHistoryView) FxHarness.onFx(() -> w.context().view("history"));
        FxHarness.waitFor("history listed", 30, () -> history.viewModel().listingProperty().get() != null);
        Label banner = robot.lookup("#history-banner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("History unavailable because a local folder keeps no versions");

        // an apply lands: find_person goes back to its previous payload, an approval is consumed, revision + 1
        String approval = "01M0000000000000000000WIN1";
        {
            ObjectStore store = brain.store(); // the test thread, not the FX thread
            Optional<GcCandidate> previous = CatalogGc.plan(store, brain.location(), Progress.NONE).candidates().stream()
                    .filter(c -> c.address().equals("query.knowledge.find_person")).findFirst();
            CraftedCluster.editLedger(store, t -> {
                t.put("state_revision", t.path("state_revision").asLong() + 1);
                ((ObjectNode) t.path("approval_records")).putObject(approval).put("consumed_by_operation", "apply");
                previous.ifPresent(p -> LedgerJson.resource(t, "query.knowledge.find_person").put("digest", p.digest()));
            });
        }
        FxHarness.runFx(brain::refresh);
        FxHarness.waitFor("since-last-look diff", 30, () -> history.viewModel().diffProperty().get() != null
                && !history.viewModel().progress().isRunning());
        assertThat(FxHarness.onFx(() -> history.viewModel().sideAProperty().get().kind())).isEqualTo(HistoryEntry.Kind.OBSERVED);
        assertThat(FxHarness.onFx(() -> history.viewModel().sideBProperty().get().id())).isEqualTo("current");
        TableView<?> structure = robot.lookup("#history-structure").query();
        assertThat(FxHarness.onFx(() -> structure.getItems().stream().map(Object::toString).anyMatch(s -> s.contains(approval)))).isTrue();
        assertThat(((Label) robot.lookup("#history-summary").query()).getText()).contains("Approval records: 1 differ");
        shoot(stage, out.resolve("history-diff.png"));
        FxHarness.runFx(() -> history.showTab("history-tab-raw"));
        shoot(stage, out.resolve("history-raw.png"));
        FxHarness.runFx(() -> history.showTab("history-tab-restore"));
        FxHarness.waitFor("restore guidance", 10, () -> robot.lookup("#history-restore-commands").tryQuery().isPresent());
        shoot(stage, out.resolve("history-restore.png"));

        // ---- Doctor: the Overview badge shows the verdict and opens the report
        FxHarness.runFx(() -> w.show("overview"));
        FxHarness.waitFor("doctor badge verdict", 60, () -> robot.lookup("#overview-doctor-badge").match(InsightPagesFxTest::showing)
                .tryQuery().map(n -> ((Button) n).getText()).filter(t -> !t.endsWith("checking…")).isPresent());
        Button badgeButton = robot.lookup("#overview-doctor-badge").match(InsightPagesFxTest::showing).query();
        String badge = badgeButton.getText();
        assertThat(badge).matches("doctor: (ready|\\d+ quarantined|would refuse \\(\\d+\\))");
        shoot(stage, out.resolve("doctor-badge.png"));
        robot.clickOn(badgeButton);
        FxHarness.waitFor("doctor page", 10, () -> "doctor".equals(harness.window.activeWorkspace().currentViewId()));
        DoctorView doctor = (DoctorView) FxHarness.onFx(() -> w.context().view("doctor"));
        FxHarness.waitFor("doctor report", 30, () -> doctor.viewModel().reportProperty().get() != null);
        assertThat(((TableView<?>) robot.lookup("#doctor-findings").query()).getItems()).isNotEmpty();
        assertThat(((Label) robot.lookup("#doctor-verdict").query()).getText()).startsWith("Server would");
        robot.clickOn("#doctor-rerun");
        FxHarness.waitFor("rerun done", 30, () -> !doctor.viewModel().progress().isRunning()
                && doctor.viewModel().reportProperty().get() != null);
        shoot(stage, out.resolve("doctor-report.png"));

        // ---- Catalog GC: the dry run lists orphans; deleting stays disabled until confirmed
        // (the demo's lock left by a crashed apply would keep it disabled: remove it as force-unlock would)
        dev.omnigraph.console.cluster.LockState lock = dev.omnigraph.console.cluster.ClusterReader.readLock(brain.store());
        if (lock instanceof dev.omnigraph.console.cluster.LockState.Held h) {
            new dev.omnigraph.console.cluster.LockService(brain.store(), false).forceUnlock(h.lock().lockId());
        }
        CatalogGcDialog dialog = FxHarness.onFx(() -> (CatalogGcDialog) openGc(w));
        FxHarness.waitFor("gc dry run", 30, () -> dialog.viewModel().planProperty().get() != null && !dialog.viewModel().progress().isRunning());
        Node totals = robot.lookup("#gc-totals").query();
        assertThat(((Label) totals).getText()).contains("orphaned blob");
        int n = FxHarness.onFx(() -> dialog.viewModel().candidates().size());
        assertThat(n).isPositive();
        Button delete = robot.lookup("#gc-delete").query();
        assertThat(delete.isDisabled()).isTrue();
        FxHarness.runFx(() -> ((TextField) robot.lookup("#gc-confirm-input").query()).setText(String.valueOf(n)));
        assertThat(delete.isDisabled()).as("typing the number of blobs enables delete").isFalse();
        shoot(dialog, out.resolve("gc-dialog.png"));
        FxHarness.runFx(() -> ((TextField) robot.lookup("#gc-confirm-input").query()).setText(""));
        assertThat(delete.isDisabled()).isTrue();
        FxHarness.runFx(dialog::close);
        assertThat(FxHarness.onFx(() -> dialog.viewModel().resultProperty().get())).as("dry run only: nothing deleted").isNull();
        assertThat(FxHarness.onFx(() -> CatalogGc.plan(brain.store(), brain.location(), Progress.NONE).candidates().size())).isEqualTo(n);
    }

    /** Visible and in a scene (each open cluster has its own Overview with a badge). */
    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static Object openGc(ClusterWorkspace w) {
        ClusterActions.all().stream().filter(a -> a.id().equals("catalog-gc")).findFirst().orElseThrow().run().accept(w.context());
        return Window.getWindows().stream().filter(x -> x instanceof CatalogGcDialog).reduce((a, b) -> b).orElseThrow();
    }

    private static void shoot(Stage window, Path file) throws Exception {
        FxHarness.screenshot(window, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isGreaterThan(800);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("%s has content", file).isGreaterThan(20);
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }
}
