package dev.omnigraph.console.ui.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard end to end in the real window: the demo cluster in a folder (file://) migrated to the
 * loopback S3 server, every page through the mouse and keyboard, the typed confirmation included.
 */
@ExtendWith(ApplicationExtension.class)
class MigrationWizardFxTest {
    @TempDir
    static Path temp;
    private static ObjectStore source;
    private static String previousHome;
    private FxHarness harness;

    @BeforeAll
    static void demo() throws Exception {
        source = Sessions.demo(Backend.FILE.newStore(temp, "wizard"), DemoOptions.small().withRecoverySidecar(false));
        previousHome = System.setProperty(MigrationHome.PROPERTY, temp.resolve("home").toString());
    }

    @AfterAll
    static void close() {
        source.close();
        if (previousHome == null) {
            System.clearProperty(MigrationHome.PROPERTY);
        } else {
            System.setProperty(MigrationHome.PROPERTY, previousHome);
        }
    }

    @Start
    void start(Stage stage) {
        harness = new FxHarness(temp.resolve("window"));
        harness.show(stage, S3Settings.fromEnvironment(Map.of()), Theme.LIGHT, PollScheduler.MANUAL, 1100, 760);
    }

    @Test
    void migratesTheDemoClusterFromAFolderToS3ThroughEveryPage(FxRobot robot) throws Exception {
        String name = ClusterLocation.defaultName(source.uri());
        FxHarness.runFx(() -> harness.window.shell().open(new ConnectionSpec(ClusterLocation.ofRoot(source.uri()),
                S3Settings.fromEnvironment(Map.of()))));
        ClusterSession session = harness.awaitCluster(name, 30);
        MigrationWizard wizard = WizardFx.openFromAction(harness, session);
        WizardViewModel vm = wizard.viewModel();
        assertThat(FxHarness.onFx(() -> wizard.stage().getOwner())).isSameAs(harness.window.stage());
        assertThat(FxHarness.onFx(() -> wizard.stage().getModality())).isEqualTo(javafx.stage.Modality.NONE);

        // 1. destination: the loopback S3 server, typed in
        StoreUri.S3 dest = S3TestServer.newRoot("wizard-fx", "clusters/" + name);
        S3Settings s3 = S3TestServer.settings();
        assertThat(WizardFx.node(robot, wizard, "#migrate-next").isDisabled()).isTrue();
        WizardFx.write(robot, wizard, "#migrate-uri", dest.display());
        WizardFx.write(robot, wizard, "#migrate-endpoint", s3.endpoint());
        WizardFx.write(robot, wizard, "#migrate-access-key", s3.keys().accessKeyId());
        WizardFx.write(robot, wizard, "#migrate-secret", s3.keys().secretAccessKey());
        WizardFx.click(robot, wizard, "#migrate-check");
        FxHarness.waitFor("the capability probe", 60, () -> vm.destinationProperty().get() != null);
        assertThat(FxHarness.onFx(() -> vm.destinationProperty().get().ok())).isTrue();
        WizardFx.click(robot, wizard, "#migrate-next");

        // 2. preflight: writers stopped, lock taken as migrate-storage
        FxHarness.waitFor("preflight page", 10, () -> vm.page() == WizardPage.PREFLIGHT);
        assertThat(WizardFx.node(robot, wizard, "#migrate-next").isDisabled()).isTrue();
        WizardFx.click(robot, wizard, "#migrate-writers");
        WizardFx.click(robot, wizard, "#migrate-preflight");
        FxHarness.waitFor("preflight", 60, () -> vm.preflightProperty().get() != null);
        assertThat(FxHarness.onFx(() -> vm.preflightProperty().get().ok())).isTrue();
        assertThat(LockFile.parse(source.read(ClusterLayout.LOCK, 1 << 16).orElseThrow().bytes()).operation()).isEqualTo("migrate-storage");
        WizardFx.click(robot, wizard, "#migrate-next");

        // 3. plan, 4. copy (starts on Next)
        FxHarness.waitFor("the plan", 60, () -> vm.planProperty().get() != null);
        assertThat(FxHarness.onFx(() -> vm.planProperty().get().copy().objects())).isPositive();
        WizardFx.click(robot, wizard, "#migrate-next");
        FxHarness.waitFor("the copy", 120, () -> vm.copyStateProperty().get() == WizardViewModel.RunState.DONE);
        assertThat(FxHarness.onFx(() -> ((Label) WizardFx.node(robot, wizard, "#migrate-objects")).getText()))
                .isEqualTo(FxHarness.onFx(() -> {
                    long n = vm.planProperty().get().work().objects();
                    return dev.omnigraph.console.common.Format.count(n) + " / " + dev.omnigraph.console.common.Format.count(n);
                }));
        WizardFx.click(robot, wizard, "#migrate-next");

        // 5. verify (deep)
        FxHarness.waitFor("verify page", 10, () -> vm.page() == WizardPage.VERIFY);
        WizardFx.click(robot, wizard, "#migrate-deep");
        WizardFx.click(robot, wizard, "#migrate-verify");
        FxHarness.waitFor("verification", 60, () -> vm.verifyProperty().get() != null);
        assertThat(FxHarness.onFx(() -> vm.verifyProperty().get().ok() && vm.verifyProperty().get().deep())).isTrue();
        WizardFx.click(robot, wizard, "#migrate-next");

        // 6. cutover: Next stays disabled until the name is typed exactly
        FxHarness.waitFor("cutover page", 10, () -> vm.page() == WizardPage.CUTOVER);
        Button next = (Button) WizardFx.node(robot, wizard, "#migrate-next");
        assertThat(FxHarness.onFx(next::getText)).isEqualTo("Cut over");
        WizardFx.write(robot, wizard, "#migrate-confirm", name.substring(0, name.length() - 1));
        assertThat(FxHarness.onFx(next::isDisabled)).isTrue();
        robot.type(javafx.scene.input.KeyCode.ENTER); // Enter does nothing while it does not match
        assertThat(vm.page()).isEqualTo(WizardPage.CUTOVER);
        try (S3ObjectStore destination = new S3ObjectStore(dest, s3)) {
            assertThat(destination.read(ClusterLayout.STATE, 1 << 24)).isEmpty();
            robot.write(name.substring(name.length() - 1), 0);
            FxHarness.waitFor("Cut over enabled", 10, () -> !next.isDisabled());
            robot.clickOn(next);

            // 7. finish
            FxHarness.waitFor("finish page", 60, () -> vm.page() == WizardPage.FINISH);
            byte[] sourceLedger = source.read(ClusterLayout.STATE, 1 << 24).orElseThrow().bytes();
            assertThat(destination.read(ClusterLayout.STATE, 1 << 24).orElseThrow().bytes()).isEqualTo(sourceLedger);
            assertThat(source.read(ClusterLayout.LOCK, 1 << 16)).isEqualTo(Optional.empty());
            Map<String, String> sourceTree = Trees.fingerprint(source);
            assertThat(Trees.fingerprint(destination)).isEqualTo(sourceTree);
        }
        assertThat(FxHarness.onFx(() -> vm.finishProperty().get().storageLine())).isEqualTo("storage: " + dest.display());
        assertThat(FxHarness.onFx(() -> ((Label) WizardFx.node(robot, wizard, "#migrate-report")).getText())).contains(".json");
        WizardFx.click(robot, wizard, "#migrate-cancel"); // now "Close"
        FxHarness.waitFor("the wizard closed", 10, () -> !wizard.stage().isShowing());
        // the console window stayed usable all along
        assertThat(FxHarness.onFx(() -> harness.window.stage().isShowing())).isTrue();
    }
}
