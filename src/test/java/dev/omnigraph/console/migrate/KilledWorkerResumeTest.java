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

    private Process cli(Path home, List<String> extra) throws Exception {
        var s3 = S3TestServer.get();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-D" + MigrationHome.PROPERTY + "=" + home, "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "migrate-storage", "--from", source.display(), "--to", destination.display(), "--endpoint", s3.endpoint(),
                "--region", "us-east-1", "--path-style", "true", "--writers-stopped", "--yes", "--json"));
        command.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_ACCESS_KEY_ID", s3.accessKey());
        pb.environment().put("AWS_SECRET_ACCESS_KEY", s3.secretKey());
        return pb.start();
    }
}
