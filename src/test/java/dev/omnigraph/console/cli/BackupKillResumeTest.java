package dev.omnigraph.console.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnigraph.console.Launcher;
import dev.omnigraph.console.backup.BackupCatalog;
import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.BackupCreator;
import dev.omnigraph.console.backup.BackupLayout;
import dev.omnigraph.console.backup.BackupListener;
import dev.omnigraph.console.backup.BackupOptions;
import dev.omnigraph.console.backup.BackupResult;
import dev.omnigraph.console.backup.BackupTestRoots;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Trees;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in a worker process killed (SIGKILL: no shutdown hook, no clean-up) in the middle of a
 * backup and of a restore, then run again under the lock the killed worker left: the result is
 * byte-identical, nothing stored before the kill is copied again, and the lock the backup took
 * over is put back exactly.
 */
class BackupKillResumeTest {
    private static final String SERVE_LOCK = "01M4FWHFXR4CK44NBYSDCFVBWR";

    @TempDir
    Path temp;

    @Test
    void aKilledBackupResumesTheSamePointUnderItsLockAndPutsTheServeLockBack() throws Exception {
        Path root = temp.resolve("root");
        Path backups = temp.resolve("backups");
        try (ObjectStore store = folder(root)) {
            BackupTestRoots.v2WithServeLockAndDemo(store, 400);
        }
        byte[] serveLock;
        Map<String, String> before;
        long distinct;
        try (ObjectStore store = folder(root)) {
            serveLock = BackupTestRoots.read(store, ClusterLayout.LOCK);
            before = Trees.fingerprint(store);
            distinct = BackupTestRoots.withoutLock(store).values().stream().distinct().count();
        }

        Process worker = cli("backup", "create", "--root", root.toString(), "--to", backups.toString(), "--take-over-lock", SERVE_LOCK,
                "--writers-stopped", "--yes", "--json", "--concurrency", "1");
        long seen = killAfter(worker, "backup", 30);
        assertThat(seen).as("killed mid-backup").isBetween(30L, distinct - 1);

        LockFile left;
        long stored;
        String incomplete;
        try (ObjectStore store = folder(root); ObjectStore location = folder(backups)) {
            left = LockFile.parse(BackupTestRoots.read(store, ClusterLayout.LOCK));
            assertThat(left.operation()).isEqualTo("backup");
            stored = blobs(location);
            BackupCatalog.Entry entry = BackupCatalog.list(location).getFirst();
            assertThat(entry.complete()).isFalse();
            incomplete = entry.pointId();
        }

        CliRunner.Outcome resumed = runToEnd("backup", "create", "--root", root.toString(), "--to", backups.toString(), "--take-over-lock",
                left.lockId(), "--writers-stopped", "--yes", "--json");
        JsonNode result = Json.mapper().readTree(resumed.out());
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(result.path("point_id").asText()).as("the same point, completed").isEqualTo(incomplete);
        assertThat(result.path("copied_objects").asLong()).as("nothing stored before the kill is copied again").isEqualTo(distinct - stored);
        try (ObjectStore store = folder(root)) {
            assertThat(BackupTestRoots.read(store, ClusterLayout.LOCK)).as("the serve lock, byte for byte").isEqualTo(serveLock);
            assertThat(Trees.fingerprint(store)).isEqualTo(before);
        }
        CliRunner.Outcome restored = CliRunner.run(temp, "restore", backups.toString(), incomplete, "--to", temp.resolve("copy").toString(), "--yes");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        try (ObjectStore copy = folder(temp.resolve("copy")); ObjectStore store = folder(root)) {
            assertThat(Trees.fingerprint(copy)).isEqualTo(BackupTestRoots.withoutLock(store));
        }
    }

    @Test
    void aKilledRestoreLeavesNoLedgerAndResumesUnderItsLockByteIdentical() throws Exception {
        Path root = temp.resolve("root");
        Path backups = temp.resolve("backups");
        Path target = temp.resolve("target");
        String pointId;
        Map<String, String> tree;
        try (ObjectStore store = folder(root); ObjectStore location = folder(backups)) {
            BackupTestRoots.demo(store, 400);
            tree = Trees.fingerprint(store);
            BackupResult r = new BackupCreator(store, location, new BackupControl(), BackupListener.NONE).create(BackupOptions.of(true));
            assertThat(r.ok()).as(r.message()).isTrue();
            pointId = r.pointId().orElseThrow();
        }

        Process worker = cli("restore", backups.toString(), pointId, "--to", target.toString(), "--yes", "--json", "--concurrency", "1");
        long seen = killAfter(worker, "restore", 30);
        assertThat(seen).as("killed mid-restore").isBetween(30L, tree.size() - 2L);

        LockFile left;
        try (ObjectStore store = folder(target)) {
            assertThat(store.stat(ClusterLayout.STATE)).as("no ledger: the target is no cluster yet").isEmpty();
            left = LockFile.parse(BackupTestRoots.read(store, ClusterLayout.LOCK));
            assertThat(left.operation()).isEqualTo("restore");
        }
        CliRunner.Outcome refused = CliRunner.run(temp, "restore", backups.toString(), pointId, "--to", target.toString(), "--yes");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("--take-over-lock " + left.lockId());

        CliRunner.Outcome resumed = runToEnd("restore", backups.toString(), pointId, "--to", target.toString(), "--yes", "--json",
                "--writers-stopped", "--take-over-lock", left.lockId());
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        JsonNode result = Json.mapper().readTree(resumed.out());
        assertThat(result.path("present_objects").asLong()).as("what the killed worker wrote is kept").isGreaterThanOrEqualTo(seen);
        assertThat(result.path("copied_objects").asLong() + result.path("present_objects").asLong()).isEqualTo(tree.size() - 1);
        try (ObjectStore store = folder(target)) {
            assertThat(Trees.fingerprint(store)).isEqualTo(tree);
        }
    }

    private static ObjectStore folder(Path dir) {
        return new FileObjectStore(new StoreUri.Local(dir));
    }

    private static long blobs(ObjectStore location) throws Exception {
        try (Stream<ObjectInfo> s = location.list(BackupLayout.BLOBS)) {
            return s.count();
        }
    }

    /** Reads the worker's JSON progress and kills it once {@code task} has finished {@code objects}; returns the count seen. */
    private static long killAfter(Process worker, String task, long objects) throws Exception {
        BufferedReader events = new BufferedReader(new InputStreamReader(worker.getErrorStream(), UTF_8));
        long seen = -1;
        for (String line; (line = events.readLine()) != null; ) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode e = Json.mapper().readTree(line);
            if (e.path("event").asText().equals("progress") && e.path("task").asText().equals(task)) {
                seen = e.path("objects_done").asLong();
                if (seen >= objects) {
                    worker.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return seen;
    }

    private CliRunner.Outcome runToEnd(String... argv) throws Exception {
        Process p = cli(argv);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), UTF_8);
            } catch (Exception e) {
                return "";
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new CliRunner.Outcome(p.exitValue(), out, err.join());
    }

    private Process cli(String... argv) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(argv));
        ProcessBuilder pb = new ProcessBuilder(command).directory(temp.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        return pb.start();
    }
}
