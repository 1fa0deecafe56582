package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.BackupOptions;
import dev.omnigraph.console.backup.LedgerFacts;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the backup and restore commands share: locations, options, prompts, Ctrl-C, and JSON of a point. */
final class BackupCommandSupport {
    static final String LOCATION_USAGE = "LOCATION             the backup location: a folder or s3://bucket/prefix (the S3 options apply to it too)";

    private BackupCommandSupport() {}

    static Set<String> valued(String... extra) {
        Set<String> s = new HashSet<>(S3Options.VALUED);
        s.addAll(Set.of(extra));
        return s;
    }

    static StoreUri uri(String text, CliContext ctx) throws Args.UsageException {
        try {
            return StoreUri.parse(text, ctx.cwd());
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
    }

    static ObjectStore open(StoreUri uri, S3Settings s3, int concurrency) {
        return ObjectStores.open(uri, uri instanceof StoreUri.S3 ? s3.withMaxConnections(Math.max(s3.maxConnections(), concurrency * 2 + 8)) : s3);
    }

    /** The positionals, exactly {@code count} of them. */
    static List<String> positionals(Args args, int count, String what) throws Args.UsageException {
        List<String> p = args.positionals();
        if (p.size() != count || p.stream().anyMatch(String::isBlank)) {
            throw new Args.UsageException("give " + what);
        }
        return p;
    }

    static int concurrency(Args args) throws Args.UsageException {
        int n = args.intValue("concurrency", BackupOptions.DEFAULT_CONCURRENCY);
        if (n < 1 || n > BackupOptions.MAX_CONCURRENCY) {
            throw new Args.UsageException("--concurrency must be between 1 and " + BackupOptions.MAX_CONCURRENCY);
        }
        return n;
    }

    /** Asks on a terminal; empty answer elsewhere. */
    static String ask(CliContext ctx, Args args, String prompt) {
        if (!ctx.interactive() || args.flag("json")) {
            return "";
        }
        ctx.err().print(prompt);
        ctx.err().flush();
        try {
            String line = ctx.in().readLine();
            return line == null ? "" : line.trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Writers confirmed stopped: the flag, or "yes" typed at the prompt. */
    static boolean writersStopped(CliContext ctx, Args args) {
        return args.flag("writers-stopped") || ask(ctx, args, "Are every server, apply and graph writer of this cluster stopped? "
                + "Type 'yes': ").equals("yes");
    }

    /** Runs {@code work} with Ctrl-C wired to cancel it and wait (up to 20 s) for it to put the lock back. */
    static <T> T cancellable(BackupControl control, Callable<T> work) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backup-interrupt");
        boolean hooked;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        } catch (IllegalStateException | SecurityException e) {
            hooked = false;
        }
        try {
            return work.call();
        } finally {
            finished.countDown();
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException | SecurityException ignored) {
                    // shutting down: the hook is running
                }
            }
        }
    }

    static Map<String, Object> ledgerJson(LedgerFacts f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cas", f.cas());
        out.put("version", f.version());
        out.put("generation", f.generation().orElse(null));
        out.put("problem", f.problem().orElse(null));
        out.put("state_revision", f.stateRevision());
        out.put("ledger_id", f.ledgerId().orElse(null));
        out.put("result_revision", f.resultRevision().orElse(null));
        out.put("deployments", f.deploymentIds().size());
        return out;
    }

    static Map<String, Object> pointJson(RestorePoint p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("point_id", p.pointId());
        out.put("started_at", p.startedAt().toString());
        out.put("finished_at", p.finishedAt().toString());
        out.put("source_root", p.sourceRoot());
        out.put("ledger", ledgerJson(p.ledger()));
        out.put("lock", p.lockHandling());
        out.put("lock_taken_over", p.lockTakenOver().orElse(null));
        out.put("objects", p.objects().size());
        out.put("bytes", p.totalBytes());
        out.put("copied_objects", p.copiedObjects());
        out.put("copied_bytes", p.copiedBytes());
        return out;
    }
}
