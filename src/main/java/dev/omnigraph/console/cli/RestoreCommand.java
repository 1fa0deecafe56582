package dev.omnigraph.console.cli;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.util.concurrent.CancellationException;

/**
 * {@code restore LOCATION POINT --to R}: brings a restore point back into an empty root (or the same
 * root after its ledger was lost, when its graph data still matches the point), ledger last and
 * create-only. Shows the plan, then asks for the point id typed at the prompt unless {@code --yes}.
 */
@Command(name = "restore", description = "restore a restore point into an empty root (ledger last, create-only; never overwrites)",
        customSynopsis = "omnigraph-console restore LOCATION POINT --to URI [options]")
final class RestoreCommand extends CliCommand {
    @Mixin
    PointArguments point;

    @Option(names = "--to", paramLabel = "URI", description = "the root to restore into: empty, or this cluster's root after its ledger was lost")
    String to;

    @Option(names = "--writers-stopped", description = "confirm that nothing uses the target (needed when it already holds objects)")
    boolean writersStopped;

    @Option(names = "--take-over-lock", paramLabel = "ID", description = "resume an interrupted restore under the lock it left (its exact id)")
    String takeOverLock;

    @Option(names = "--yes", description = "restore without typing the point id at the prompt")
    boolean yes;

    @Mixin
    BackupConcurrency concurrency;

    @Option(names = "--json", description = "progress as JSON lines on stderr, the result as JSON on stdout")
    boolean json;

    @Mixin
    S3Options s3Options;

    RestoreCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        StoreUri locationUri = point.location(ctx);
        if (to == null) {
            throw new UsageException("--to URI is required");
        }
        StoreUri targetUri = StoreUris.parse(to, ctx);
        int inFlight = concurrency.value();
        S3Settings s3 = s3Options.settings(ctx);
        BackupControl control = new BackupControl();
        ProgressPrinter printer = new ProgressPrinter(ctx, json);
        try (ObjectStore location = BackupCommandSupport.open(locationUri, s3, inFlight);
             ObjectStore target = BackupCommandSupport.open(targetUri, s3, inFlight)) {
            RestorePoint read = BackupCommandSupport.readPoint(location, point.point);
            RestorePlan plan = BackupCommandSupport.cancellable(control, () -> new RestorePlanner(location, target, control, printer)
                    .plan(read, Optional.ofNullable(takeOverLock), inFlight));
            if (!json) {
                ctx.err().println("Restore point " + read.pointId() + " (" + read.ledger().describe() + ", " + Format.count(read.objects().size())
                        + " objects, " + Format.bytes(read.totalBytes()) + ") into " + targetUri.display() + ": " + plan.reason());
            }
            if (plan.verdict() == RestorePlan.Verdict.READY && !confirmed(read, targetUri)) {
                return BackupCommandSupport.refused(ctx, json, Map.of(), "restoring needs --yes or the point id typed at the prompt; nothing "
                        + "was written");
            }
            boolean stopped = plan.targetEmpty() || plan.verdict() != RestorePlan.Verdict.READY
                    || Prompts.writersStopped(ctx, json, writersStopped, BackupCommandSupport.WRITERS_QUESTION);
            BackupOptions options = new BackupOptions(stopped, Optional.ofNullable(takeOverLock), inFlight);
            RestoreResult result = BackupCommandSupport.cancellable(control, () -> new Restorer(location, target, control, printer)
                    .restore(plan, options));
            return report(read, targetUri.display(), result);
        } catch (CancellationException e) {
            return BackupCommandSupport.refused(ctx, json, Map.of("outcome", "cancelled"), "cancelled: no ledger was written at the target, "
                    + "so it is not a cluster; run the same command again to finish (objects already there are kept)");
        }
    }

    private boolean confirmed(RestorePoint read, StoreUri target) {
        if (yes) {
            return true;
        }
        String typed = Prompts.ask(ctx, json, "This writes restore point " + read.pointId() + " into " + target.display()
                + " (create-only: nothing there is overwritten), the ledger last. Type the point id to restore it: ");
        return typed.equals(read.pointId());
    }

    private int report(RestorePoint point, String target, RestoreResult r) {
        if (json) {
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
