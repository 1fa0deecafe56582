package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.BackupCreator;
import dev.omnigraph.console.backup.BackupOptions;
import dev.omnigraph.console.backup.BackupResult;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * {@code backup create}: takes a restore point of a cluster into a backup location. Prints the
 * point id on stdout (the summary and progress go to stderr), or the whole result with
 * {@code --json}. Exit 0 when the point was created and the lock is as it was.
 */
final class BackupCreateCommand implements Command {
    @Override
    public String name() {
        return "backup create";
    }

    @Override
    public String summary() {
        return "take a restore point of a cluster into a backup location (incremental, verified, manifest last)";
    }

    @Override
    public String usage() {
        return ClusterOptions.usage("backup create (--root URI | --config DIR) --to LOCATION [options]") + "\n"
                + "  --to LOCATION        the backup location: a folder or s3://bucket/prefix\n"
                + "  --writers-stopped    confirm that every server, apply and graph writer is stopped (else asked)\n"
                + "  --take-over-lock ID  take over the held lock with exactly this id (a stopped server's serve lock, or\n"
                + "                       the lock of an interrupted backup); it is put back when the point is done\n"
                + "  --yes                take over the lock without the typed confirmation\n"
                + "  --concurrency N      objects in flight (default " + BackupOptions.DEFAULT_CONCURRENCY + ")\n"
                + "  --json               progress as JSON lines on stderr, the result as JSON on stdout\n"
                + "Prints the restore point id. Objects already stored by an earlier point are not copied again.";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> s = ClusterOptions.valued("to", "take-over-lock", "concurrency");
        return s;
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "writers-stopped", "yes");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        StoreUri to = BackupCommandSupport.uri(args.value("to").orElseThrow(() -> new Args.UsageException("--to LOCATION is required")), ctx);
        int concurrency = BackupCommandSupport.concurrency(args);
        Optional<String> takeOver = args.value("take-over-lock");
        if (takeOver.isPresent() && !args.flag("yes")) {
            String typed = BackupCommandSupport.ask(ctx, args, "Lock " + takeOver.get() + " will be replaced by the backup's own lock and put "
                    + "back, byte for byte, when the point is done. Type the lock id again to go on: ");
            if (!typed.equals(takeOver.get().trim())) {
                return refused(ctx, args, Map.of(), "taking over lock " + takeOver.get() + " needs --yes or the lock id typed at the prompt; "
                        + "nothing was written");
            }
        }
        BackupOptions options = new BackupOptions(BackupCommandSupport.writersStopped(ctx, args), takeOver, concurrency);
        BackupControl control = new BackupControl();
        BackupProgressPrinter printer = new BackupProgressPrinter(ctx.err(), BackupProgressPrinter.mode(args, ctx));
        BackupResult result;
        try (ObjectStore store = root.open(); ObjectStore location = BackupCommandSupport.open(to, root.s3(), concurrency)) {
            result = BackupCommandSupport.cancellable(control, () -> new BackupCreator(store, location, control, printer).create(options));
        } catch (CancellationException e) {
            return refused(ctx, args, Map.of("outcome", "cancelled"), "cancelled: the point is incomplete and the lock was put back; run the "
                    + "same command again to finish it (stored objects are not copied again)");
        }
        return report(ctx, args, root.uri().display(), to.display(), result);
    }

    private int report(CliContext ctx, Args args, String root, String location, BackupResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", r.ok());
        out.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        out.put("message", r.message());
        out.put("root", root);
        out.put("location", location);
        out.put("point_id", r.pointId().orElse(null));
        r.point().ifPresent(p -> out.put("point", BackupCommandSupport.pointJson(p)));
        out.put("copied_objects", r.objectsCopied());
        out.put("copied_bytes", r.bytesCopied());
        out.put("reused_objects", r.objectsReused());
        out.put("seconds", r.took().toMillis() / 1000.0);
        out.put("failures", r.failures());
        out.put("lock_problem", r.lockProblem().orElse(null));
        if (args.flag("json")) {
            Json.print(ctx.out(), out);
        } else {
            if (r.outcome() == BackupResult.Outcome.CREATED) {
                ctx.err().println("Restore point " + r.pointId().orElseThrow() + " of " + root + " in " + location + ": "
                        + r.point().map(p -> Format.count(p.objects().size()) + " objects (" + Format.bytes(p.totalBytes()) + "), ").orElse("")
                        + Format.count(r.objectsCopied()) + " copied (" + Format.bytes(r.bytesCopied()) + "), " + Format.count(r.objectsReused())
                        + " already stored, in " + Format.duration(r.took()));
                ctx.out().println(r.pointId().orElseThrow());
            } else {
                ctx.err().println("error: " + r.message());
                r.failures().stream().limit(20).forEach(f -> ctx.err().println("  " + f));
            }
            r.lockProblem().ifPresent(p -> ctx.err().println("warning: " + p));
        }
        return r.ok() ? CliMain.OK : CliMain.FINDINGS;
    }

    static int refused(CliContext ctx, Args args, Map<String, Object> extra, String message) {
        if (args.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", false);
            out.put("outcome", "refused");
            out.putAll(extra);
            out.put("message", message);
            Json.print(ctx.out(), out);
        } else {
            ctx.err().println("error: " + message);
        }
        return CliMain.FINDINGS;
    }
}
