package dev.omnigraph.console.migrate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnigraph.console.Launcher;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.S3TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in a worker process, killed (SIGKILL, no shutdown hooks) in the middle of the copy, then
 * resumed under the lock it left: the result is identical and nothing that was already copied is
 * copied again — judged by the journal the killed worker left and the resumed run's own counters.
 */
class KilledWorkerResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Endpoint source;
    private Endpoint destination;

    @AfterEach
    void free() {
        MigrationRoots.discard(destination);
    }

    @Test
    void aKilledMigrationResumesUnderItsOwnLockAndCopiesNothingTwice() throws Exception {
        source = MigrationRoots.endpoint(Backend.FILE, temp, "killed-src");
        destination = MigrationRoots.endpoint(Backend.S3, temp, "killed-dst");
        MigrationRoots.writeDemo(source, MigrationRoots.manySmall(250));
        Map<String, String> tree = MigrationRoots.fingerprint(source);
        long total = tree.size() - 1; // all but the ledger
        Path home = temp.resolve("home");

        Process worker = cli(home, List.of("--concurrency", "2"));
        BufferedReader events = new BufferedReader(new InputStreamReader(worker.getErrorStream(), UTF_8));
        long seen = 0;
        for (String line; (line = events.readLine()) != null; ) {
            JsonNode e = JSON.readTree(line);
            if (e.path("event").asText().equals("progress") && e.path("phase").asText().equals("copy")) {
                seen = e.path("objects_done").asLong();
                if (seen >= 50) {
                    worker.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).as("the worker was killed mid-copy").isBetween(50L, total - 1);

        LockFile left = LockFile.parse(MigrationRoots.read(source, ClusterLayout.LOCK));
        assertThat(left.operation()).isEqualTo(SourceLock.OPERATION);
        long journaled;
        try (Stream<Path> journals = Files.list(home.resolve("migrations/journals"))) {
            Path journal = journals.findFirst().orElseThrow();
            journaled = Files.readAllLines(journal).stream().filter(l -> CopyJournal.parse(l) != null).count();
        }
        assertThat(journaled).isGreaterThanOrEqualTo(seen - 2);
        assertThat(MigrationRoots.read(destination, ClusterLayout.STATE)).isNull();

        Process resumed = cli(home, List.of("--concurrency", "8", "--take-over-lock", left.lockId()));
        CompletableFuture<String> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(resumed.getErrorStream().readAllBytes(), UTF_8);
            } catch (Exception e) {
                return "";
            }
        });
        String out = new String(resumed.getInputStream().readAllBytes(), UTF_8);
        assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(out + drained.join()).isZero();
        JsonNode result = JSON.readTree(out);
        long identical = result.path("plan").path("identical").path("objects").asLong();
        long copied = result.path("copy").path("copied").asLong();
        assertThat(identical).as("everything the killed worker journaled is skipped").isGreaterThanOrEqualTo(journaled);
        assertThat(journaled + copied).as("nothing copied twice").isLessThanOrEqualTo(total);
        assertThat(copied + identical).isEqualTo(total);
        assertThat(result.path("plan").path("overwrite").path("objects").asLong()).isZero();

        assertThat(MigrationRoots.fingerprint(destination)).isEqualTo(tree);
        assertThat(MigrationRoots.read(source, ClusterLayout.LOCK)).isNull();
    }

    /** Kills in the bounded suite; {@code -Domnigraph.reliability.kills=50} runs the long variant (see docs/reliability.md). */
    static final int KILLS = Integer.getInteger("omnigraph.reliability.kills", 5);
    static final long SEED = Long.getLong("omnigraph.reliability.seed", 20261124L);

    /** Where a worker is killed: when a phase starts, or part-way through the copy. */
    enum KillPoint { PREFLIGHT, PLAN, COPY, VERIFY, CUTOVER }

    /**
     * The worker killed {@link #KILLS} times at random points (seeded; in phase order, so the
     * migration moves on between kills), each run resuming under the lock the last one left; the
     * last run completes. The destination sits behind a pass-through {@link FaultProxy}, which
     * counts the writes the server accepted: exactly one of them is the ledger, whatever the kills.
     */
    @Test
    void killedAtRandomPointsManyTimesEachResumeEndsByteIdenticalWithOneLedgerWrite() throws Exception {
        source = MigrationRoots.endpoint(Backend.FILE, temp, "kills-src");
        destination = MigrationRoots.endpoint(Backend.S3, temp, "kills-dst");
        MigrationRoots.writeDemo(source, MigrationRoots.manySmall(KILLS > 10 ? 400 : 20));
        Map<String, String> tree = MigrationRoots.fingerprint(source);
        Path home = temp.resolve("home");
        java.util.Random random = new java.util.Random(SEED);
        List<KillPoint> points = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            points.add(KillPoint.values()[random.nextInt(KillPoint.values().length)]);
        }
        points.sort(null);
        String ledgerPath = "/" + ((dev.omnigraph.console.storage.StoreUri.S3) destination.uri()).bucket() + "/"
                + ((dev.omnigraph.console.storage.StoreUri.S3) destination.uri()).objectKey(ClusterLayout.STATE);
        int killed = 0;
        int finishedFirst = 0;
        try (dev.omnigraph.console.reliability.FaultProxy proxy = dev.omnigraph.console.reliability.FaultProxy.start(S3TestServer.get().port())) {
            for (KillPoint point : points) {
                Process worker = cli(home, proxy.endpoint(), takeOver());
                CompletableFuture<byte[]> stdout = drain(worker.getInputStream());
                if (killAt(worker, point, random)) {
                    killed++;
                } else {
                    finishedFirst++;
                }
                assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
                stdout.join();
                assertThat(MigrationRoots.withoutLock(MigrationRoots.fingerprint(source))).as("the source is untouched after a kill at " + point)
                        .isEqualTo(MigrationRoots.withoutLock(tree));
                assertThat(proxy.landedWrites(ledgerPath)).as("at most one ledger write so far").isLessThanOrEqualTo(1);
            }
            Process last = cli(home, proxy.endpoint(), takeOver());
            CompletableFuture<byte[]> errors = drain(last.getErrorStream());
            String out = new String(last.getInputStream().readAllBytes(), UTF_8);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(out + new String(errors.join(), UTF_8)).isZero();
            assertThat(MigrationRoots.fingerprint(destination)).as("byte-identical after " + killed + " kills").isEqualTo(MigrationRoots.withoutLock(tree));
            assertThat(MigrationRoots.fingerprint(source)).as("the source as it was, its lock gone").isEqualTo(MigrationRoots.withoutLock(tree));
            assertThat(proxy.landedWrites(ledgerPath)).as("exactly one ledger write at the destination").isEqualTo(1);
            assertThat(killed).as("the workers were killed, not left to finish").isGreaterThanOrEqualTo(Math.min(KILLS, 3));
            dev.omnigraph.console.reliability.ReliabilityFiguresAccess.line("kills: seed=" + SEED + " planned=" + KILLS + " killed=" + killed
                    + " finished-before-the-kill-point=" + finishedFirst + " points=" + points + " objects-verified=" + tree.size()
                    + " ledger-writes=" + proxy.landedWrites(ledgerPath) + " lost=0");
        }
    }

    /** The take-over option for the lock a killed worker left, if any. */
    private List<String> takeOver() throws Exception {
        byte[] lock = MigrationRoots.read(source, ClusterLayout.LOCK);
        List<String> extra = new ArrayList<>(List.of("--concurrency", "4"));
        if (lock != null) {
            LockFile left = LockFile.parse(lock);
            assertThat(left.operation()).isEqualTo(SourceLock.OPERATION);
            extra.addAll(List.of("--take-over-lock", left.lockId()));
        }
        return extra;
    }

    /** Reads the worker's JSON events and kills it at the point; false when it finished first. */
    private static boolean killAt(Process worker, KillPoint point, java.util.Random random) throws Exception {
        BufferedReader events = new BufferedReader(new InputStreamReader(worker.getErrorStream(), UTF_8));
        String wanted = point.name().toLowerCase(java.util.Locale.ROOT);
        long copyThreshold = -1;
        for (String line; (line = events.readLine()) != null; ) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode e = JSON.readTree(line);
            String event = e.path("event").asText();
            String phase = e.path("phase").asText();
            boolean kill;
            if (point == KillPoint.COPY) {
                if (event.equals("phase_finished") && phase.equals("plan")) {
                    long work = Long.parseLong(e.path("summary").asText("0 ").split(" ")[0].replace(",", "").replaceAll("[^0-9]", "0"));
                    copyThreshold = work <= 1 ? 0 : 1 + random.nextLong(work - 1);
                }
                kill = (event.equals("progress") && phase.equals("copy") && copyThreshold >= 0 && e.path("objects_done").asLong() >= copyThreshold)
                        || (event.equals("phase_finished") && phase.equals("copy"));
            } else {
                kill = event.equals("phase_started") && phase.equals(wanted);
            }
            if (kill) {
                worker.destroyForcibly();
                return true;
            }
        }
        return false;
    }

    private static CompletableFuture<byte[]> drain(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readAllBytes();
            } catch (Exception e) {
                return new byte[0];
            }
        });
    }

    private Process cli(Path home, List<String> extra) throws Exception {
        return cli(home, S3TestServer.get().endpoint(), extra);
    }

    private Process cli(Path home, String endpoint, List<String> extra) throws Exception {
        var s3 = S3TestServer.get();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-D" + MigrationHome.PROPERTY + "=" + home, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "migrate-storage", "--from", source.display(), "--to", destination.display(), "--endpoint", endpoint,
                "--region", "us-east-1", "--path-style", "true", "--writers-stopped", "--yes", "--json"));
        command.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_ACCESS_KEY_ID", s3.accessKey());
        pb.environment().put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
        return pb.start();
    }
}
