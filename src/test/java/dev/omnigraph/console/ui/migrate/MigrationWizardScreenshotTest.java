package dev.omnigraph.console.ui.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 * Renders the wizard's pages to {@code wizard-*.png} (docs/screenshots with -Dscreenshots.dir) during a real migration of a
 * demo cluster (opened through its config folder, so Finish proposes the cluster.yaml edit) from a
 * folder to the loopback S3 server: the destination's probe checklist, the copy paused part-way,
 * the typed cutover confirmation and the finish page. Each PNG must exist and be non-trivial.
 */
@ExtendWith(ApplicationExtension.class)
class MigrationWizardScreenshotTest {
    /** target/screenshots by default; {@code -Dscreenshots.dir=docs/screenshots} regenerates the documentation's copies. */
    private static final Path OUT = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    @TempDir
    static Path temp;
    private static ObjectStore source;
    private static String previousHome;
    private FxHarness harness;

    @BeforeAll
    static void demo() throws Exception {
        // 400 small objects at one transfer in flight: long enough to pause part-way
        DemoOptions options = new DemoOptions("company-brain", false, false, Duration.ZERO, 0, 400, 8 * 1024, 0, 0, 42);
        source = Sessions.demo(Backend.FILE.newStore(temp, "company-brain"), options);
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

    private static void shot(MigrationWizard wizard, String name) throws Exception {
        Path file = OUT.resolve(name + ".png");
        FxHarness.screenshot(wizard.stage(), file);
        assertThat(Files.size(file)).isGreaterThan(20_000);
    }

    @Test
    void rendersTheWizardPages(FxRobot robot) throws Exception {
        Path config = Files.createDirectories(temp.resolve("config"));
        Files.writeString(config.resolve("cluster.yaml"), "version: 1\n# where the cluster lives\nstorage: " + ((StoreUri.Local) source.uri())
                .root() + "\nmetadata:\n  name: company-brain\n");
        ClusterLocation location = new ClusterLocation(source.uri(), Optional.of(config), "company-brain");
        FxHarness.runFx(() -> harness.window.shell().open(new ConnectionSpec(location, S3Settings.fromEnvironment(Map.of()))));
        ClusterSession session = harness.awaitCluster("company-brain", 30);
        MigrationWizard wizard = WizardFx.openFromAction(harness, session);
        WizardViewModel vm = wizard.viewModel();

        StoreUri.S3 dest = S3TestServer.newRoot("omnigraph-prod", "clusters/company-brain");
        S3Settings s3 = S3TestServer.settings();
        WizardFx.paste(robot, wizard, "#migrate-uri", dest.display());
        WizardFx.paste(robot, wizard, "#migrate-endpoint", s3.endpoint());
        WizardFx.paste(robot, wizard, "#migrate-access-key", s3.keys().accessKeyId());
        WizardFx.paste(robot, wizard, "#migrate-secret", s3.keys().secretAccessKey());
        WizardFx.click(robot, wizard, "#migrate-check");
        FxHarness.waitFor("the capability probe", 60, () -> vm.destinationProperty().get() != null);
        shot(wizard, "wizard-destination");

        FxHarness.runFx(() -> {
            vm.next();
            vm.writersStoppedProperty().set(true);
            vm.runPreflight();
        });
        FxHarness.waitFor("preflight", 60, () -> vm.preflightProperty().get() != null && !vm.busyProperty().get());
        FxHarness.runFx(vm::next);
        FxHarness.waitFor("the plan", 60, () -> vm.planProperty().get() != null && !vm.busyProperty().get());
        FxHarness.runFx(() -> {
            vm.concurrencyProperty().set(1);
            vm.next();
        });
        FxHarness.waitFor("the copy part-way", 60, () -> vm.progressProperty().get() != null && vm.progressProperty().get().objectsDone() >= 60);
        FxHarness.runFx(() -> vm.concurrencyProperty().set(8));
        FxHarness.runFx(vm::pauseCopy);
        FxHarness.waitFor("the copy paused", 30, () -> vm.progressProperty().get().state() == ProgressSnapshot.State.PAUSED);
        shot(wizard, "wizard-copy");
        FxHarness.runFx(vm::resumeCopy);
        FxHarness.waitFor("the copy", 120, () -> vm.copyStateProperty().get() == WizardViewModel.RunState.DONE);

        FxHarness.runFx(() -> {
            vm.next();
            vm.runVerify();
        });
        FxHarness.waitFor("verification", 60, () -> vm.verifyProperty().get() != null && !vm.busyProperty().get());
        FxHarness.runFx(vm::next);
        WizardFx.paste(robot, wizard, "#migrate-confirm", "company-brain");
        shot(wizard, "wizard-cutover");
        FxHarness.runFx(vm::next);
        FxHarness.waitFor("finish page", 60, () -> vm.page() == WizardPage.FINISH);
        assertThat(FxHarness.onFx(() -> vm.finishProperty().get().configEdit()).isPresent()).isTrue();
        shot(wizard, "wizard-finish");
        FxHarness.runFx(() -> harness.window.theme().themeProperty().set(Theme.DARK)); // the theme manager styles the wizard too
        shot(wizard, "wizard-finish-dark");
        FxHarness.runFx(() -> harness.window.theme().themeProperty().set(Theme.LIGHT));
        // the diff was shown; the admin applies it: exactly the storage: line changes, the comment stays
        WizardFx.click(robot, wizard, "#migrate-apply-config");
        FxHarness.waitFor("cluster.yaml edited", 30, () -> vm.configEditedProperty().get());
        assertThat(Files.readString(config.resolve("cluster.yaml"))).isEqualTo("version: 1\n# where the cluster lives\nstorage: "
                + dest.display() + "\nmetadata:\n  name: company-brain\n");
        FxHarness.runFx(vm::next); // Done
        FxHarness.waitFor("the wizard closed", 10, () -> !wizard.stage().isShowing());

        Stage local = FxHarness.onFx(() -> LocalS3Window.open(harness.window.stage(), LocalS3Endpoint.shared(), harness.runner));
        WizardFx.clickIn(robot, local, "#local-s3-start");
        FxHarness.waitFor("the local S3 endpoint", 30, () -> LocalS3Endpoint.shared().runningProperty().get() != null);
        Path file = OUT.resolve("local-s3.png");
        FxHarness.screenshot(local, file);
        assertThat(Files.size(file)).isGreaterThan(10_000);
        WizardFx.clickIn(robot, local, "#local-s3-stop");
        FxHarness.waitFor("the local S3 endpoint stopped", 30, () -> LocalS3Endpoint.shared().runningProperty().get() == null);
        FxHarness.runFx(local::close);
    }
}
