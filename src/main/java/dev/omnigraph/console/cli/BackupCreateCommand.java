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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.util.concurrent.CancellationException;

/**
 * {@code backup create}: takes a restore point of a cluster into a backup location. Prints the
 * point id on stdout (the summary and progress go to stderr), or the whole result with
 * {@code --json}. Exit 0 when the point was created and the lock is as it was.
 */
@Command(name = "create", description = "take a restore point of a cluster into a backup location (incremental, verified, manifest last)",
        customSynopsis = "omnigraph-console backup create (--root URI | --config DIR) --to LOCATION [options]",
        footer = {"", "Prints the restore point id. Objects already stored by an earlier point are not copied again."})
final class BackupCreateCommand extends CliCommand {
    @Option(names = "--to", paramLabel = "LOCATION", description = "the backup location: a folder or s3://bucket/prefix")
    String to;

    @Option(names = "--writers-stopped", description = "confirm that every server, apply and graph writer is stopped (else asked)")
    boolean writersStopped;

    @Option(names = "--take-over-lock", paramLabel = "ID", description = {"take over the held lock with exactly this id (a stopped "
            + "server's serve lock, or", "the lock of an interrupted backup); it is put back when the point is done"})
    String takeOverLock;

    @Option(names = "--yes", description = "take over the lock without the typed confirmation")
    boolean yes;

    @Mixin
    BackupConcurrency concurrency;

    @Mixin
    RootOptions cluster;

    @Option(names = "--json", description = "progress as JSON lines on stderr, the result as JSON on stdout")
    boolean json;

    BackupCreateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        RootOptions.Resolved root = cluster.resolve(ctx);
        if (to == null) {
            throw new UsageException("--to LOCATION is required");
        }
        StoreUri location = StoreUris.parse(to, ctx);
        int inFlight = concurrency.value();
        Optional<String> takeOver = Optional.ofNullable(takeOverLock);
        if (takeOver.isPresent() && !yes) {
            String typed = Prompts.ask(ctx, json, "Lock " + takeOver.get() + " will be replaced by the backup's own lock and put "
                    + "back, byte for byte, when the point is done. Type the lock id again to go on: ");
            if (!typed.equals(takeOver.get().trim())) {
                return BackupCommandSupport.refused(ctx, json, Map.of(), "taking over lock " + takeOver.get() + " needs --yes or the lock id "
                        + "typed at the prompt; nothing was written");
            }
        }
        BackupOptions options = new BackupOptions(Prompts.writersStopped(ctx, json, writersStopped, BackupCommandSupport.WRITERS_QUESTION),
                takeOver, inFlight);
        BackupControl control = new BackupControl();
        ProgressPrinter printer = new ProgressPrinter(ctx, json);
        BackupResult result;
        try (ObjectStore store = root.open(); ObjectStore target = BackupCommandSupport.open(location, root.s3(), inFlight)) {
            result = BackupCommandSupport.cancellable(control, () -> new BackupCreator(store, target, control, printer).create(options));
        } catch (CancellationException e) {
            return BackupCommandSupport.refused(ctx, json, Map.of("outcome", "cancelled"), "cancelled: the point is incomplete and the lock "
                    + "was put back; run the same command again to finish it (stored objects are not copied again)");
        }
        return report(root.uri().display(), location.display(), result);
    }

    private int report(String root, String location, BackupResult r) {
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
        if (json) {
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
}
