package dev.omnigraph.console.migrate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupting a copy and resuming it; the ledger moving under a running migration, at either end. */
class ResumeAndRaceTest {
    @TempDir
    Path temp;

    private final List<Endpoint> used = new ArrayList<>();

    @AfterEach
    void free() {
        used.forEach(MigrationRoots::discard);
    }

    private Endpoint root(Backend backend, String hint) {
        Endpoint e = MigrationRoots.endpoint(backend, temp, hint);
        used.add(e);
        return e;
    }

    private MigrationSession session(Endpoint src, Endpoint dst, MigrationListener listener) {
        return session(src, dst, listener, 2);
    }

    /**
     * Progress is published every 5 ms (not the default 250 ms): the listeners below act from a
     * published snapshot, and a copy of small objects through the direct path can otherwise finish
     * between two snapshots.
     */
    private MigrationSession session(Endpoint src, Endpoint dst, MigrationListener listener, int concurrency) {
        CopySettings defaults = CopySettings.withConcurrency(concurrency);
        CopySettings settings = new CopySettings(concurrency, defaults.maxAttempts(), defaults.firstBackoff(), defaults.memoryBudget(),
                java.time.Duration.ofMillis(5));
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(src.uri()), src.s3(), dst, settings,
                false, Optional.empty());
        return MigrationSession.open(request, new MigrationHome(temp.resolve("home")), listener);
    }

    /** Calls {@code action} once, from the progress of the copy phase, when {@code threshold} objects are done. */
    private static MigrationListener during(long threshold, Consumer<ProgressSnapshot> action) {
        AtomicBoolean fired = new AtomicBoolean();
        return e -> {
            if (e instanceof MigrationEvent.Progress p && p.snapshot().phase() == MigrationPhase.COPY
                    && p.snapshot().objectsDone() >= threshold && fired.compareAndSet(false, true)) {
                action.accept(p.snapshot());
            }
        };
    }

    @Test
    void aCancelledCopyResumesWithoutCopyingAnythingTwice() throws Exception {
        Endpoint src = root(Backend.FILE, "resume-src");
        Endpoint dst = root(Backend.S3, "resume-dst");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(300));
        Map<String, String> tree = MigrationRoots.fingerprint(src);
        CopyControl control = new CopyControl();
        AtomicLong doneAtCancel = new AtomicLong();
        MigrationListener listener = during(30, s -> control.cancel());
        MigrationListener lastSnapshot = e -> {
            if (e instanceof MigrationEvent.Progress p && p.snapshot().state() == ProgressSnapshot.State.FINISHED) {
                doneAtCancel.set(p.snapshot().objectsDone());
            }
        };
        long total;
        try (MigrationSession s = session(src, dst, e -> {
            listener.onEvent(e);
            lastSnapshot.onEvent(e);
        })) {
            s.checkDestination();
            assertThat(s.preflight(true).ok()).isTrue();
            total = s.plan(Progress.NONE).copy().objects();
            assertThatThrownBy(() -> s.copy(control)).isInstanceOf(CancellationException.class);
            assertThat(MigrationReports.load(s.savedReport().orElseThrow()).outcome()).isEqualTo("cancelled");
        }
        long first = doneAtCancel.get();
        assertThat(first).isBetween(30L, total - 1);
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).as("lock released on cancel").isNull();

        try (MigrationSession s = session(src, dst, MigrationListener.NONE, 8)) {
            s.checkDestination();
            assertThat(s.preflight(true).ok()).isTrue();
            MigrationPlan plan = s.plan(Progress.NONE);
            assertThat(plan.identical().objects()).as("everything the first run copied is recognised").isGreaterThanOrEqualTo(first);
            assertThat(plan.overwrite().objects()).isZero();
            CopyResult copy = s.copy(new CopyControl());
            assertThat(copy.ok()).isTrue();
            assertThat(first + copy.copied()).as("no object copied twice").isLessThanOrEqualTo(total);
            assertThat(copy.copied() + plan.identical().objects()).isEqualTo(total);
            assertThat(s.verify(new CopyControl()).ok()).isTrue();
            assertThat(s.cutover(Confirmation.givenUpFront()).authoritative()).isTrue();
        }
        assertThat(MigrationRoots.fingerprint(dst)).isEqualTo(tree);
    }

    @Test
    void aSourceLedgerThatChangesDuringTheCopyMakesCutoverRefuse() throws Exception {
        Endpoint src = root(Backend.S3, "moving-src");
        Endpoint dst = root(Backend.FILE, "moving-dst");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(80));
        byte[][] rogue = new byte[1][];
        MigrationListener writer = during(20, s -> {
            try (ObjectStore store = src.open()) {
                StoredObject ledger = store.read(ClusterLayout.STATE, 1 << 20).orElseThrow();
                rogue[0] = (new String(ledger.bytes(), UTF_8).replace("\"state_revision\": 23", "\"state_revision\": 24")).getBytes(UTF_8);
                assertThat(store.put(ClusterLayout.STATE, rogue[0], WriteCondition.ifMatch(ledger.token()))).isInstanceOf(PutResult.Written.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CutoverResult cutover = runToCutover(src, dst, writer);
        assertThat(cutover.status()).isEqualTo(CutoverResult.Status.ABORTED);
        assertThat(cutover.message()).contains("source ledger changed").contains("nothing was written");
        assertThat(MigrationRoots.read(dst, ClusterLayout.STATE)).isNull();
        assertThat(MigrationRoots.read(src, ClusterLayout.STATE)).isEqualTo(rogue[0]);
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isNull();
    }

    @Test
    void aDestinationLedgerThatAppearsDuringTheCopyIsNeverOverwritten() throws Exception {
        Endpoint src = root(Backend.FILE, "race-src");
        Endpoint dst = root(Backend.S3, "race-dst");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(80));
        byte[] theirs = "{\"version\":1,\"state_revision\":1}\n".getBytes(UTF_8);
        MigrationListener other = during(20, s -> {
            try (ObjectStore store = dst.open()) {
                assertThat(store.put(ClusterLayout.STATE, theirs, WriteCondition.IF_ABSENT)).isInstanceOf(PutResult.Written.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CutoverResult cutover = runToCutover(src, dst, other);
        assertThat(cutover.status()).isEqualTo(CutoverResult.Status.ABORTED);
        assertThat(cutover.message()).contains("appeared at the destination").contains("nothing was overwritten");
        assertThat(MigrationRoots.read(dst, ClusterLayout.STATE)).isEqualTo(theirs);
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isNull();
    }

    private CutoverResult runToCutover(Endpoint src, Endpoint dst, MigrationListener listener) throws Exception {
        try (MigrationSession s = session(src, dst, listener)) {
            s.checkDestination();
            assertThat(s.preflight(true).ok()).isTrue();
            s.plan(Progress.NONE);
            assertThat(s.copy(new CopyControl()).ok()).isTrue();
            assertThat(s.verify(new CopyControl()).ok()).isTrue();
            CutoverResult r = s.cutover(Confirmation.typed(s.confirmationWord()));
            assertThat(MigrationReports.load(s.savedReport().orElseThrow()).outcome()).isEqualTo("failed");
            return r;
        }
    }
}
