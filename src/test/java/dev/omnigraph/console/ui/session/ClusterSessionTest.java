package dev.omnigraph.console.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClusterSessionTest {
    @TempDir
    Path temp;

    /** Records schedules so tests can see whether polling runs. */
    static final class RecordingScheduler implements PollScheduler {
        final List<Duration> started = new ArrayList<>();
        int running;

        @Override
        public Cancellable every(Duration interval, Runnable tick) {
            started.add(interval);
            running++;
            return () -> running--;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pollSeesLedgerRevisionMoveAndRereads(Backend backend) throws Exception {
        ObjectStore store = Sessions.demo(backend.newStore(temp, "poll"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        ClusterSnapshot before = session.snapshot();
        long revision = before.ledgerIfPresent().orElseThrow().stateRevision();

        session.pollOnce();
        assertThat(session.changes()).as("nothing moved: no change, no re-read").isEmpty();
        assertThat(session.snapshot()).isSameAs(before);

        Sessions.bumpLedger(store);
        session.pollOnce();
        assertThat(session.changes()).extracting(LiveChange::text)
                .containsExactly("ledger revision " + revision + " → " + (revision + 1));
        assertThat(session.snapshot()).isNotSameAs(before);
        assertThat(session.snapshot().ledgerIfPresent().orElseThrow().stateRevision()).isEqualTo(revision + 1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pollSeesLockAcquiredAndReleased(Backend backend) throws Exception {
        ObjectStore store = Sessions.demo(backend.newStore(temp, "lockpoll"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        assertThat(session.snapshot().lock()).isInstanceOf(LockState.Free.class);

        LockService locks = new LockService(store, false);
        LockService.Acquired.Ours ours = (LockService.Acquired.Ours) locks.acquire("apply");
        session.pollOnce();
        assertThat(session.changes().getFirst().text()).isEqualTo("lock acquired by apply (" + ours.lock().lockId() + ")");
        assertThat(session.snapshot().lock()).isInstanceOf(LockState.Held.class);

        locks.release(ours.lock());
        session.pollOnce();
        assertThat(session.changes().getFirst().text()).isEqualTo("lock released (was held by apply)");
        assertThat(session.changes()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pollSeesAnApprovalOrSidecarAppearAndGo(Backend backend) throws Exception {
        ObjectStore store = Sessions.demo(backend.newStore(temp, "artifactpoll"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        var first = session.snapshot().approvals().getFirst();
        byte[] bytes = store.read(first.key(), 1 << 20).orElseThrow().bytes();
        String key = dev.omnigraph.console.cluster.ClusterLayout.APPROVALS + "01ZZZZZZZZZZZZZZZZZZZZZZZZ.json";
        store.put(key, bytes, dev.omnigraph.console.storage.WriteCondition.IF_ABSENT);

        session.pollOnce();
        assertThat(session.changes()).extracting(LiveChange::text).containsExactly("approval appeared: 01ZZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(session.changes().getFirst().subject()).isEqualTo(LiveChange.Subject.APPROVALS);
        assertThat(session.snapshot().approvals()).extracting(a -> a.stem()).contains("01ZZZZZZZZZZZZZZZZZZZZZZZZ");

        store.deleteUnconditionally(key);
        session.pollOnce();
        assertThat(session.changes().getFirst().text()).isEqualTo("approval gone: 01ZZZZZZZZZZZZZZZZZZZZZZZZ");
        session.pollOnce();
        assertThat(session.changes()).as("nothing moved since").hasSize(2);
    }

    @Test
    void pollsOnlyWhileActiveAndFollowsTheInterval() throws Exception {
        ObjectStore store = Sessions.demo(Backend.FILE.newStore(temp, "active"), DemoOptions.small());
        RecordingScheduler scheduler = new RecordingScheduler();
        ClusterSession session = Sessions.open(store, Optional.empty(), Clock.systemUTC(), scheduler);
        assertThat(scheduler.running).as("not on screen: no polling").isZero();

        session.activate();
        assertThat(scheduler.running).isEqualTo(1);
        assertThat(scheduler.started).containsExactly(Duration.ofSeconds(5));

        session.settings().pollIntervalProperty().set(Duration.ofSeconds(30));
        assertThat(scheduler.running).isEqualTo(1);
        assertThat(scheduler.started).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(30));

        session.deactivate();
        assertThat(scheduler.running).isZero();
        session.settings().pollIntervalProperty().set(Duration.ofSeconds(2));
        assertThat(scheduler.running).as("interval changes do not restart a hidden session").isZero();
        session.close();
        session.activate();
        assertThat(scheduler.running).as("closed sessions never poll again").isZero();
    }

    @Test
    void unreachableRootIsReportedInWordsAndKeepsThePreviousSnapshot() throws Exception {
        ObjectStore store = Sessions.demo(Backend.FILE.newStore(temp, "gone"), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        ClusterSnapshot before = session.snapshot();
        java.nio.file.Path root = ((dev.omnigraph.console.storage.StoreUri.Local) store.uri()).root();
        try (var files = java.nio.file.Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        session.refresh();
        assertThat(session.snapshot()).as("a failed or empty read never blanks what was shown").isNotNull();
        if (session.failureProperty().get() != null) {
            assertThat(session.failureProperty().get().oneLine()).doesNotContain("Exception").doesNotContain("\tat ");
        } else {
            assertThat(session.snapshot().ledger().present()).isFalse();
            assertThat(session.snapshot()).isNotSameAs(before);
        }
    }
}
