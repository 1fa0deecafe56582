package dev.omnigraph.console.ui.fit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.migrate.LocalS3Endpoint;
import dev.omnigraph.console.ui.migrate.LocalS3Window;
import dev.omnigraph.console.ui.migrate.MigrationWizard;
import dev.omnigraph.console.ui.migrate.WizardPage;
import dev.omnigraph.console.ui.migrate.WizardViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterActions;
import dev.omnigraph.console.ui.shell.ClusterViewProvider;
import dev.omnigraph.console.ui.shell.ClusterViews;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The guard against clipped text: visits every page of both demo clusters (and of a cluster with a
 * long name), the Connect form (empty, with saved connections, with an error), Preferences, the
 * local S3 window and the migration wizard in each state it can reach here (destination checked,
 * preflight refused, plan, copy, verify, cutover, finish), then re-lays each state out at 1024×768
 * and 1440×900 in both themes and fails listing every {@code Labeled} whose rendered text is cut
 * and every button narrower than its label ({@link ClippedText}).
 *
 * <p>A cluster page registered in {@link ClusterViews} is visited without touching this test; any
 * other window state is one line in {@link #visits()}.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitFxTest {
    @TempDir
    static Path temp;
    private static String previousHome;
    private FxHarness harness;
    private Stage stage;

    /** A window state: its name and how to reach it from the previous one. */
    record Visit(String name, Consumer<WindowFitFxTest> reach) {}

    private static final List<double[]> SIZES = List.of(new double[] {1024, 768}, new double[] {1440, 900});

    @BeforeAll
    static void home() {
        previousHome = System.setProperty(MigrationHome.PROPERTY, temp.resolve("migrations").toString());
    }

    @AfterAll
    static void restore() {
        if (previousHome == null) {
            System.clearProperty(MigrationHome.PROPERTY);
        } else {
            System.setProperty(MigrationHome.PROPERTY, previousHome);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        harness = new FxHarness(temp.resolve("window"));
        harness.show(stage, S3Settings.fromEnvironment(Map.of()), Theme.LIGHT, PollScheduler.MANUAL, 1024, 768);
        harness.window.start(null);
    }

    /** Everything to visit, in order (each reached from the state before it). */
    private List<Visit> visits() {
        List<Visit> v = new ArrayList<>();
        for (String cluster : List.of("company-brain", "analytics", LONG_NAME)) {
            for (ClusterViewProvider page : ClusterViews.all()) {
                v.add(new Visit(cluster + " › " + page.id(), t -> t.showPage(cluster, page.id())));
            }
        }
        v.add(new Visit("connect", t -> t.connect(null)));
        v.add(new Visit("connect with saved connections", t -> t.savedConnections()));
        v.add(new Visit("connect: mistyped root", t -> t.connect("s3//my bucket::?prefix")));
        v.add(new Visit("connect: not a cluster", t -> t.connect(temp.toString())));
        v.add(new Visit("unreachable endpoint", t -> t.unreachable()));
        v.add(new Visit("preferences", t -> FxHarness.runFx(() -> t.harness.window.showPreferences())));
        v.add(new Visit("local S3 endpoint", t -> t.localS3()));
        v.add(new Visit("wizard: preflight refused", t -> t.wizardRefused()));
        v.add(new Visit("wizard: destination checked", t -> t.wizardTo(WizardPage.DESTINATION)));
        v.add(new Visit("wizard: plan", t -> t.wizardTo(WizardPage.PLAN)));
        v.add(new Visit("wizard: copy", t -> t.wizardTo(WizardPage.COPY)));
        v.add(new Visit("wizard: verify (not run)", t -> t.wizardTo(WizardPage.VERIFY)));
        v.add(new Visit("wizard: cutover", t -> t.wizardTo(WizardPage.CUTOVER)));
        v.add(new Visit("wizard: finish", t -> t.wizardTo(WizardPage.FINISH)));
        return v;
    }

    private static final String LONG_NAME = "quarterly-revenue-analytics-platform-for-the-europe-middle-east-and-africa-region";

    @Test
    void noTextIsCutAtEitherSizeInEitherTheme() throws Exception {
        harness.awaitCluster("company-brain", 90);
        ClusterSession analytics = harness.awaitCluster("analytics", 90);
        Path longRoot = copyOf(analytics.location().root(), temp.resolve(LONG_NAME));
        FxHarness.runFx(() -> harness.window.shell().open(new ConnectionSpec(ClusterLocation.ofRoot(new StoreUri.Local(longRoot)),
                S3Settings.fromEnvironment(Map.of()))));
        harness.awaitCluster(LONG_NAME, 60);

        List<String> problems = new ArrayList<>();
        for (Visit visit : visits()) {
            visit.reach().accept(this);
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                for (double[] size : SIZES) {
                    List<ClippedText.Offender> cut = FxHarness.onFx(() -> {
                        harness.window.theme().themeProperty().set(theme);
                        resizeAll(size[0], size[1]);
                        return ClippedText.scan();
                    });
                    String where = visit.name() + " @ " + (int) size[0] + "×" + (int) size[1] + " " + theme;
                    cut.stream().filter(o -> !fixedElsewhere(visit.name(), o)).forEach(o -> problems.add(where + ": " + o));
                }
            }
        }
        assertThat(problems).as("clipped text and buttons (%d)", problems.size()).isEmpty();
    }

    /**
     * Offenders inside cluster pages that another branch of issue 12 fixes (the page contents are not
     * this branch's): page id and text, nothing broader. Delete an entry once its fix is merged; an
     * empty list is the goal. The shell around the pages (header, navigation, banners) is never listed.
     */
    private static final Map<String, List<String>> FIXED_ELSEWHERE = Map.of();

    private static boolean fixedElsewhere(String visit, ClippedText.Offender o) {
        String page = visit.contains(" › ") ? visit.substring(visit.lastIndexOf(" › ") + 3) : "";
        return FIXED_ELSEWHERE.getOrDefault(page, List.of()).stream().anyMatch(o.text()::startsWith);
    }

    // ---- how states are reached ----------------------------------------------------------------

    private void showPage(String cluster, String page) {
        closeSecondaryWindows();
        ClusterSession s = harness.awaitCluster(cluster, 60);
        ClusterWorkspace w = harness.select(s);
        FxHarness.runFx(() -> w.show(page));
        FxHarness.waitFor(cluster + " idle", 30, () -> !s.loadProgress().runningProperty().get());
    }

    private void connect(String root) {
        closeSecondaryWindows();
        FxHarness.runFx(() -> harness.window.showConnect());
        if (root != null) {
            var model = harness.window.connectView();
            FxHarness.runFx(() -> {
                javafx.scene.control.TextField field = (javafx.scene.control.TextField) model.lookup("#connect-root");
                if (field != null) {
                    field.setText(root);
                }
                javafx.scene.control.Button open = (javafx.scene.control.Button) model.lookup("#connect-open");
                if (open != null) {
                    open.fire();
                }
            });
            FxHarness.waitFor("connect idle", 30, () -> harness.runner.activities().stream()
                    .noneMatch(a -> a.stateProperty().get() == dev.omnigraph.console.ui.task.Activity.State.RUNNING));
        }
    }

    private void savedConnections() {
        FxHarness.runFx(() -> {
            var prefs = harness.window.services().preferences();
            prefs.update(p -> p.withSaved(new SavedConnection("prod (eu-west-1) — the production cluster of the analytics team",
                    SavedConnection.Kind.ROOT, "s3://acme-omnigraph/clusters/prod/with/a/rather/long/prefix/that/goes/on", null,
                    "eu-west-1", null, "prod-admin")));
            for (int i = 0; i < 30; i++) {
                int n = i;
                prefs.update(p -> p.withSaved(new SavedConnection("staging " + n, SavedConnection.Kind.ROOT, "s3://omnigraph/staging-" + n,
                        "https://minio.internal:9000", null, true, null)));
            }
        });
        connect(null);
    }

    private void unreachable() {
        closeSecondaryWindows();
        S3Settings nowhere = S3Settings.fromEnvironment(Map.of()).withEndpoint("http://127.0.0.1:9").withRegion("us-east-1")
                .withKeys(new S3Settings.StaticKeys("AKIAUNREACHABLE", "not-a-secret", null)).withPathStyle(true);
        FxHarness.runFx(() -> harness.window.shell().open(new ConnectionSpec(ClusterLocation.ofRoot(new StoreUri.S3("nowhere", "cluster")),
                nowhere)));
        FxHarness.waitFor("the unreachable tab", 90, () -> harness.window.shell().sessions().stream()
                .anyMatch(s -> s.location().root().display().contains("nowhere") && s.failureProperty().get() != null));
    }

    private void localS3() {
        closeSecondaryWindows();
        Stage s = FxHarness.onFx(() -> LocalS3Window.open(stage, LocalS3Endpoint.shared(), harness.runner));
        FxHarness.runFx(() -> LocalS3Endpoint.shared().start(harness.runner));
        FxHarness.waitFor("the local S3 endpoint", 60, () -> LocalS3Endpoint.shared().runningProperty().get() != null);
        assertThat(s.isShowing()).isTrue();
    }

    @AfterEach
    void stopTheSharedLocalEndpoint() {
        // the endpoint is one per JVM: later tests start it themselves
        FxHarness.runFx(() -> LocalS3Endpoint.shared().stop(harness.runner));
        FxHarness.waitFor("the local S3 endpoint stopped", 60, () -> LocalS3Endpoint.shared().runningProperty().get() == null
                && !LocalS3Endpoint.shared().busyProperty().get());
    }

    private MigrationWizard wizard;

    private void wizardRefused() {
        closeSecondaryWindows();
        MigrationWizard w = openWizard("company-brain");
        WizardViewModel vm = w.viewModel();
        FxHarness.runFx(() -> vm.form().uriProperty().set(temp.resolve("brain-copy").toUri().toString()));
        FxHarness.runFx(vm::checkDestination);
        FxHarness.waitFor("the destination", 60, () -> vm.destinationProperty().get() != null && !vm.busyProperty().get());
        FxHarness.runFx(vm::next);
        FxHarness.runFx(() -> vm.writersStoppedProperty().set(true));
        FxHarness.runFx(vm::runPreflight);
        FxHarness.waitFor("the refusal", 60, () -> vm.preflightProperty().get() != null && !vm.busyProperty().get());
        assertThat(FxHarness.onFx(() -> vm.preflightProperty().get().ok())).isFalse();
    }

    /** Drives the analytics wizard forward until {@code page} is shown (and its work done). */
    private void wizardTo(WizardPage page) {
        if (wizard == null || !FxHarness.onFx(() -> wizard.stage().isShowing())
                || FxHarness.onFx(() -> wizard.viewModel().cluster().name()).equals("company-brain")) {
            closeSecondaryWindows();
            wizard = openWizard("analytics");
            WizardViewModel vm = wizard.viewModel();
            FxHarness.runFx(() -> vm.form().uriProperty().set(temp.resolve("analytics-copy").toUri().toString()));
            FxHarness.runFx(vm::checkDestination);
        }
        WizardViewModel vm = wizard.viewModel();
        while (FxHarness.onFx(vm::page) != page || FxHarness.onFx(() -> vm.busyProperty().get())) {
            FxHarness.waitFor("the wizard ready on " + FxHarness.onFx(vm::page), 120, () -> !vm.busyProperty().get()
                    && (vm.canNextProperty().get() || vm.page() == page || vm.page() == WizardPage.PREFLIGHT && vm.preflightProperty().get() == null
                    || vm.page() == WizardPage.VERIFY && vm.verifyProperty().get() == null
                    || vm.page() == WizardPage.CUTOVER));
            if (FxHarness.onFx(vm::page) == page) {
                break;
            }
            FxHarness.runFx(() -> advance(vm));
        }
    }

    private static void advance(WizardViewModel vm) {
        switch (vm.page()) {
            case PREFLIGHT -> {
                if (vm.preflightProperty().get() == null) {
                    vm.writersStoppedProperty().set(true);
                    vm.runPreflight();
                    return;
                }
            }
            case VERIFY -> {
                if (vm.verifyProperty().get() == null) {
                    vm.runVerify();
                    return;
                }
            }
            case CUTOVER -> vm.typedProperty().set(vm.confirmationWord());
            default -> { }
        }
        if (vm.canNextProperty().get()) {
            vm.next();
        }
    }

    private MigrationWizard openWizard(String cluster) {
        ClusterWorkspace w = harness.select(harness.awaitCluster(cluster, 60));
        FxHarness.runFx(() -> ClusterActions.all().stream().filter(a -> a.id().equals("migrate")).findFirst().orElseThrow().run()
                .accept(w.context()));
        FxHarness.waitFor("the migration wizard", 10, () -> findWizard() != null);
        return FxHarness.onFx(WindowFitFxTest::findWizard);
    }

    private static MigrationWizard findWizard() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot().getUserData() instanceof MigrationWizard m) {
                return m;
            }
        }
        return null;
    }

    private void closeSecondaryWindows() {
        FxHarness.runFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w.isShowing() && w instanceof Stage s) {
                    if (s.getScene().getRoot().getUserData() instanceof MigrationWizard m) {
                        m.viewModel().close();
                    }
                    s.close();
                }
            }
        });
        wizard = null;
    }

    /** The main window at the size; dialogs and the wizard keep theirs unless they would not fit on such a screen. */
    private void resizeAll(double width, double height) {
        stage.setWidth(width);
        stage.setHeight(height);
        for (Window w : Window.getWindows()) {
            if (w != stage && w.isShowing()) {
                w.setWidth(Math.min(w.getWidth(), width));
                w.setHeight(Math.min(w.getHeight(), height));
            }
        }
    }

    private static Path copyOf(StoreUri root, Path target) throws Exception {
        Path from = ((StoreUri.Local) root).root();
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
