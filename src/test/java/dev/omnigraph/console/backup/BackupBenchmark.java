package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.migrate.BenchServerMain;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The restore-point benchmark (not a test: it prints figures and asserts nothing). On the copy
 * benchmark's data set ({@link DemoOptions#benchmark()}: 2,000 × 16 KiB, 20 × 32 MiB and the
 * Lance-like trees), from a folder and from S3 (s3proxy on disk in its own JVM), each into a folder
 * location: a first restore point, then a second one after what a deployment and a small load leave
 * behind (a new ledger and ten new 16 KiB fragments). Usage (see docs/backup.md):
 * {@code java -Xmx256m -cp … dev.omnigraph.console.backup.BackupBenchmark [--work DIR] [--concurrency N] [--no-folder] [--no-s3]}.
 */
public final class BackupBenchmark {
    private BackupBenchmark() {}

    public static void main(String[] argv) throws Exception {
        List<String> args = List.of(argv);
        Path work = Path.of(value(args, "--work", "target/backup-benchmark")).toAbsolutePath();
        int concurrency = Integer.parseInt(value(args, "--concurrency", "8"));
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "Restore-point benchmark: concurrency %d, max heap %s, %d CPUs, load average %.1f, work dir %s%n",
                concurrency, Format.bytes(Runtime.getRuntime().maxMemory()), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), work);
        if (!args.contains("--no-folder")) {
            fromFolder(work, concurrency);
        }
        if (args.contains("--no-s3")) {
            return;
        }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), BenchServerMain.class.getName(), work.resolve("s3").toString(), "bench-backup-src")
                .redirectError(work.resolve("server.log").toFile()).start();
        try {
            String[] ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine().split(" ");
            S3Settings s3 = new S3Settings(ready[1], "us-east-1", true, null, new S3Settings.StaticKeys(ready[2], ready[3], null), true,
                    concurrency * 2 + 8, Duration.ofSeconds(5), 5);
            try (ObjectStore root = ObjectStores.open(new StoreUri.S3("bench-backup-src", "cluster-" + System.currentTimeMillis()), s3)) {
                DemoClusterGenerator.write(root, DemoOptions.benchmark(), Progress.NONE);
                twoPoints("S3 (s3proxy on disk)", root, work.resolve("backups-from-s3-" + System.currentTimeMillis()), concurrency);
            }
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }

    private static void fromFolder(Path work, int concurrency) throws Exception {
        try (ObjectStore root = new FileObjectStore(new StoreUri.Local(work.resolve("cluster-" + System.currentTimeMillis())))) {
            DemoClusterGenerator.write(root, DemoOptions.benchmark(), Progress.NONE);
            twoPoints("folder", root, work.resolve("backups-from-folder"), concurrency);
        }
    }

    private static void twoPoints(String what, ObjectStore root, Path location, int concurrency) throws Exception {
        deleteTree(location);
        try (ObjectStore backups = new FileObjectStore(new StoreUri.Local(location))) {
            report(what, "first point", run(root, backups, concurrency));
            for (int i = 0; i < 10; i++) {
                byte[] fragment = new byte[16 * 1024];
                new java.util.Random(i).nextBytes(fragment);
                root.put("graphs/bulk.omni/nodes/00000000000000c3-0000000000000001/after-" + i + ".lance", fragment, WriteCondition.IF_ABSENT);
            }
            var ledger = root.read(ClusterLayout.STATE, 16L << 20).orElseThrow();
            byte[] moved = new String(ledger.bytes(), StandardCharsets.UTF_8).replace("\"state_revision\":", "\"state_revision\": ")
                    .getBytes(StandardCharsets.UTF_8);
            root.put(ClusterLayout.STATE, moved, WriteCondition.ifMatch(ledger.token()));
            report(what, "second point", run(root, backups, concurrency));
        }
    }

    private static BackupResult run(ObjectStore root, ObjectStore backups, int concurrency) throws Exception {
        BackupResult r = new BackupCreator(root, backups, new BackupControl(), BackupListener.NONE)
                .create(new BackupOptions(true, java.util.Optional.empty(), concurrency));
        if (!r.ok()) {
            throw new IllegalStateException(r.message() + " " + r.failures());
        }
        return r;
    }

    private static void report(String what, String which, BackupResult r) {
        RestorePoint p = r.point().orElseThrow();
        System.out.printf(Locale.ROOT, "  from %-22s %-12s %6d objects %9s  copied %5d objects %9s  reused %5d  %7.2f s  %6.1f MiB/s read%n",
                what, which, p.objects().size(), Format.bytes(p.totalBytes()), r.objectsCopied(), Format.bytes(r.bytesCopied()),
                r.objectsReused(), r.took().toMillis() / 1000.0, p.totalBytes() / 1048576.0 / Math.max(0.001, r.took().toMillis() / 1000.0));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String value(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
