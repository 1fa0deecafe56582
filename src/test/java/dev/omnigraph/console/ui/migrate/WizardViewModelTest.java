package dev.omnigraph.console.ui.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.migrate.CheckItem;
import dev.omnigraph.console.migrate.IgnoringPreconditionsServer;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.MigrationReports;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's state machine against the real engine on local folders (and a lax S3 server), without a window. */
class WizardViewModelTest {
    @TempDir
    Path temp;

    private static final DemoOptions SMALL = new DemoOptions("wiz", false, false, Duration.ZERO, 0, 3, 4 * 1024, 0, 0, 5);

    private Path source(DemoOptions options) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("src"));
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(dir))) {
            DemoClusterGenerator.write(store, options, Progress.NONE);
        }
        return dir;
    }

    private WizardViewModel wizard(Path source) {
        return new WizardViewModel(ClusterLocation.ofRoot(new StoreUri.Local(source)), null, new ImmediateTaskRunner(),
                new MigrationHome(temp.resolve("home")), temp, Runnable::run);
    }

    private static Optional<byte[]> read(Path root, String key) throws Exception {
        Path p = root.resolve(key);
        return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
    }

    /** Destination checked, preflight passed: the source lock is held. */
    private WizardViewModel throughPreflight(Path src, Path dst) {
        WizardViewModel vm = wizard(src);
        vm.form().uriProperty().set(dst.toUri().toString());
        vm.checkDestination();
        assertThat(vm.canNextProperty().get()).as(vm.blockedReasonProperty().get()).isTrue();
        vm.next();
        vm.writersStoppedProperty().set(true);
        vm.runPreflight();
        assertThat(vm.preflightProperty().get().ok()).as(vm.problemProperty().get()).isTrue();
        return vm;
    }

    @Test
    void aDestinationWithoutConditionalWritesCannotBePassed() throws Exception {
        Path src = source(SMALL);
        try (IgnoringPreconditionsServer lax = new IgnoringPreconditionsServer()) {
            WizardViewModel vm = wizard(src);
            vm.next();
            assertThat(vm.page()).isEqualTo(WizardPage.DESTINATION); // nothing checked yet
            vm.form().uriProperty().set("s3://lax/cluster");
            vm.form().s3().endpointProperty().set(lax.settings().endpoint());
            vm.form().s3().pathStyleProperty().set(dev.omnigraph.console.storage.S3Input.PathStyle.PATH);
            vm.form().s3().accessKeyProperty().set(lax.settings().keys().accessKeyId());
            vm.form().s3().secretKeyProperty().set(lax.settings().keys().secretAccessKey());
            vm.checkDestination();

            assertThat(vm.destinationProperty().get().ok()).isFalse();
            assertThat(vm.destinationProperty().get().items()).filteredOn(CheckItem::refused).extracting(CheckItem::name)
                    .contains("create-only writes");
            assertThat(vm.canNextProperty().get()).isFalse();
            assertThat(vm.destinationProperty().get().refusal().orElseThrow().message())
                    .contains("create-only writes (If-None-Match: *) are not enforced");
            // the refusal is shown once, by the page's checklist: the footer only points at it
            assertThat(vm.blockedReasonProperty().get()).isEqualTo("The destination was refused: see the checks above.");
            assertThat(vm.problemProperty().get()).isEmpty();
            vm.next();
            assertThat(vm.page()).isEqualTo(WizardPage.DESTINATION);
        }
    }

    @Test
    void thePlanAssumesTheTransfersTheSpinnerAsksFor() throws Exception {
        Path src = source(SMALL);
        java.util.List<dev.omnigraph.console.migrate.MigrationRequest> opened = new java.util.ArrayList<>();
        WizardViewModel vm = new WizardViewModel(ClusterLocation.ofRoot(new StoreUri.Local(src)), null, new ImmediateTaskRunner(),
                new MigrationHome(temp.resolve("home")), temp, Runnable::run, (request, home, pump) -> {
                    opened.add(request);
                    return dev.omnigraph.console.migrate.MigrationSession.open(request, home, pump);
                });
        vm.concurrencyProperty().set(5);
        vm.form().uriProperty().set(temp.resolve("dst").toUri().toString());
        vm.checkDestination();
        assertThat(opened).hasSize(1);
        assertThat(opened.getFirst().plannedConcurrency()).as("the estimate's transfers").isEqualTo(5);
        assertThat(opened.getFirst().settings().concurrency()).as("the copy's ceiling").isEqualTo(WizardViewModel.MAX_CONCURRENCY);
        vm.close();
    }

    @Test
    void editingTheDestinationAfterTheProbeAsksForANewProbe() throws Exception {
        Path src = source(SMALL);
        WizardViewModel vm = wizard(src);
        vm.form().uriProperty().set(temp.resolve("dst").toUri().toString());
        vm.checkDestination();
        assertThat(vm.canNextProperty().get()).isTrue();
        vm.form().uriProperty().set(temp.resolve("elsewhere").toUri().toString());
        assertThat(vm.destinationProperty().get()).isNull();
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.form().uriProperty().set(src.resolve("inside").toUri().toString()); // nested in the source: refused
        vm.checkDestination();
        assertThat(vm.canNextProperty().get()).isFalse();
        assertThat(vm.destinationProperty().get().refusal().orElseThrow().message()).contains("choose a root outside the source");
    }

    @Test
    void aRecoverySidecarRefusesPreflightAndLeavesTheLockFree() throws Exception {
        Path src = source(SMALL.withRecoverySidecar(true));
        WizardViewModel vm = wizard(src);
        vm.form().uriProperty().set(temp.resolve("dst").toUri().toString());
        vm.checkDestination();
        vm.next();
        assertThat(vm.page()).isEqualTo(WizardPage.PREFLIGHT);
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.writersStoppedProperty().set(true);
        vm.runPreflight();

        CheckItem sidecars = vm.preflightProperty().get().items().stream().filter(i -> i.name().equals("recovery sidecars")).findFirst()
                .orElseThrow();
        assertThat(sidecars.verdict()).isEqualTo(CheckItem.Verdict.REFUSE);
        assertThat(vm.canNextProperty().get()).isFalse();
        assertThat(vm.blockedReasonProperty().get()).startsWith("Preflight refused");
        assertThat(vm.problemProperty().get()).as("the refusal is on the page, not repeated in the footer").isEmpty();
        vm.next();
        assertThat(vm.page()).isEqualTo(WizardPage.PREFLIGHT);
        assertThat(read(src, ClusterLayout.LOCK)).isEmpty();
        assertThat(vm.holdsSourceLock()).isFalse();
    }

    @Test
    void unconfirmedWritersRefuseUntilTickedAndPreflightRunsAgain() throws Exception {
        Path src = source(SMALL);
        WizardViewModel vm = wizard(src);
        vm.form().uriProperty().set(temp.resolve("dst").toUri().toString());
        vm.checkDestination();
        vm.next();
        vm.runPreflight();
        assertThat(vm.canNextProperty().get()).isFalse();
        assertThat(vm.preflightProperty().get().refusals().getFirst().message()).contains("graph writer");
        vm.writersStoppedProperty().set(true);
        vm.runPreflight(); // the refused session ended: a new one is opened, the destination checked again
        assertThat(vm.canNextProperty().get()).isTrue();
        assertThat(LockFile.parse(read(src, ClusterLayout.LOCK).orElseThrow()).operation()).isEqualTo("migrate-storage");
        vm.close();
        assertThat(read(src, ClusterLayout.LOCK)).isEmpty();
    }

    @Test
    void closingTheWizardReleasesTheSourceLock() throws Exception {
        Path src = source(SMALL);
        WizardViewModel vm = throughPreflight(src, temp.resolve("dst"));
        assertThat(read(src, ClusterLayout.LOCK)).isPresent();
        assertThat(vm.holdsSourceLock()).isTrue();
        assertThat(vm.requestClose(new dev.omnigraph.console.ui.common.ScriptedDialogs())).as("nothing running: no question").isTrue();
        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(read(src, ClusterLayout.LOCK)).isEmpty();
        assertThat(vm.canNextProperty().get()).isFalse();
    }

    @Test
    void goingBackFromThePlanReleasesTheLockAndPreflightTakesItAgain() throws Exception {
        Path src = source(SMALL);
        WizardViewModel vm = throughPreflight(src, temp.resolve("dst"));
        vm.next();
        assertThat(vm.page()).isEqualTo(WizardPage.PLAN);
        assertThat(vm.planProperty().get().copy().objects()).isPositive();
        assertThat(vm.canBackProperty().get()).isTrue();
        vm.back();
        assertThat(vm.page()).isEqualTo(WizardPage.PREFLIGHT);
        assertThat(read(src, ClusterLayout.LOCK)).isEmpty();
        assertThat(vm.canNextProperty().get()).isFalse(); // preflight must run again
        vm.runPreflight();
        assertThat(read(src, ClusterLayout.LOCK)).isPresent();
        vm.next();
        assertThat(vm.planProperty().get()).isNotNull();
        vm.close();
        assertThat(read(src, ClusterLayout.LOCK)).isEmpty();
    }

    @Test
    void aMismatchFoundByVerifyBlocksCutoverAndIsListed() throws Exception {
        Path src = source(SMALL);
        Path dst = temp.resolve("dst");
        WizardViewModel vm = throughPreflight(src, dst);
        vm.next(); // plan
        vm.next(); // copy
        assertThat(vm.copyStateProperty().get()).isEqualTo(WizardViewModel.RunState.DONE);
        String key = vm.planProperty().get().sourceObjects().objects() > 0 ? firstGraphFile(dst) : null;
        Files.writeString(dst.resolve(key), "changed behind the migration's back", java.nio.file.StandardOpenOption.APPEND);
        vm.next();
        vm.runVerify();
        assertThat(vm.verifyProperty().get().ok()).isFalse();
        assertThat(vm.verifyProperty().get().problems()).anyMatch(p -> p.contains(key));
        assertThat(vm.canNextProperty().get()).isFalse();
        assertThat(vm.blockedReasonProperty().get()).contains("mismatch");
        vm.next();
        assertThat(vm.page()).isEqualTo(WizardPage.VERIFY);
        assertThat(read(dst, ClusterLayout.STATE)).isEmpty();
        assertThat(read(src, ClusterLayout.LOCK)).isEmpty(); // the engine gave the lock back
    }

    private static String firstGraphFile(Path root) throws Exception {
        try (var files = Files.walk(root.resolve("graphs"))) {
            return root.relativize(files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow()).toString().replace('\\', '/');
        }
    }

    @Test
    void cutoverNeedsTheExactNameThenTheDestinationIsAuthoritative() throws Exception {
        Path src = source(SMALL);
        Path dst = temp.resolve("dst");
        WizardViewModel vm = throughPreflight(src, dst);
        vm.next(); // plan
        vm.next(); // copy (runs to the end on the immediate runner)
        assertThat(vm.copyStateProperty().get()).isEqualTo(WizardViewModel.RunState.DONE);
        assertThat(vm.progressProperty().get().objectsDone()).isEqualTo(vm.planProperty().get().work().objects());
        assertThat(vm.canBackProperty().get()).isFalse();
        vm.next();
        assertThat(vm.page()).isEqualTo(WizardPage.VERIFY);
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.deepVerifyProperty().set(true);
        vm.runVerify();
        assertThat(vm.verifyProperty().get().deep()).isTrue();
        assertThat(vm.verifyProperty().get().ok()).isTrue();
        vm.next();
        assertThat(vm.page()).isEqualTo(WizardPage.CUTOVER);

        String name = vm.confirmationWord();
        assertThat(name).isEqualTo("src");
        for (String wrong : new String[] {"", "sr", name.toUpperCase(), " " + name, name + " "}) {
            vm.typedProperty().set(wrong);
            assertThat(vm.canNextProperty().get()).as("'%s'", wrong).isFalse();
            vm.next();
            assertThat(vm.page()).isEqualTo(WizardPage.CUTOVER);
        }
        assertThat(read(dst, ClusterLayout.STATE)).isEmpty();
        vm.typedProperty().set(name);
        assertThat(vm.canNextProperty().get()).isTrue();
        assertThat(vm.nextLabelProperty().get()).isEqualTo("Cut over");
        vm.next();

        assertThat(vm.page()).isEqualTo(WizardPage.FINISH);
        assertThat(vm.cutoverProperty().get().authoritative()).isTrue();
        assertThat(read(dst, ClusterLayout.STATE).orElseThrow()).isEqualTo(read(src, ClusterLayout.STATE).orElseThrow());
        assertThat(read(src, ClusterLayout.LOCK)).isEmpty();
        assertThat(vm.finishProperty().get().storageLine()).isEqualTo("storage: " + dst.toAbsolutePath());
        assertThat(MigrationReports.load(vm.finishProperty().get().report()).outcome()).isEqualTo("succeeded");
        assertThat(vm.notices()).anyMatch(n -> n.startsWith("Cutover: "));
        vm.next();
        assertThat(vm.closedProperty().get()).isTrue();
    }

    /**
     * Runs each job on its own thread and reports there (the window's runner reports on the FX thread).
     * Copy jobs wait at a gate until the test opens it, so the test acts while the copy is surely running.
     */
    private static final class ThreadRunner implements dev.omnigraph.console.ui.task.TaskRunner {
        final java.util.concurrent.CountDownLatch copyGate = new java.util.concurrent.CountDownLatch(1);

        @Override
        public <T> dev.omnigraph.console.ui.task.TaskHandle run(String title, dev.omnigraph.console.ui.task.Job<T> job,
                java.util.function.Consumer<? super T> onSuccess, java.util.function.Consumer<Throwable> onFailure, ProgressSink progress) {
            Thread t = Thread.ofPlatform().daemon().start(() -> {
                T result;
                try {
                    if (title.startsWith("Copy ")) {
                        copyGate.await();
                    }
                    result = job.call(new dev.omnigraph.console.ui.task.JobContext() {
                        @Override
                        public void progress(long done, long total, String message) {}

                        @Override
                        public boolean cancelled() {
                            return false;
                        }
                    });
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
            return new dev.omnigraph.console.ui.task.TaskHandle() {
                @Override
                public void cancel() {}

                @Override
                public boolean isDone() {
                    return !t.isAlive();
                }
            };
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    @Test
    void cancellingOrClosingDuringTheCopyReleasesTheLockAndKeepsACancelledReport() throws Exception {
        Path src = source(new DemoOptions("wiz", false, false, Duration.ZERO, 0, 300, 4 * 1024, 0, 0, 5));
        for (boolean close : new boolean[] {false, true}) {
            ThreadRunner runner = new ThreadRunner();
            WizardViewModel vm = new WizardViewModel(ClusterLocation.ofRoot(new StoreUri.Local(src)), null, runner,
                    new MigrationHome(temp.resolve("home-" + close)), temp, Runnable::run);
            vm.form().uriProperty().set(temp.resolve("dst-" + close).toUri().toString());
            vm.checkDestination();
            await("the probe", () -> vm.destinationProperty().get() != null && !vm.busyProperty().get());
            vm.next();
            vm.writersStoppedProperty().set(true);
            vm.runPreflight();
            await("preflight", () -> vm.preflightProperty().get() != null && !vm.busyProperty().get());
            vm.next();
            await("the plan", () -> vm.planProperty().get() != null && !vm.busyProperty().get());
            vm.concurrencyProperty().set(1);
            vm.next(); // the copy job starts on its own thread (and waits at the gate)
            assertThat(vm.closingInterruptsWork()).isTrue();
            assertThat(read(src, ClusterLayout.LOCK)).isPresent();
            if (close) {
                dev.omnigraph.console.ui.common.ScriptedDialogs dialogs = new dev.omnigraph.console.ui.common.ScriptedDialogs()
                        .answer(false).answer(true);
                assertThat(vm.requestClose(dialogs)).as("kept copying").isFalse();
                assertThat(vm.closedProperty().get()).isFalse();
                assertThat(dialogs.asked().getFirst().header()).contains("Cancel the migration of src");
                assertThat(dialogs.asked().getFirst().detail()).contains("releases the source lock");
                assertThat(vm.requestClose(dialogs)).isTrue();
                runner.copyGate.countDown();
                await("the session closed", () -> !Files.exists(src.resolve(ClusterLayout.LOCK)));
            } else {
                vm.cancelCopy();
                assertThat(vm.copyStateProperty().get()).isEqualTo(WizardViewModel.RunState.CANCELLING);
                runner.copyGate.countDown();
                await("the copy cancelled", () -> vm.copyStateProperty().get() == WizardViewModel.RunState.CANCELLED);
                assertThat(vm.canNextProperty().get()).isFalse();
                assertThat(vm.problemProperty().get()).contains("cancelled");
            }
            assertThat(read(src, ClusterLayout.LOCK)).as("close=%s", close).isEmpty();
            Path home = temp.resolve("home-" + close);
            await("the report", () -> {
                try {
                    return !MigrationReports.list(new MigrationHome(home)).isEmpty();
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertThat(MigrationReports.load(MigrationReports.list(new MigrationHome(home)).getLast()).outcome()).isEqualTo("cancelled");
        }
    }

    @Test
    void theFormInheritsTheSourceSettingsAndRefusesHalfAKeyPair() {
        DestinationForm form = new DestinationForm();
        form.uriProperty().set("s3://bucket/prefix");
        form.s3().accessKeyProperty().set("AKIA");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> form.endpoint(null, temp)).hasMessageContaining("both");
        form.s3().secretKeyProperty().set("s");
        form.s3().endpointProperty().set("http://127.0.0.1:9000");
        var e = form.endpoint(dev.omnigraph.console.storage.S3Settings.fromEnvironment(Map.of("AWS_REGION", "eu-west-3")), temp);
        assertThat(e.s3().region()).isEqualTo("eu-west-3");
        assertThat(e.s3().endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(e.s3().keys().accessKeyId()).isEqualTo("AKIA");
        form.uriProperty().set("");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> form.endpoint(null, temp)).hasMessageContaining("Enter");
    }
}
