package dev.omnigraph.console.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LockServiceTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void acquireIsExclusiveAndReleaseOnlyRemovesOurOwnLock(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "lock")) {
            LockService locks = new LockService(store, false);
            LockService.Acquired first = locks.acquire("console");
            LockService.Acquired second = locks.acquire("console");

            assertThat(first).isInstanceOf(LockService.Acquired.Ours.class);
            assertThat(second).isInstanceOfSatisfying(LockService.Acquired.HeldByOther.class,
                    h -> assertThat(((LockState.Held) h.holder()).lock()).isEqualTo(((LockService.Acquired.Ours) first).lock()));
            byte[] written = store.read(ClusterLayout.LOCK, 4096).orElseThrow().bytes();
            assertThat(new String(written, UTF_8)).startsWith("{\n  \"version\": 1,\n  \"lock_id\": ").doesNotEndWith("\n");

            assertThat(locks.release(((LockService.Acquired.Ours) first).lock()).kind()).isEqualTo(LockService.UnlockKind.REMOVED);
            assertThat(store.stat(ClusterLayout.LOCK)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void forceUnlockNeedsTheExactId(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "force")) {
            LockFile held = LockFile.create("apply", java.time.Instant.now().minusSeconds(3600), 4242);
            store.put(ClusterLayout.LOCK, held.toBytes(), WriteCondition.IF_ABSENT);
            LockService locks = new LockService(store, backend == Backend.S3);

            LockService.UnlockOutcome wrong = locks.forceUnlock("01NOTTHEONE0000000000000000");
            assertThat(wrong.kind()).isEqualTo(LockService.UnlockKind.ID_MISMATCH);
            assertThat(store.read(ClusterLayout.LOCK, 4096).orElseThrow().bytes()).isEqualTo(held.toBytes());

            LockService.UnlockOutcome right = locks.forceUnlock(held.lockId());
            assertThat(right.kind()).isEqualTo(LockService.UnlockKind.REMOVED);
            assertThat(store.stat(ClusterLayout.LOCK)).isEmpty();

            assertThat(locks.forceUnlock(held.lockId()).kind()).isEqualTo(LockService.UnlockKind.ALREADY_GONE);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUnreadableLockIsNeverDeleted(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "badlock")) {
            byte[] bad = "{\"version\":2,\"lock_id\":\"held-lock\",\"operation\":\"plan\",\"created_at\":\"1970-01-01T00:00:00Z\",\"pid\":123}"
                    .getBytes(UTF_8);
            store.put(ClusterLayout.LOCK, bad, WriteCondition.IF_ABSENT);
            LockService.UnlockOutcome outcome = new LockService(store, false).forceUnlock("held-lock");
            assertThat(outcome.kind()).isEqualTo(LockService.UnlockKind.INVALID_LOCK);
            assertThat(store.read(ClusterLayout.LOCK, 4096).orElseThrow().bytes()).isEqualTo(bad);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLockReacquiredBetweenReadAndDeleteSurvives(Backend backend) throws Exception {
        try (ObjectStore real = backend.newStore(temp, "reacquire")) {
            LockFile old = LockFile.create("apply", java.time.Instant.now(), 1);
            LockFile fresh = LockFile.create("refresh", java.time.Instant.now(), 2);
            real.put(ClusterLayout.LOCK, old.toBytes(), WriteCondition.IF_ABSENT);
            // a real store, with another holder's release-and-reacquire interleaved just before the guarded delete
            ObjectStore racing = new InterleavingStore(real, () -> {
                real.deleteUnconditionally(ClusterLayout.LOCK);
                real.put(ClusterLayout.LOCK, fresh.toBytes(), WriteCondition.IF_ABSENT);
            });
            for (boolean conditional : new boolean[] {false, true}) {
                LockService.UnlockOutcome outcome = new LockService(racing, conditional).forceUnlock(old.lockId());
                assertThat(outcome.kind()).as("conditional=%s", conditional).isIn(LockService.UnlockKind.REACQUIRED,
                        LockService.UnlockKind.ID_MISMATCH);
                assertThat(real.read(ClusterLayout.LOCK, 4096).orElseThrow().bytes()).isEqualTo(fresh.toBytes());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void manyContendersEveryRoundExactlyOneWinner(Backend backend) throws Exception {
        int threads = 12;
        int rounds = 10;
        try (ObjectStore store = backend.newStore(temp, "contend")) {
            LockService locks = new LockService(store, false);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (int round = 0; round < rounds; round++) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<LockService.Acquired>> all = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        all.add(pool.submit(() -> {
                            go.await();
                            return locks.acquire("console");
                        }));
                    }
                    go.countDown();
                    List<LockFile> winners = new ArrayList<>();
                    for (Future<LockService.Acquired> f : all) {
                        if (f.get() instanceof LockService.Acquired.Ours o) {
                            winners.add(o.lock());
                        }
                    }
                    assertThat(winners).as("round %d", round).hasSize(1);
                    assertThat(locks.release(winners.get(0)).removed()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void twoProcessesOnOneFolderNeverBothHoldTheLock() throws Exception {
        Path root = Files.createDirectories(temp.resolve("two-processes"));
        Path go = temp.resolve("go");
        int rounds = 40;
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LockRaceWorker.class.getName(), root.toString(), go.toString(),
                    String.valueOf(rounds), "worker-" + p)
                    .redirectErrorStream(true).start());
        }
        // both JVMs are up and spinning on the go file before it appears: a real race, no guessed delay
        List<java.io.BufferedReader> outputs = new ArrayList<>();
        for (Process p : processes) {
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), UTF_8));
            assertThat(r.readLine()).isEqualTo("ready");
            outputs.add(r);
        }
        Files.writeString(go, "go");
        List<List<String>> wins = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            String out = outputs.get(i).lines().collect(java.util.stream.Collectors.joining("\n"));
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            wins.add(out.lines().filter(l -> l.startsWith("won ")).toList());
        }
        for (int round = 0; round < rounds; round++) {
            String tag = "won " + round;
            long winners = wins.stream().filter(w -> w.contains(tag)).count();
            assertThat(winners).as("round %d", round).isEqualTo(1);
        }
    }

    /** Used by the two-process test: races for the lock of {@code root/round-N} for N rounds. */
    public static final class LockRaceWorker {
        public static void main(String[] args) throws Exception {
            Path root = Path.of(args[0]);
            Path go = Path.of(args[1]);
            int rounds = Integer.parseInt(args[2]);
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.onSpinWait();
            }
            for (int round = 0; round < rounds; round++) {
                try (ObjectStore store = new dev.omnigraph.console.storage.FileObjectStore(
                        new StoreUri.Local(root.resolve("round-" + round)))) {
                    if (new LockService(store, false).acquire(args[3]) instanceof LockService.Acquired.Ours) {
                        System.out.println("won " + round);
                    }
                }
            }
        }
    }

    @Test
    void conditionalDeleteIsTrustedWithoutAProbeOnlyOnAwsItself(@TempDir Path folder) throws Exception {
        var none = java.util.Map.<String, String>of("AWS_REGION", "us-east-1");
        try (var aws = new dev.omnigraph.console.storage.S3ObjectStore(new StoreUri.S3("bucket", "prefix"),
                     dev.omnigraph.console.storage.S3Settings.fromEnvironment(none));
             var compatible = new dev.omnigraph.console.storage.S3ObjectStore(new StoreUri.S3("bucket", "prefix"),
                     dev.omnigraph.console.storage.S3Settings.fromEnvironment(none).withEndpoint("http://127.0.0.1:9"));
             var local = new dev.omnigraph.console.storage.FileObjectStore(new StoreUri.Local(folder))) {
            assertThat(LockService.conditionalDeleteTrustedWithoutProbe(aws)).isTrue();
            // an S3-compatible server may ignore If-Match on DELETE: claim-then-delete there
            assertThat(LockService.conditionalDeleteTrustedWithoutProbe(compatible)).isFalse();
            assertThat(LockService.conditionalDeleteTrustedWithoutProbe(local)).isFalse();
        }
    }
}
