package dev.omnigraph.console.migrate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy phase on its own: order, retries, unknown outcomes, refusals to overwrite, fatal failures, pause. */
class CopyPhaseTest {
    private static final CopySettings FAST = CopySettings.withConcurrency(8).withAttempts(4, Duration.ofMillis(5));

    @TempDir
    Path temp;

    @TempDir
    static Path shared;

    /** One demo cluster in a folder, read by every test (none writes to it). */
    private static Endpoint sharedSource;

    @org.junit.jupiter.api.BeforeAll
    static void source() throws Exception {
        sharedSource = MigrationRoots.endpoint(Backend.FILE, shared, "shared-src");
        MigrationRoots.writeDemo(sharedSource, MigrationRoots.manySmall(40));
    }

    private final List<Endpoint> used = new ArrayList<>();
    private final AtomicInteger journals = new AtomicInteger();

    @AfterEach
    void free() {
        used.forEach(MigrationRoots::discard);
    }

    private Endpoint root(Backend backend, String hint) {
        Endpoint e = MigrationRoots.endpoint(backend, temp, hint);
        used.add(e);
        return e;
    }

    private CopyJournal journal() throws Exception {
        return CopyJournal.open(temp.resolve("journals").resolve(journals.incrementAndGet() + ".journal"));
    }

    private CopyResult copy(ObjectStore src, Endpoint srcEp, ObjectStore dst, Endpoint dstEp, CopySettings settings, CopyControl control)
            throws Exception {
        try (CopyJournal j = journal()) {
            MigrationPlan plan = new Planner(src, srcEp, dst, dstEp, j, settings.concurrency(), false).plan(Progress.NONE);
            try (PlanSpool ignored = plan.spool()) {
                return new CopyPhase(src, srcEp, dst, dstEp, j, settings, control, MigrationListener.NONE).run(plan);
            }
        }
    }

    @Test
    void dataLandsBeforeManifestsAndTheGraphCatalogCommitsLast() throws Exception {
        Endpoint srcEp = sharedSource;
        Endpoint dstEp = root(Backend.FILE, "order-dst");
        try (ObjectStore src = srcEp.open(); FaultyStore dst = new FaultyStore(dstEp.open(), (k, a) -> FaultyStore.Fault.NONE)) {
            CopyResult r = copy(src, srcEp, dst, dstEp, FAST, new CopyControl());
            assertThat(r.ok()).isTrue();
            List<Integer> tiers = dst.order.stream().map(CopyOrder::tierOf).toList();
            assertThat(tiers).isSorted().contains(0, 1, 3);
            assertThat(dst.order).filteredOn(k -> k.contains("/__manifest/_versions/")).isNotEmpty();
        }
    }

    @Test
    void transientFailuresAreRetriedAndCounted() throws Exception {
        Endpoint srcEp = sharedSource;
        Endpoint dstEp = root(Backend.S3, "retry-dst");
        // every third key: throttled on attempt 1, a 500 on attempt 2, then it works
        FaultyStore.Faults faults = (key, attempt) -> Math.floorMod(key.hashCode(), 3) != 0 ? FaultyStore.Fault.NONE
                : attempt == 1 ? FaultyStore.Fault.BEFORE_THROTTLED : attempt == 2 ? FaultyStore.Fault.BEFORE_SERVER_ERROR : FaultyStore.Fault.NONE;
        try (ObjectStore src = srcEp.open(); FaultyStore dst = new FaultyStore(dstEp.open(), faults)) {
            CopyResult r = copy(src, srcEp, dst, dstEp, FAST, new CopyControl());
            assertThat(r.ok()).as(r.failures().toString()).isTrue();
            long faulty = dst.attempts.keySet().stream().filter(k -> Math.floorMod(k.hashCode(), 3) == 0).count();
            assertThat(faulty).isPositive();
            assertThat(r.retries()).isEqualTo(2 * faulty);
            assertThat(dst.landed.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        }
        assertThat(MigrationRoots.withoutLedger(MigrationRoots.fingerprint(dstEp)))
                .isEqualTo(MigrationRoots.withoutLedger(MigrationRoots.fingerprint(srcEp)));
    }

    @Test
    void anUnknownOutcomeIsResolvedByRereadingNotByWritingTwice() throws Exception {
        Endpoint srcEp = sharedSource;
        Endpoint dstEp = root(Backend.S3, "unknown-dst");
        FaultyStore.Faults faults = (key, attempt) -> attempt == 1 && key.endsWith("3.lance") ? FaultyStore.Fault.AFTER_UNKNOWN
                : FaultyStore.Fault.NONE;
        try (ObjectStore src = srcEp.open(); FaultyStore dst = new FaultyStore(dstEp.open(), faults)) {
            CopyResult r = copy(src, srcEp, dst, dstEp, FAST, new CopyControl());
            assertThat(r.ok()).as(r.failures().toString()).isTrue();
            long unknown = dst.attempts.keySet().stream().filter(k -> k.endsWith("3.lance")).count();
            assertThat(unknown).isPositive();
            assertThat(r.alreadyThere()).isEqualTo(unknown); // resolved: our bytes were there
            assertThat(dst.landed.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        }
    }

    @Test
    void aDifferentObjectThatAppearsAtTheDestinationIsNeverOverwritten() throws Exception {
        Endpoint srcEp = sharedSource;
        Endpoint dstEp = root(Backend.FILE, "appear-dst");
        String victim = "graphs/bulk.omni/_schema.pg";
        byte[] theirs = "someone else's bytes\n".getBytes(UTF_8);
        try (ObjectStore src = srcEp.open(); ObjectStore real = dstEp.open(); CopyJournal j = journal()) {
            MigrationPlan plan = new Planner(src, srcEp, real, dstEp, j, 4, false).plan(Progress.NONE);
            real.put(victim, theirs, WriteCondition.IF_ABSENT); // appears after the plan
            try (PlanSpool ignored = plan.spool()) {
                CopyResult r = new CopyPhase(src, srcEp, real, dstEp, j, FAST, new CopyControl(), MigrationListener.NONE).run(plan);
                assertThat(r.ok()).isFalse();
                assertThat(r.failed()).isEqualTo(1);
                assertThat(r.failures()).singleElement().asString().contains(victim).contains("nothing was overwritten");
            }
            assertThat(real.read(victim, 1024).orElseThrow().bytes()).isEqualTo(theirs);
        }
    }

    @Test
    void anObjectLeftDifferentByAnEarlierAttemptIsReplacedWithIfMatchAndExtrasAreLeftAlone() throws Exception {
        Endpoint srcEp = root(Backend.S3, "replace-src");
        Endpoint dstEp = root(Backend.S3, "replace-dst");
        MigrationRoots.writeDemo(srcEp, MigrationRoots.manySmall(10));
        String stale = "graphs/bulk.omni/_schema.pg";
        String extra = "graphs/bulk.omni/left-over.tmp";
        // server-side copies, through an endpoint that honours copy preconditions as AWS S3 does
        try (ObjectStore src = srcEp.open(); FaultyStore dst = new FaultyStore(dstEp.open(), (k, a) -> FaultyStore.Fault.NONE)
                .enforcingCopyPreconditions(); CopyJournal j = journal()) {
            assertThat(CopyPreconditionProbe.check(dst)).isEmpty();
            dst.put(stale, "an older attempt's bytes".getBytes(UTF_8), WriteCondition.IF_ABSENT);
            dst.put(extra, "extra".getBytes(UTF_8), WriteCondition.IF_ABSENT);
            MigrationPlan plan = new Planner(src, srcEp, dst, dstEp, j, 4, true).plan(Progress.NONE);
            assertThat(plan.serverSide()).isTrue();
            assertThat(plan.overwrites()).extracting(MigrationPlan.Listed::key).containsExactly(stale);
            assertThat(plan.extraObjects()).extracting(MigrationPlan.Listed::key).containsExactly(extra);
            try (PlanSpool ignored = plan.spool()) {
                CopyResult r = new CopyPhase(src, srcEp, dst, dstEp, j, FAST, new CopyControl(), MigrationListener.NONE).run(plan);
                assertThat(r.ok()).as(r.failures().toString()).isTrue();
                assertThat(r.serverSide()).isEqualTo(r.copied());
                assertThat(dst.landed(stale)).isEqualTo(2); // the test's own write, then the If-Match replacement
            }
            assertThat(dst.read(stale, 4096).orElseThrow().bytes()).isEqualTo(src.read(stale, 4096).orElseThrow().bytes());
            assertThat(dst.read(extra, 4096).orElseThrow().bytes()).isEqualTo("extra".getBytes(UTF_8));
        }
    }

    @Test
    void aFailureEveryObjectWouldShareStopsTheCopyAtOnce() throws Exception {
        Endpoint srcEp = sharedSource;
        Endpoint dstEp = root(Backend.FILE, "denied-dst");
        try (ObjectStore src = srcEp.open(); FaultyStore dst = new FaultyStore(dstEp.open(), (k, a) -> FaultyStore.Fault.BEFORE_ACCESS_DENIED)) {
            CopyResult r = copy(src, srcEp, dst, dstEp, FAST, new CopyControl());
            assertThat(r.status()).isEqualTo(CopyResult.Status.FAILED);
            assertThat(r.failures().getFirst()).contains("AccessDenied").contains("IAM");
            assertThat(dst.attempts.size()).isLessThan(60); // stopped, not one denial for each of the ~190 objects
        }
    }

    @Test
    void pauseHoldsNewTransfersUntilResumeAndCancelEndsTheCopy() throws Exception {
        Endpoint srcEp = sharedSource;
        Endpoint dstEp = root(Backend.FILE, "pause-dst");
        CopyControl control = new CopyControl();
        control.pause();
        try (ObjectStore src = srcEp.open(); FaultyStore dst = new FaultyStore(dstEp.open(), (k, a) -> FaultyStore.Fault.NONE)) {
            CompletableFuture<CopyResult> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return copy(src, srcEp, dst, dstEp, FAST, control);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the copy has reached the pause gate (a worker waits in CopyControl.awaitRunnable) and nothing passed it
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(CopyPhaseTest::aWorkerWaitsAtThePause);
            assertThat(dst.landed).isEmpty();
            assertThat(running).isNotDone();
            control.resume();
            assertThat(running.get(30, TimeUnit.SECONDS).ok()).isTrue();
        }
        CopyControl cancelled = new CopyControl();
        cancelled.cancel();
        Endpoint other = root(Backend.FILE, "pause-dst2");
        try (ObjectStore src = srcEp.open(); ObjectStore dst = other.open()) {
            assertThatThrownBy(() -> copy(src, srcEp, dst, other, FAST, cancelled)).isInstanceOf(CancellationException.class);
        }
        Map<String, String> left = MigrationRoots.fingerprint(other);
        assertThat(left).isEmpty();
    }

    @Test
    void theConcurrencyLimitCapsTransfersInFlightWhileTheCopyRuns() throws Exception {
        for (int limit : new int[] {0, 2}) { // 0: no limit, the settings' 8 workers; 2: the wizard's spinner set to 2
            Endpoint dstEp = root(Backend.FILE, "limit-dst");
            java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            CopyControl control = new CopyControl();
            if (limit > 0) {
                control.limitConcurrency(limit);
            }
            try (ObjectStore src = sharedSource.open(); FaultyStore dst = new FaultyStore(dstEp.open(), (k, a) -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return FaultyStore.Fault.NONE;
            })) {
                assertThat(copy(src, sharedSource, dst, dstEp, FAST, control).ok()).isTrue();
            }
            if (limit == 0) {
                assertThat(most.get()).as("without a limit the 8 workers overlap").isGreaterThan(2);
            } else {
                assertThat(most.get()).isBetween(1, limit);
            }
        }
    }

    private static boolean aWorkerWaitsAtThePause() {
        return Thread.getAllStackTraces().values().stream().anyMatch(frames -> java.util.Arrays.stream(frames)
                .anyMatch(f -> f.getClassName().equals(CopyControl.class.getName()) && f.getMethodName().equals("awaitRunnable")));
    }
}
