package dev.omnigraph.console.ui.backups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.BackupCreator;
import dev.omnigraph.console.backup.BackupListener;
import dev.omnigraph.console.backup.BackupOptions;
import dev.omnigraph.console.backup.BackupResult;
import dev.omnigraph.console.backup.BackupTestRoots;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Backups page and the restore wizard in the window (Monocle): list, verify, then a restore through the typed confirmation. */
@ExtendWith(ApplicationExtension.class)
class BackupsPageFxTest {
    @TempDir
    static Path home;

    private FxHarness harness;

    @Start
    void start(Stage stage) {
        harness = new FxHarness(home);
        harness.show(stage, S3Settings.fromEnvironment(Map.of()), Theme.LIGHT, PollScheduler.MANUAL, 1280, 800);
        harness.window.start(null);
    }

    @Test
    void listVerifyAndRestoreThroughTheWindow(FxRobot robot) throws Exception {
        Path backups = home.resolve("backups");
        Map<String, String> tree;
        String pointId;
        try (ObjectStore root = new FileObjectStore(new StoreUri.Local(home.resolve("small")));
             ObjectStore location = new FileObjectStore(new StoreUri.Local(backups))) {
            BackupTestRoots.demo(root, 4);
            tree = Trees.fingerprint(root);
            BackupResult r = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE).create(BackupOptions.of(true));
            pointId = r.pointId().orElseThrow();
        }
        ClusterSession brain = harness.awaitCluster("company-brain", 90);
        ClusterWorkspace w = harness.select(brain);
        BackupsView view = FxHarness.onFx(() -> {
            BackupsView v = new BackupsView(w.context());
            Stage page = new Stage();
            page.setScene(new Scene((javafx.scene.Parent) v.node(), 1100, 700));
            page.show();
            return v;
        });
        robot.clickOn("#backups-location").write(backups.toString());
        robot.clickOn("#backups-list");
        FxHarness.waitFor("points listed", 30, () -> view.viewModel().points().size() == 1);
        javafx.scene.control.TableView<?> table = robot.lookup("#backups-points").queryTableView();
        FxHarness.runFx(() -> table.getSelectionModel().select(0));
        robot.clickOn("#backups-verify");
        FxHarness.waitFor("verified", 60, () -> view.viewModel().verdictProperty().get() != null);
        Label verdict = robot.lookup("#backups-verdict").query();
        assertThat(verdict.getText()).startsWith("Verified");

        Path target = home.resolve("restored");
        RestoreWizard wizard = FxHarness.onFx(() -> {
            RestoreWizard wz = new RestoreWizard(null, new RestoreWizardViewModel(brain, view.viewModel().listedLocation().orElseThrow(),
                    view.viewModel().points().getFirst().point().orElseThrow()));
            wz.show();
            return wz;
        });
        robot.clickOn("#restore-target").write(target.toString());
        robot.clickOn("#restore-plan");
        FxHarness.waitFor("planned", 30, () -> wizard.viewModel().planProperty().get() != null);
        assertThat(robot.lookup("#restore-run").queryButton().isDisabled()).as("not before the point id is typed").isTrue();
        robot.clickOn("#restore-confirm-input").write(pointId);
        FxHarness.waitFor("enabled", 10, () -> !robot.lookup("#restore-run").queryButton().isDisabled());
        robot.clickOn("#restore-run");
        FxHarness.waitFor("restored", 60, () -> wizard.viewModel().resultProperty().get() != null);
        assertThat(wizard.viewModel().resultProperty().get().ok()).isTrue();
        try (ObjectStore restored = new FileObjectStore(new StoreUri.Local(target))) {
            assertThat(Trees.fingerprint(restored)).isEqualTo(tree);
        }
    }
}
