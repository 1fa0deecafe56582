package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The copy-phase benchmark (not a test: it prints figures and asserts nothing). In one run, on the
 * same data and the same loopback S3 server (s3proxy on disk, in its own JVM):
 * <ol>
 *   <li>our copy phase against Debian's {@code rclone copy}, bucket to bucket (server-side) and
 *       uploading from a local folder, on 2,000 × 16 KiB objects (objects/s) and 20 × 32 MiB
 *       objects (MiB/s), best of {@code --rounds};</li>
 *   <li>a whole migration (every phase) of a cluster over 2 GiB from a folder to S3, reporting the
 *       peak heap of this JVM (run it with {@code -Xmx256m}).</li>
 * </ol>
 * Usage (see docs/benchmarks.md): {@code mvn -o -Pbenchmark test-compile exec:exec}, or
 * {@code java -Xmx256m -cp … dev.omnigraph.console.migrate.MigrationBenchmark [--concurrency N]
 * [--rounds R] [--work DIR] [--no-full]}.
 */
public final class MigrationBenchmark {
    private static final String SMALL = "graphs/bulk.omni/nodes/00000000000000a1-0000000000000001/";
    private static final String LARGE = "graphs/bulk.omni/nodes/00000000000000b2-0000000000000001/";

    /**
     * @param serverCpu CPU seconds the S3 server's JVM spent during the run
     * @param clientCpu CPU seconds of the copying side (this JVM for ours, the rclone process for rclone)
     */
    private record Run(String what, String tool, long objects, long bytes, double seconds, double copySeconds, double serverCpu,
                       double clientCpu) {
        double objectsPerSecond() {
            return objects / seconds;
        }

        double mibPerSecond() {
            return bytes / 1048576.0 / seconds;
        }
    }

    private MigrationBenchmark() {}

    public static void main(String[] argv) throws Exception {
        int concurrency = intArg(argv, "--concurrency", CopySettings.DEFAULT_CONCURRENCY);
        int rounds = intArg(argv, "--rounds", 3);
        Path work = Path.of(stringArg(argv, "--work", "target/benchmark")).toAbsolutePath();
        boolean full = !List.of(argv).contains("--no-full");
        boolean keep = List.of(argv).contains("--keep-data");
        String sets = stringArg(argv, "--sets", "small,large");
        String modes = stringArg(argv, "--modes", "b2b,upload");
        boolean withRclone = !List.of(argv).contains("--no-rclone");
        String runId = Long.toString(System.currentTimeMillis(), 36);
        if (!keep) {
            deleteTree(work);
        }
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "Benchmark: concurrency %d, %d round(s), max heap %s, %d CPUs, work dir %s%n", concurrency, rounds,
                Format.bytes(Runtime.getRuntime().maxMemory()), Runtime.getRuntime().availableProcessors(), work);

        Process server = new ProcessBuilder(java(), "-Xmx1g", "-cp", System.getProperty("java.class.path"), BenchServerMain.class.getName(),
                work.resolve("s3").toString(), "bench-src", "bench-dst", "bench-full")
                .redirectError(work.resolve("server.log").toFile()).start();
        try {
            String[] ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine().split(" ");
            String endpoint = ready[1];
            S3Settings s3 = new S3Settings(endpoint, "us-east-1", true, null, new S3Settings.StaticKeys(ready[2], ready[3], null), true,
                    concurrency * 2 + 8, Duration.ofSeconds(5), 5);
            serverPid = server.pid();
            Rclone reference = new Rclone("rclone", endpoint, ready[2], ready[3], 8, work);
            Rclone matched = new Rclone("rclone-" + concurrency, endpoint, ready[2], ready[3], concurrency, work);
            System.out.println(reference.version() + " (reference: --transfers 8 --checkers 16, as documented; and matched: --transfers "
                    + concurrency + " --checkers " + 2 * concurrency + "); server " + endpoint + " (s3proxy 4.0.0 on disk, own JVM)");

            Endpoint src = new Endpoint(new StoreUri.S3("bench-src", "cluster"), s3);
            Endpoint local = Endpoint.local(work.resolve("local-cluster"));
            boolean generated = Files.exists(work.resolve("local-cluster/__cluster/state.json"));
            if (!generated) time("generate the reference data (DemoOptions.benchmark()) on S3 and in a folder", () -> {
                try (ObjectStore a = src.open(); ObjectStore b = local.open()) {
                    DemoClusterGenerator.write(a, DemoOptions.benchmark(), Progress.NONE);
                    DemoClusterGenerator.write(b, DemoOptions.benchmark(), Progress.NONE);
                }
                return null;
            });

            List<Run> runs = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (String prefix : List.of(SMALL, LARGE)) {
                    String set = prefix.equals(SMALL) ? "2,000 x 16 KiB" : "20 x 32 MiB";
                    if (!sets.contains(prefix.equals(SMALL) ? "small" : "large")) {
                        continue;
                    }
                    for (Endpoint from : List.of(src, local)) {
                        if (!modes.contains(from.isLocal() ? "upload" : "b2b")) {
                            continue;
                        }
                        String mode = from.isLocal() ? "upload" : "bucket-to-bucket";
                        String tag = runId + "-" + (from.isLocal() ? "up" : "b2b") + "-" + (prefix.equals(SMALL) ? "small" : "large") + "-" + round;
                        boolean rcloneFirst = round % 2 == 0;
                        if (rcloneFirst && withRclone) {
                            runs.add(reference.copy(set + ", " + mode, from, prefix, "bench-dst/rclone-" + tag));
                            runs.add(matched.copy(set + ", " + mode, from, prefix, "bench-dst/rclone-matched-" + tag));
                        }
                        runs.add(ours(set + ", " + mode, from, prefix, new Endpoint(new StoreUri.S3("bench-dst", "ours-" + tag), s3), concurrency,
                                work));
                        if (!rcloneFirst && withRclone) {
                            runs.add(reference.copy(set + ", " + mode, from, prefix, "bench-dst/rclone-" + tag));
                            runs.add(matched.copy(set + ", " + mode, from, prefix, "bench-dst/rclone-matched-" + tag));
                        }
                    }
                }
            }
            report(runs);
            if (full) {
                fullMigration(work, s3, concurrency);
            }
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }

    private static Run ours(String what, Endpoint from, String prefix, Endpoint to, int concurrency, Path work) throws Exception {
        CopySettings settings = CopySettings.withConcurrency(concurrency);
        try (ObjectStore s = from.open(); ObjectStore d = to.open();
             CopyJournal journal = CopyJournal.open(work.resolve("journals").resolve(to.uri().toString().replaceAll("[^a-z0-9-]", "_")))) {
            // as the destination check does: server-side copies only where the server proves they are conditional
            boolean serverSide = ServerSide.possible(from, to) && CopyPreconditionProbe.check(d).isEmpty();
            double cpu0 = serverCpu();
            double own0 = ownCpu();
            long t0 = System.nanoTime();
            MigrationPlan plan = new Planner(s, from, d, to, journal, concurrency, serverSide, List.of(prefix)).plan(Progress.NONE);
            try (PlanSpool ignored = plan.spool()) {
                CopyResult r = new CopyPhase(s, from, d, to, journal, settings, new CopyControl(), MigrationListener.NONE).run(plan);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!r.ok()) {
                    throw new IllegalStateException("our copy failed: " + r.failures());
                }
                return new Run(what, serverSide ? "ours" : "ours", r.copied(), r.copiedBytes(), seconds, r.took().toNanos() / 1e9,
                        serverCpu() - cpu0, ownCpu() - own0);
            }
        }
    }

    private static void report(List<Run> runs) {
        System.out.println();
        System.out.println("Every run (seconds = listing + copy; ours also shows the copy phase alone). Bucket-to-bucket, ours streams");
        System.out.println("(GET + conditional PUT) when the server ignores copy preconditions, as s3proxy does; rclone copies server-side.");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "  %-36s %-9s %5d objects %9s  %6.2f s%-15s  %8.1f objects/s  %7.1f MiB/s  CPU s: server %4.1f, client %4.1f%n",
                    r.what(), r.tool(), r.objects(), Format.bytes(r.bytes()), r.seconds(),
                    r.copySeconds() > 0 ? String.format(Locale.ROOT, " (copy %.2f s)", r.copySeconds()) : "", r.objectsPerSecond(), r.mibPerSecond(),
                    r.serverCpu(), r.clientCpu());
        }
        System.out.println();
        System.out.println("Best of each (ratio = ours / rclone; goals: >= 1.5x objects/s on small, >= 1.0x MiB/s on large):");
        for (String what : runs.stream().map(Run::what).distinct().toList()) {
            Run ours = best(runs, what, "ours");
            boolean small = what.startsWith("2,000");
            double a = small ? ours.objectsPerSecond() : ours.mibPerSecond();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-36s ours %7.1f %s", what, a, small ? "objects/s" : "MiB/s"));
            for (String tool : runs.stream().map(Run::tool).filter(t -> t.startsWith("rclone")).distinct().toList()) {
                Run theirs = best(runs, what, tool);
                double b = small ? theirs.objectsPerSecond() : theirs.mibPerSecond();
                line.append(String.format(Locale.ROOT, "   %s %7.1f (ratio %.2fx)", tool, b, a / b));
            }
            System.out.println(line);
        }
    }

    private static Run best(List<Run> runs, String what, String tool) {
        return runs.stream().filter(r -> r.what().equals(what) && r.tool().equals(tool)).min(Comparator.comparingDouble(Run::seconds)).orElseThrow();
    }

    private static void fullMigration(Path work, S3Settings s3, int concurrency) throws Exception {
        DemoOptions options = DemoOptions.benchmark().withBulk(2_000, 16 * 1024, 64, 32L * 1024 * 1024);
        Endpoint local = Endpoint.local(work.resolve("full-cluster"));
        DemoClusterGenerator.Result written = time("generate a " + "2 GiB cluster in a folder", () -> {
            try (ObjectStore b = local.open()) {
                return DemoClusterGenerator.write(b, options, Progress.NONE);
            }
        });
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Endpoint to = new Endpoint(new StoreUri.S3("bench-full", "cluster-" + Long.toString(System.currentTimeMillis(), 36)), s3);
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(local.uri()), null, to, CopySettings.withConcurrency(concurrency),
                false, Optional.empty());
        double cpu0 = serverCpu();
        double own0 = ownCpu();
        long t0 = System.nanoTime();
        Map<String, Long> phases;
        CopyResult copy;
        try (MigrationSession session = MigrationSession.open(request, new MigrationHome(work.resolve("home")), MigrationListener.NONE)) {
            session.checkDestination();
            if (!session.preflight(true).ok()) {
                throw new IllegalStateException("preflight refused");
            }
            session.plan(Progress.NONE);
            copy = session.copy(new CopyControl());
            if (!session.verify(new CopyControl()).ok() || !session.cutover(Confirmation.givenUpFront()).authoritative()) {
                throw new IllegalStateException("the full migration did not complete");
            }
            phases = session.finish(work).saved().phaseMillis();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.println();
        System.out.printf(Locale.ROOT, "Whole migration, folder -> S3, %s objects, %s: %.1f s (copy %.1f s at %s, %.0f objects/s)%n",
                Format.count(written.objects()), Format.bytes(written.bytes()), seconds, copy.took().toNanos() / 1e9, Format.rate(copy.bytesPerSecond()),
                copy.objectsPerSecond());
        System.out.println("  phases (ms): " + phases);
        System.out.printf(Locale.ROOT, "  CPU seconds: this JVM %.1f, server %.1f%n", ownCpu() - own0, serverCpu() - cpu0);
        System.out.printf(Locale.ROOT, "  peak heap (sum of the heap pools' peaks, an upper bound): %s of a %s maximum%n", Format.bytes(peak),
                Format.bytes(Runtime.getRuntime().maxMemory()));
    }

    private static long serverPid;

    private static double ownCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** CPU seconds (user + system) the server JVM has used so far, from /proc (0 where there is none). */
    private static double serverCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** rclone as the reference, configured from the environment as docs/benchmarks.md says. */
    private record Rclone(String name, String endpoint, String accessKey, String secretKey, int transfers, Path work) {
        String version() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("rclone", "version").redirectErrorStream(true).start();
            String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            p.waitFor();
            return first;
        }

        Run copy(String what, Endpoint from, String prefix, String to) throws IOException, InterruptedException {
            String source = from.isLocal() ? from.uri().display() + "/" + prefix : "ref:" + ((StoreUri.S3) from.uri()).bucket() + "/"
                    + ((StoreUri.S3) from.uri()).prefix() + "/" + prefix;
            // bash's time builtin reports rclone's own CPU (user + system) on the last line of stderr
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", "TIMEFORMAT='CPU %U %S'; time rclone copy \"$0\" \"$1\" --transfers "
                    + transfers + " --checkers " + transfers * 2, source, "ref:" + to + "/" + prefix);
            Map<String, String> env = pb.environment();
            env.remove("AWS_CA_BUNDLE"); // Debian's rclone 1.60 refuses to start with it set
            env.put("RCLONE_CONFIG", "/dev/null");
            env.put("AWS_ACCESS_KEY_ID", accessKey);
            env.put("AWS_SECRET_ACCESS_KEY", secretKey);
            env.put("RCLONE_CONFIG_REF_TYPE", "s3");
            env.put("RCLONE_CONFIG_REF_PROVIDER", "Other");
            env.put("RCLONE_CONFIG_REF_ENV_AUTH", "true");
            env.put("RCLONE_CONFIG_REF_ENDPOINT", endpoint);
            env.put("RCLONE_CONFIG_REF_REGION", "us-east-1");
            env.put("RCLONE_CONFIG_REF_FORCE_PATH_STYLE", "true");
            pb.redirectErrorStream(true).redirectOutput(work.resolve("rclone.log").toFile());
            double cpu0 = serverCpu();
            long t0 = System.nanoTime();
            int code = pb.start().waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = serverCpu() - cpu0;
            double rcloneCpu = Files.readAllLines(work.resolve("rclone.log")).stream().filter(l -> l.startsWith("CPU ")).mapToDouble(l -> {
                String[] f = l.split(" ");
                return Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
            }).sum();
            if (code != 0) {
                throw new IllegalStateException("rclone failed (exit " + code + "), see " + work.resolve("rclone.log"));
            }
            long[] counted = count(from, prefix);
            return new Run(what, name, counted[0], counted[1], seconds, 0, cpu, rcloneCpu);
        }

        private static long[] count(Endpoint from, String prefix) throws IOException {
            try (ObjectStore s = from.open(); Stream<dev.omnigraph.console.storage.ObjectInfo> l = s.list(prefix)) {
                long[] out = new long[2];
                l.forEach(o -> {
                    out[0]++;
                    out[1] += o.size();
                });
                return out;
            } catch (dev.omnigraph.console.storage.StorageException e) {
                throw new IOException(e.describe(), e);
            }
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T time(String what, Step<T> step) throws Exception {
        long t0 = System.nanoTime();
        T out = step.run();
        System.out.printf(Locale.ROOT, "%s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int intArg(String[] argv, String name, int fallback) {
        String v = stringArg(argv, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] argv, String name, String fallback) {
        for (int i = 0; i + 1 < argv.length; i++) {
            if (argv[i].equals(name)) {
                return argv[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
