package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupCatalog;
import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.BackupOptions;
import dev.omnigraph.console.backup.RestorePlan;
import dev.omnigraph.console.backup.RestorePlanner;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.backup.RestoreResult;
import dev.omnigraph.console.backup.Restorer;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * {@code restore LOCATION POINT --to R}: brings a restore point back into an empty root (or the same
 * root after its ledger was lost, when its graph data still matches the point), ledger last and
 * create-only. Shows the plan, then asks for the point id typed at the prompt unless {@code --yes}.
 */
final class RestoreCommand implements Command {
    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String summary() {
        return "restore a restore point into an empty root (ledger last, create-only; never overwrites)";
    }

    @Override
    public String usage() {
        return "Usage: omnigraph-console restore LOCATION POINT --to URI [options]\n  " + BackupCommandSupport.LOCATION_USAGE + "\n"
                + "  POINT                the restore point id ('backup list' shows them)\n"
                + "  --to URI             the root to restore into: empty, or this cluster's root after its ledger was lost\n"
                + "  --writers-stopped    confirm that nothing uses the target (needed when it already holds objects)\n"
                + "  --take-over-lock ID  resume an interrupted restore under the lock it left (its exact id)\n"
                + "  --yes                restore without typing the point id at the prompt\n"
                + "  --concurrency N      objects in flight (default " + BackupOptions.DEFAULT_CONCURRENCY + ")\n"
                + "  --json               progress as JSON lines on stderr, the result as JSON on stdout\n" + S3Options.USAGE;
    }

    @Override
    public Set<String> valuedOptions() {
        return BackupCommandSupport.valued("to", "take-over-lock", "concurrency");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "writers-stopped", "yes");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        List<String> p = BackupCommandSupport.positionals(args, 2, "LOCATION and POINT");
        StoreUri locationUri = BackupCommandSupport.uri(p.get(0), ctx);
        StoreUri targetUri = BackupCommandSupport.uri(args.value("to").orElseThrow(() -> new Args.UsageException("--to URI is required")), ctx);
        int concurrency = BackupCommandSupport.concurrency(args);
        S3Settings s3 = S3Options.from(args, ctx);
        BackupControl control = new BackupControl();
        BackupProgressPrinter printer = new BackupProgressPrinter(ctx.err(), BackupProgressPrinter.mode(args, ctx));
        try (ObjectStore location = BackupCommandSupport.open(locationUri, s3, concurrency);
             ObjectStore target = BackupCommandSupport.open(targetUri, s3, concurrency)) {
            RestorePoint point;
            try {
                point = BackupCatalog.read(location, p.get(1));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(CliMain.FINDINGS, e.getMessage());
            }
            RestorePlan plan = BackupCommandSupport.cancellable(control, () -> new RestorePlanner(location, target, control, printer)
                    .plan(point, args.value("take-over-lock"), concurrency));
            if (!args.flag("json")) {
                ctx.err().println("Restore point " + point.pointId() + " (" + point.ledger().describe() + ", " + Format.count(point.objects().size())
                        + " objects, " + Format.bytes(point.totalBytes()) + ") into " + targetUri.display() + ": " + plan.reason());
            }
            if (plan.verdict() == RestorePlan.Verdict.READY && !confirmed(ctx, args, point, targetUri)) {
                return BackupCreateCommand.refused(ctx, args, Map.of(), "restoring needs --yes or the point id typed at the prompt; nothing "
                        + "was written");
            }
            boolean writersStopped = plan.targetEmpty() || plan.verdict() != RestorePlan.Verdict.READY
                    || BackupCommandSupport.writersStopped(ctx, args);
            BackupOptions options = new BackupOptions(writersStopped, args.value("take-over-lock"), concurrency);
            RestoreResult result = BackupCommandSupport.cancellable(control, () -> new Restorer(location, target, control, printer)
                    .restore(plan, options));
            return report(ctx, args, point, targetUri.display(), result);
        } catch (CancellationException e) {
            return BackupCreateCommand.refused(ctx, args, Map.of("outcome", "cancelled"), "cancelled: no ledger was written at the target, "
                    + "so it is not a cluster; run the same command again to finish (objects already there are kept)");
        }
    }

    private static boolean confirmed(CliContext ctx, Args args, RestorePoint point, StoreUri target) {
        if (args.flag("yes")) {
            return true;
        }
        String typed = BackupCommandSupport.ask(ctx, args, "This writes restore point " + point.pointId() + " into " + target.display()
                + " (create-only: nothing there is overwritten), the ledger last. Type the point id to restore it: ");
        return typed.equals(point.pointId());
    }

    private static int report(CliContext ctx, Args args, RestorePoint point, String target, RestoreResult r) {
        if (args.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", r.ok());
            out.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            out.put("message", r.message());
            out.put("point_id", point.pointId());
            out.put("target", target);
            out.put("ledger", BackupCommandSupport.ledgerJson(point.ledger()));
            out.put("copied_objects", r.copied());
            out.put("copied_bytes", r.copiedBytes());
            out.put("present_objects", r.present());
            out.put("seconds", r.took().toMillis() / 1000.0);
            out.put("failures", r.failures());
            out.put("lock_problem", r.lockProblem().orElse(null));
            Json.print(ctx.out(), out);
        } else {
            (r.ok() ? ctx.out() : ctx.err()).println((r.ok() ? "" : "error: ") + r.message());
            r.failures().stream().limit(20).forEach(f -> ctx.err().println("  " + f));
            r.lockProblem().ifPresent(p -> ctx.err().println("warning: " + p));
        }
        return r.ok() ? CliMain.OK : CliMain.FINDINGS;
    }
}
