package dev.omnigraph.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.migrate.Confirmation;
import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.CopyResult;
import dev.omnigraph.console.migrate.CopySettings;
import dev.omnigraph.console.migrate.CutoverResult;
import dev.omnigraph.console.migrate.DestinationCheck;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.MigrationListener;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.PreflightReport;
import dev.omnigraph.console.migrate.VerifyReport;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A whole migration (folder → S3) with the destination behind the {@link FaultProxy}, one kind of
 * fault at a time. The migration retries and either completes with a byte-identical destination,
 * or stops with the source untouched (its lock released, or named); a re-run after the faults stop
 * resumes and ends byte-identical. Across both runs the server accepted exactly one ledger write.
 */
class MigrationUnderFaultsTest {
    private static FaultProxy proxy;

    @TempDir
    Path temp;

    @BeforeAll
    static void startProxy() throws Exception {
        proxy = FaultProxy.start(S3TestServer.get().port());
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
            ReliabilityFigures.record("migration", proxy);
        }
    }

    /** What one run ended with. */
    private record Run(boolean authoritative, String ending) {}

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aMigrationUnderFaultsCompletesOrStopsCleanlyAndAReRunFinishesIt(Fault kind) throws Exception {
        Path sourceDir = Files.createDirectories(temp.resolve("source"));
        StoreUri.S3 destinationRoot = S3TestServer.newRoot("faults-" + kind.name(), "clusters/moved");
        try (ObjectStore src = new FileObjectStore(new StoreUri.Local(sourceDir))) {
            DemoClusterGenerator.write(src, new DemoOptions("faults", false, false, Duration.ZERO, 0, 0, 0, 0, 0, 9), Progress.NONE);
        }
        Map<String, String> sourceBefore = fingerprintLocal(sourceDir);
        long ledgerWritesBefore = proxy.landedWrites(ledgerPath(destinationRoot));
        long injectedBefore = proxy.injected(kind);
        S3Settings throughProxy = S3TestServer.settings().withEndpoint(proxy.endpoint())
                .withReadTimeout(Duration.ofSeconds(kind == Fault.STALL ? 1 : 2)).withMaxAttempts(3);
        MigrationHome home = new MigrationHome(temp.resolve("home"));

        proxy.schedule(FaultSchedule.of(31L * kind.ordinal() + 5, rate(kind), 2, kind));
        Run first = run(sourceDir, destinationRoot, throughProxy, home, Optional.empty());
        long injected = proxy.injected(kind) - injectedBefore;
        proxy.schedule(FaultSchedule.NONE);

        Map<String, String> sourceAfter = fingerprintLocal(sourceDir);
        assertThat(sourceAfter).as("the source is untouched, its lock released (%s)", first.ending()).isEqualTo(sourceBefore);
        Run second = null;
        if (!first.authoritative()) {
            second = run(sourceDir, destinationRoot, throughProxy, home, Optional.empty());
            assertThat(second.authoritative()).as(second.ending()).isTrue();
            assertThat(fingerprintLocal(sourceDir)).isEqualTo(sourceBefore);
        }
        Map<String, String> expected = new TreeMap<>(sourceBefore);
        expected.remove(ClusterLayout.LOCK);
        Map<String, String> destination = fingerprintDirect(destinationRoot);
        assertThat(destination).as("the destination is byte-identical to the source").isEqualTo(expected);
        assertThat(proxy.landedWrites(ledgerPath(destinationRoot)) - ledgerWritesBefore).as("exactly one ledger write").isEqualTo(1);
        assertThat(injected).as("%s faults were injected", kind).isPositive();
        ReliabilityFigures.line("migration " + kind + ": injected=" + injected + " first-run=" + first.ending()
                + (second == null ? "" : " re-run=" + second.ending()) + " objects-verified=" + destination.size() + " lost=0");
        discard(destinationRoot);
    }

    /** A fault that never clears on one object: the run stops cleanly; once it clears, a re-run resumes and finishes. */
    enum Persistent {
        /** Every write of the ledger is throttled: cutover cannot write it; everything else is copied. */
        LEDGER_THROTTLED,
        /** Every write of one data object meets a conditional conflict: the copy fails for that object. */
        DATA_OBJECT_CONFLICT
    }

    @ParameterizedTest
    @EnumSource(Persistent.class)
    void aFaultThatNeverClearsStopsTheMigrationWithTheSourceUntouchedAndAReRunResumes(Persistent scenario) throws Exception {
        Path sourceDir = Files.createDirectories(temp.resolve("source"));
        StoreUri.S3 destinationRoot = S3TestServer.newRoot("stuck-" + scenario.name(), "clusters/moved");
        try (ObjectStore src = new FileObjectStore(new StoreUri.Local(sourceDir))) {
            DemoClusterGenerator.write(src, new DemoOptions("stuck", false, false, Duration.ZERO, 0, 0, 0, 0, 0, 3), Progress.NONE);
        }
        Map<String, String> sourceBefore = fingerprintLocal(sourceDir);
        String victim = scenario == Persistent.LEDGER_THROTTLED ? destinationRoot.objectKey(ClusterLayout.STATE)
                : destinationRoot.objectKey(sourceBefore.keySet().stream().filter(k -> k.startsWith("graphs/") && k.matches("[A-Za-z0-9/._-]+"))
                        .findFirst().orElseThrow());
        Fault kind = scenario == Persistent.LEDGER_THROTTLED ? Fault.SLOW_DOWN_503 : Fault.CONDITIONAL_CONFLICT_409;
        long ledgerWritesBefore = proxy.landedWrites(ledgerPath(destinationRoot));
        long injectedBefore = proxy.injected(kind);
        S3Settings throughProxy = S3TestServer.settings().withEndpoint(proxy.endpoint()).withReadTimeout(Duration.ofSeconds(2)).withMaxAttempts(3);
        MigrationHome home = new MigrationHome(temp.resolve("home"));

        proxy.schedule(FaultSchedule.always(kind, "PUT", victim));
        Run first = run(sourceDir, destinationRoot, throughProxy, home, Optional.empty());
        long injected = proxy.injected(kind) - injectedBefore;
        proxy.schedule(FaultSchedule.NONE);

        assertThat(first.authoritative()).as(first.ending()).isFalse();
        assertThat(first.ending()).startsWith(scenario == Persistent.LEDGER_THROTTLED ? "stopped" : "copy failed")
                .contains(scenario == Persistent.LEDGER_THROTTLED ? "SlowDown" : "kept refusing");
        assertThat(fingerprintLocal(sourceDir)).as("the source is untouched and its lock released").isEqualTo(sourceBefore);
        assertThat(fingerprintDirect(destinationRoot)).as("nothing at the destination claims to be the cluster").doesNotContainKey(ClusterLayout.STATE);

        Run second = run(sourceDir, destinationRoot, throughProxy, home, Optional.empty());
        assertThat(second.authoritative()).as(second.ending()).isTrue();
        assertThat(second.ending()).as("the re-run resumed: only what was missing was copied").contains("copied " + (scenario == Persistent.LEDGER_THROTTLED ? 0 : 1) + ",");
        Map<String, String> expected = new TreeMap<>(sourceBefore);
        expected.remove(ClusterLayout.LOCK);
        Map<String, String> destination = fingerprintDirect(destinationRoot);
        assertThat(destination).isEqualTo(expected);
        assertThat(fingerprintLocal(sourceDir)).isEqualTo(sourceBefore);
        assertThat(proxy.landedWrites(ledgerPath(destinationRoot)) - ledgerWritesBefore).as("exactly one ledger write").isEqualTo(1);
        assertThat(injected).isPositive();
        ReliabilityFigures.line("migration persistent " + scenario + ": injected=" + injected + " first-run=" + first.ending()
                + " re-run=" + second.ending() + " objects-verified=" + destination.size() + " lost=0");
        discard(destinationRoot);
    }

    private Run run(Path sourceDir, StoreUri.S3 destinationRoot, S3Settings s3, MigrationHome home, Optional<String> takeOver) {
        Endpoint source = Endpoint.local(sourceDir);
        Endpoint destination = new Endpoint(destinationRoot, s3);
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(source.uri()), null, destination,
                CopySettings.withConcurrency(4).withAttempts(5, Duration.ofMillis(20)), false, takeOver);
        try (MigrationSession session = MigrationSession.open(request, home, MigrationListener.NONE)) {
            DestinationCheck.Report checked = session.checkDestination();
            if (!checked.ok()) {
                return new Run(false, "destination refused: " + checked.refusal().map(Object::toString).orElse("?"));
            }
            PreflightReport preflight = session.preflight(true);
            if (preflight.alreadyDone()) {
                return new Run(true, "already done");
            }
            if (!preflight.ok()) {
                return new Run(false, "preflight refused: " + preflight.refusals());
            }
            MigrationPlan plan = session.plan(Progress.NONE);
            if (!plan.ok()) {
                return new Run(false, "plan blocked: " + plan.blocking());
            }
            CopyResult copy = session.copy(new CopyControl());
            if (!copy.ok()) {
                return new Run(false, "copy failed: " + copy.failures());
            }
            VerifyReport verify = session.verify(new CopyControl());
            if (!verify.ok()) {
                return new Run(false, "verify failed: " + verify.problems());
            }
            CutoverResult cutover = session.cutover(Confirmation.givenUpFront());
            assertThat(cutover.lockProblem()).as("the lock is released or named").isEmpty();
            return new Run(cutover.authoritative(), "cutover " + cutover.status() + ": " + cutover.message()
                    + " (copied " + copy.copied() + ", retries " + copy.retries() + ", verified " + verify.checked() + ")");
        } catch (StorageException e) {
            assertThat(e.describe()).isNotBlank();
            return new Run(false, "stopped: " + e.describe());
        }
    }

    /** Stalls cost a read timeout each; truncation only hits the few GETs a migration sends to its destination. */
    private static double rate(Fault kind) {
        return switch (kind) {
            case STALL -> 0.1; // ~7 of the ~70 exchanges a stall can spoil, so a run without one is very unlikely
            case TRUNCATED_BODY -> 0.6;
            default -> 0.2;
        };
    }

    static String ledgerPath(StoreUri.S3 root) {
        return "/" + root.bucket() + "/" + root.objectKey(ClusterLayout.STATE);
    }

    static Map<String, String> fingerprintLocal(Path dir) throws StorageException {
        try (ObjectStore s = new FileObjectStore(new StoreUri.Local(dir))) {
            return Trees.fingerprint(s);
        }
    }

    static Map<String, String> fingerprintDirect(StoreUri.S3 root) throws StorageException {
        try (ObjectStore s = new S3ObjectStore(root, S3TestServer.settings())) {
            return Trees.fingerprint(s);
        }
    }

    static void discard(StoreUri.S3 root) {
        try (ObjectStore store = new S3ObjectStore(root, S3TestServer.settings()); Stream<ObjectInfo> s = store.list("")) {
            List<String> keys = s.map(ObjectInfo::key).toList();
            for (String k : keys) {
                store.deleteUnconditionally(k);
            }
        } catch (StorageException | RuntimeException ignored) {
            // only memory is at stake
        }
    }
}
