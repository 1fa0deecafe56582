package dev.omnigraph.console.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.Rfc3339;
import dev.omnigraph.console.cluster.model.Ulid;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Figures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 6, "Races": two consoles and a simulated upstream apply contend for {@code lock.json};
 * force-unlock races a holder that releases and a newcomer that re-acquires. Runs on a temp folder
 * and on the loopback S3 server. Rounds: {@code -Draces.rounds=N} (default 30; force-unlock: -Draces.forceRounds=N, default 20); figures are
 * printed and appended to {@code target/races-figures.txt}.
 */
class LockRaceTest {
    static final int ROUNDS = Integer.getInteger("races.rounds", 30);
    static final long AMPLIFIED_PAUSE_NANOS = 1_000_000;
    @TempDir
    Path temp;

    static void figure(String line) {
        Figures.record(line);
    }

    /** What upstream's {@code acquire_state_lock} writes, spelled out by hand (spec §5): pretty JSON, no trailing newline. */
    static byte[] upstreamLockBytes(String lockId, String operation, long pid) {
        return ("{\n  \"version\": 1,\n  \"lock_id\": \"" + lockId + "\",\n  \"operation\": \"" + operation
                + "\",\n  \"created_at\": \"" + Rfc3339.format(Instant.now()) + "\",\n  \"pid\": " + pid + "\n}").getBytes(UTF_8);
    }

    /** The simulated upstream apply: create-only put of its own lock; release = read, compare id, plain delete. */
    static final class UpstreamApply {
        private final ObjectStore store;
        private String heldId;

        UpstreamApply(ObjectStore store) {
            this.store = store;
        }

        Optional<byte[]> tryAcquire() throws StorageException {
            String id = Ulid.generate(Instant.now()).toString();
            byte[] bytes = upstreamLockBytes(id, "apply", 4242);
            if (store.put(ClusterLayout.LOCK, bytes, WriteCondition.IF_ABSENT) instanceof PutResult.Written) {
                heldId = id;
                return Optional.of(bytes);
            }
            return Optional.empty();
        }

        void release() throws Exception {
            upstreamRelease(store, heldId);
            heldId = null;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void twoConsolesAndAnUpstreamApplyNeverHoldTheLockTogether(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "contend3")) {
            LockService consoleA = new LockService(store, false);
            LockService consoleB = new LockService(store, false);
            UpstreamApply upstream = new UpstreamApply(store);
            AtomicInteger holders = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger[] wins = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Boolean>> all = new ArrayList<>();
                    for (int actor = 0; actor < 3; actor++) {
                        int who = actor;
                        all.add(pool.submit(() -> {
                            go.await();
                            boolean won;
                            Runnable hold = () -> {
                                if (holders.incrementAndGet() != 1) {
                                    overlaps.incrementAndGet();
                                }
                                Thread.yield();
                                holders.decrementAndGet();
                            };
                            if (who < 2) {
                                LockService me = who == 0 ? consoleA : consoleB;
                                LockService.Acquired a = me.acquire("console-" + who);
                                won = a instanceof LockService.Acquired.Ours;
                                if (won) {
                                    hold.run();
                                    assertThat(me.release(((LockService.Acquired.Ours) a).lock()).removed()).isTrue();
                                }
                            } else {
                                won = upstream.tryAcquire().isPresent();
                                if (won) {
                                    hold.run();
                                    upstream.release();
                                }
                            }
                            if (won) {
                                wins[who].incrementAndGet();
                            }
                            return won;
                        }));
                    }
                    go.countDown();
                    int winners = 0;
                    for (Future<Boolean> f : all) {
                        winners += f.get() ? 1 : 0;
                    }
                    // a loser may have tried after the winner released and won too: at most one at a time, at least one per round
                    assertThat(winners).as("round %d", round).isBetween(1, 3);
                }
            } finally {
                pool.shutdownNow();
            }
            figure(backend + " contend: rounds=" + ROUNDS + " wins console-A/console-B/upstream=" + wins[0] + "/" + wins[1] + "/"
                    + wins[2] + " overlapping holders=" + overlaps.get());
            assertThat(overlaps.get()).isZero();
            assertThat(store.stat(ClusterLayout.LOCK)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createOnlyHasExactlyOneWinnerPerRound(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "once")) {
            LockService consoleA = new LockService(store, false);
            LockService consoleB = new LockService(store, false);
            UpstreamApply upstream = new UpstreamApply(store);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            int[] byActor = new int[3];
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Boolean>> all = List.of(
                            pool.submit(() -> { go.await(); return consoleA.acquire("console-a") instanceof LockService.Acquired.Ours; }),
                            pool.submit(() -> { go.await(); return consoleB.acquire("console-b") instanceof LockService.Acquired.Ours; }),
                            pool.submit(() -> { go.await(); return upstream.tryAcquire().isPresent(); }));
                    go.countDown();
                    int winners = 0;
                    for (int i = 0; i < 3; i++) {
                        if (all.get(i).get()) {
                            winners++;
                            byActor[i]++;
                        }
                    }
                    assertThat(winners).as("round %d", round).isEqualTo(1);
                    // nobody releases inside the round, so the stored lock is the winner's, then it is cleared
                    LockFile stored = LockFile.parse(store.read(ClusterLayout.LOCK, 4096).orElseThrow().bytes());
                    assertThat(stored.version()).isEqualTo(1);
                    store.deleteUnconditionally(ClusterLayout.LOCK);
                }
            } finally {
                pool.shutdownNow();
            }
            figure(backend + " create-only: rounds=" + ROUNDS + " winners console-A/console-B/upstream=" + byActor[0] + "/"
                    + byActor[1] + "/" + byActor[2] + " rounds with != 1 winner=0");
        }
    }

    /** How the admin's console removes the old lock, and how the old holder lets go, in one measurement. */
    enum Scenario {
        /** Before: no conditional delete; admin and holder both read, compare, re-read unchanged, plain delete. */
        REREAD_THEN_DELETE(false, false),
        /** After: no conditional delete; admin and holder (both consoles) claim with If-Match, then delete only the claim. */
        CLAIM_THEN_DELETE(false, false),
        /** After, with an upstream holder that releases by read, compare, plain delete (the residual window). */
        CLAIM_THEN_DELETE_UPSTREAM_HOLDER(false, true),
        /** The server honours DELETE If-Match; the holder is upstream. */
        CONDITIONAL_DELETE(true, true);

        final boolean conditionalDelete;
        final boolean upstreamHolder;

        Scenario(boolean conditionalDelete, boolean upstreamHolder) {
            this.conditionalDelete = conditionalDelete;
            this.upstreamHolder = upstreamHolder;
        }
    }

    static final int FORCE_ROUNDS = Integer.getInteger("races.forceRounds", 20);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void forceUnlockNeverDeletesALockReacquiredAfterItWasRead(Backend backend) throws Exception {
        int[][] lost = new int[Scenario.values().length][2];
        int[][] reacquired = new int[Scenario.values().length][2];
        for (Scenario how : Scenario.values()) {
            for (int amplified = 0; amplified < 2; amplified++) {
                try (ObjectStore real = backend.newStore(temp, "force-" + how.ordinal() + amplified)) {
                    ObjectStore shared = how.conditionalDelete ? new ConditionalDeleteStore(real) : real;
                    ObjectStore admin = amplified == 1 ? new SlowDeleteStore(shared, AMPLIFIED_PAUSE_NANOS) : shared;
                    int[] r = forceUnlockRounds(shared, admin, how, FORCE_ROUNDS);
                    lost[how.ordinal()][amplified] = r[0];
                    reacquired[how.ordinal()][amplified] = r[1];
                    figure(backend + " force-unlock " + how + (amplified == 1 ? " amplified(1 ms before each admin delete)" : " natural")
                            + ": rounds=" + FORCE_ROUNDS + " re-acquired by newcomer=" + r[1] + " live locks lost=" + r[0]);
                }
            }
        }
        for (int amplified = 0; amplified < 2; amplified++) {
            assertThat(lost[Scenario.CLAIM_THEN_DELETE.ordinal()][amplified]).as("claim-then-delete, amplified=%d", amplified).isZero();
            assertThat(lost[Scenario.CONDITIONAL_DELETE.ordinal()][amplified]).as("conditional delete, amplified=%d", amplified).isZero();
            assertThat(reacquired[Scenario.CLAIM_THEN_DELETE.ordinal()][amplified]).as("the newcomer got the lock in some rounds").isPositive();
        }
    }

    static void upstreamRelease(ObjectStore store, String lockId) throws Exception {
        Optional<StoredObject> now = store.read(ClusterLayout.LOCK, 4096);
        if (now.isPresent() && LockFile.parse(now.get().bytes()).lockId().equals(lockId)) {
            store.deleteUnconditionally(ClusterLayout.LOCK);
        }
    }

    /**
     * Each round: holder A has L1; the admin force-unlocks L1 while A releases it and upstream B
     * immediately re-acquires (create-only, retrying until it wins or the admin is done). A live
     * lock is lost when B won but its lock is not on storage afterwards.
     *
     * @return {lost, rounds in which B re-acquired}
     */
    private static int[] forceUnlockRounds(ObjectStore shared, ObjectStore admin, Scenario how, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int lost = 0;
        int reacquired = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                LockFile l1 = LockFile.create("apply", Instant.now(), 1);
                assertThat(shared.put(ClusterLayout.LOCK, l1.toBytes(), WriteCondition.IF_ABSENT)).isInstanceOf(PutResult.Written.class);
                CountDownLatch go = new CountDownLatch(1);
                AtomicBoolean adminDone = new AtomicBoolean();
                long jitter = ThreadLocalRandom.current().nextLong(0, 400_000);
                Future<LockService.UnlockOutcome> adminRun = pool.submit(() -> {
                    go.await();
                    try {
                        LockService console = new LockService(admin, how.conditionalDelete);
                        return how == Scenario.REREAD_THEN_DELETE ? console.rereadThenDelete(l1.lockId()) : console.forceUnlock(l1.lockId());
                    } finally {
                        adminDone.set(true);
                    }
                });
                Future<Optional<byte[]>> newcomer = pool.submit(() -> {
                    go.await();
                    LockSupport.parkNanos(jitter);
                    // holder A lets go
                    if (how.upstreamHolder) {
                        upstreamRelease(shared, l1.lockId());
                    } else if (how == Scenario.REREAD_THEN_DELETE) {
                        new LockService(shared, false).rereadThenDelete(l1.lockId());
                    } else {
                        new LockService(shared, false).release(l1);
                    }
                    UpstreamApply b = new UpstreamApply(shared);
                    int afterAdmin = 0;
                    while (afterAdmin < 3) {
                        Optional<byte[]> mine = b.tryAcquire();
                        if (mine.isPresent()) {
                            return mine;
                        }
                        if (adminDone.get()) {
                            afterAdmin++;
                        }
                        LockSupport.parkNanos(20_000);
                    }
                    return Optional.empty();
                });
                go.countDown();
                adminRun.get();
                Optional<byte[]> won = newcomer.get();
                if (won.isPresent()) {
                    reacquired++;
                    Optional<StoredObject> now = shared.read(ClusterLayout.LOCK, 4096);
                    if (now.isEmpty() || !java.util.Arrays.equals(now.get().bytes(), won.get())) {
                        lost++;
                    }
                }
                shared.deleteUnconditionally(ClusterLayout.LOCK);
            }
        } finally {
            pool.shutdownNow();
        }
        return new int[] {lost, reacquired};
    }
}
