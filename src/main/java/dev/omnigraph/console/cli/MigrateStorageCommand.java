package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.migrate.ConfigEdit;
import dev.omnigraph.console.migrate.Confirmation;
import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.CopyResult;
import dev.omnigraph.console.migrate.CopySettings;
import dev.omnigraph.console.migrate.CutoverResult;
import dev.omnigraph.console.migrate.DestinationCheck;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.FinishResult;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.PreflightReport;
import dev.omnigraph.console.migrate.VerifyReport;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code migrate-storage}: moves a cluster's storage root to a new one (RFC-006 §D7) through the
 * same phases as the wizard — destination check, preflight, plan, copy, verify, cutover, finish —
 * printing each phase's result on stdout and progress on stderr. Cutover needs {@code --yes} or
 * the cluster's name typed at the prompt. Exit 0 only when the destination is authoritative.
 * Ctrl-C cancels the copy, releases the source lock and saves the report; a re-run resumes.
 */
final class MigrateStorageCommand implements Command {
    @Override
    public String name() {
        return "migrate-storage";
    }

    @Override
    public String summary() {
        return "copy a cluster to a new storage root, verify it, and make it authoritative (ledger last, create-only)";
    }

    @Override
    public String usage() {
        return "Usage: omnigraph-console migrate-storage (--from URI | --config DIR) --to URI [options]\n"
                + "  --from URI           the cluster's current storage root (s3://bucket/prefix, file:///path or a folder)\n"
                + "  --config DIR         the cluster's config folder (its storage:, or the folder itself); enables --edit-config\n"
                + "  --to URI             the new storage root\n"
                + "  --to-endpoint URL    S3 endpoint of the destination (default: the source's)\n"
                + "  --to-region NAME     signing region of the destination\n"
                + "  --to-profile NAME    AWS profile for the destination\n"
                + "  --to-path-style BOOL path-style requests at the destination\n"
                + "  --concurrency N      transfers in flight (default " + CopySettings.DEFAULT_CONCURRENCY + ")\n"
                + "  --deep-verify        re-read every destination object and compare SHA-256\n"
                + "  --writers-stopped    confirm every server, apply and graph writer of this cluster is stopped (otherwise asked)\n"
                + "  --take-over-lock ID  take over the source lock by its exact id: a serve (or graph_operation) lock once\n"
                + "                       writers are stopped, or the lock an interrupted migration left (to resume it)\n"
                + "  --yes                cut over without the typed confirmation (and apply --edit-config)\n"
                + "  --edit-config        with --config: edit storage: in cluster.yaml in place (diff shown first)\n"
                + "  --json               progress as JSON lines on stderr, the result as JSON on stdout\n"
                + "Source S3 options (the destination inherits them unless --to-* says otherwise):\n" + S3Options.USAGE;
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> s = new HashSet<>(S3Options.VALUED);
        s.addAll(Set.of("from", "config", "to", "to-endpoint", "to-region", "to-profile", "to-path-style", "concurrency", "take-over-lock"));
        return s;
    }

    @Override
    public Set<String> flags() {
        return Set.of("deep-verify", "writers-stopped", "yes", "json", "edit-config");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        MigrationRequest request = request(args, ctx);
        boolean json = args.flag("json");
        MigrationProgressPrinter.Mode mode = json ? MigrationProgressPrinter.Mode.JSON
                : ctx.interactive() ? MigrationProgressPrinter.Mode.BAR : MigrationProgressPrinter.Mode.LINES;
        PrintStream out = json ? new PrintStream(java.io.OutputStream.nullOutputStream()) : ctx.out();
        Map<String, Object> result = new LinkedHashMap<>();
        CopyControl control = new CopyControl();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            try {
                finished.await(20, TimeUnit.SECONDS); // let the session release the lock and save the report
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "migrate-storage-interrupt");
        boolean hooked = addHook(hook);
        int code;
        try (MigrationSession session = MigrationSession.open(request, MigrationHome.fromSystem(), new MigrationProgressPrinter(ctx.err(), mode))) {
            result.put("cluster", request.cluster().name());
            result.put("source", session.source().describe());
            result.put("destination", session.destination().describe());
            out.println("Migrating cluster '" + request.cluster().name() + "'\n  from " + session.source().describe() + "\n  to   "
                    + session.destination().describe() + "\n");
            code = phases(session, args, ctx, out, control, result);
            session.savedReport().ifPresent(p -> result.put("report", p.toString()));
        } catch (CancellationException e) {
            result.put("ok", false);
            result.put("outcome", "cancelled");
            result.put("message", "cancelled: the source lock was released; run the same command again to resume");
            code = CliMain.FINDINGS;
            out.println("Cancelled: the source lock was released and the objects copied so far are kept; run the same command again to resume.");
        } finally {
            finished.countDown();
            if (hooked) {
                removeHook(hook);
            }
        }
        if (json) {
            result.putIfAbsent("ok", code == CliMain.OK);
            Json.print(ctx.out(), result);
        }
        return code;
    }

    private int phases(MigrationSession session, Args args, CliContext ctx, PrintStream out, CopyControl control, Map<String, Object> result)
            throws Exception {
        DestinationCheck.Report destination = session.checkDestination();
        MigrationText.checks(out, "Destination", destination.items());
        result.put("destination_check", MigrationText.json(destination));
        if (!destination.ok()) {
            return refused(result, "the destination was refused: " + destination.refusal().map(i -> i.message()).orElse(""), ctx, args);
        }
        boolean writersStopped = args.flag("writers-stopped") || (ctx.interactive() && !args.flag("json")
                && ask(ctx, "Is every server, apply and graph writer (omnigraph-server, cluster apply, ingest jobs) of this cluster stopped? Type 'yes': ").equals("yes"));
        PreflightReport preflight = session.preflight(writersStopped);
        out.println();
        MigrationText.checks(out, "Preflight", preflight.items());
        result.put("preflight", MigrationText.json(preflight));
        if (preflight.alreadyDone()) {
            out.println("\nThe destination already holds exactly this cluster's ledger: the migration is done.");
            return finish(session, args, ctx, out, result, "already-done");
        }
        if (!preflight.ok()) {
            String why = preflight.refusals().getFirst().message();
            if (!writersStopped && preflight.refusals().stream().anyMatch(i -> i.name().equals("graph writers"))) {
                why += " (pass --writers-stopped)";
            }
            return refused(result, "preflight refused: " + why, ctx, args);
        }
        MigrationPlan plan = session.plan(control.asProgress());
        out.println();
        MigrationText.plan(out, plan);
        result.put("plan", MigrationText.json(plan));
        if (!plan.ok()) {
            return refused(result, "the plan is blocked: " + plan.blocking().getFirst(), ctx, args);
        }
        out.println();
        CopyResult copy = session.copy(control);
        MigrationText.copy(out, copy);
        result.put("copy", MigrationText.json(copy));
        if (!copy.ok()) {
            return refused(result, copy.failed() + " object(s) failed to copy; the destination is not authoritative. Run again to retry them.",
                    ctx, args);
        }
        VerifyReport verify = session.verify(control);
        MigrationText.verify(out, verify);
        result.put("verify", MigrationText.json(verify));
        if (!verify.ok()) {
            return refused(result, "verification found " + verify.mismatches() + " mismatch(es): cutover is blocked", ctx, args);
        }
        Confirmation confirmation = confirmation(session, args, ctx, out, preflight);
        if (confirmation == null) {
            return refused(result, "cutover needs --yes or the cluster's name typed at the prompt; everything is copied and verified, and a "
                    + "re-run with --yes skips it all and cuts over", ctx, args);
        }
        if (!session.confirms(confirmation)) {
            return refused(result, "the typed name does not match '" + session.confirmationWord() + "': nothing was written at the destination",
                    ctx, args);
        }
        CutoverResult cutover = session.cutover(confirmation);
        out.println("\nCutover: " + cutover.message());
        cutover.warnings().forEach(w -> out.println("  warning: " + w));
        cutover.sourceLock().flatMap(l -> l.lockId().map(id -> l.undo())).ifPresent(undo -> out.println(
                "\nThe source is locked as 'migrated' so nothing starts on it. To roll back, remove that lock:\n  " + undo));
        result.put("cutover", MigrationText.json(cutover));
        if (!cutover.authoritative()) {
            return refused(result, "cutover refused: " + cutover.message(), ctx, args);
        }
        return finish(session, args, ctx, out, result, "succeeded");
    }

    private Confirmation confirmation(MigrationSession session, Args args, CliContext ctx, PrintStream out, PreflightReport preflight) {
        if (args.flag("yes")) {
            return Confirmation.givenUpFront();
        }
        if (!ctx.interactive() || args.flag("json")) {
            return null;
        }
        out.println("\nCutover will write the ledger (" + preflight.ledger().map(l -> l.cas()).orElse("?") + ") at "
                + session.destination().display() + " with a create-only put, making it authoritative, and then "
                + (preflight.ledger().map(l -> l.generation().isV2()).orElse(false)
                ? "leave the source locked as 'migrated' (OmniGraph v0.13 starts nothing on a locked root)."
                : "release the source lock."));
        out.println("The source's data stays as it is; rolling back means removing that lock (if any) and pointing storage: at it again.");
        return Confirmation.typed(ask(ctx, "Type the cluster name '" + session.confirmationWord() + "' to cut over: "));
    }

    private int finish(MigrationSession session, Args args, CliContext ctx, PrintStream out, Map<String, Object> result, String outcome)
            throws IOException {
        FinishResult finish = session.finish(ctx.cwd());
        result.put("ok", true);
        result.put("outcome", outcome);
        result.put("storage_line", finish.storageLine());
        out.println("\nPut this in cluster.yaml:  " + finish.storageLine());
        Map<String, Object> edit = new LinkedHashMap<>();
        if (finish.configEdit().isPresent()) {
            ConfigEdit.Proposal proposal = finish.configEdit().get();
            edit.put("file", proposal.file().toString());
            edit.put("diff", proposal.diff());
            out.println();
            out.print(proposal.diff());
            boolean apply = args.flag("edit-config") && (args.flag("yes")
                    || (ctx.interactive() && !args.flag("json") && ask(ctx, "Apply this change to " + proposal.file() + "? Type 'yes': ").equals("yes")));
            if (apply) {
                try {
                    ConfigEdit.apply(proposal);
                    edit.put("applied", true);
                    out.println("Updated " + proposal.file() + ". Pending approvals must be given again (the config digest changed).");
                } catch (ConfigEdit.EditException e) {
                    edit.put("applied", false);
                    edit.put("problem", e.getMessage());
                    out.println("cluster.yaml was not edited: " + e.getMessage());
                }
            } else {
                edit.put("applied", false);
                out.println(args.flag("edit-config") ? "cluster.yaml was not edited." : "Run again with --edit-config to apply it (the run "
                        + "finds the migration done and only edits the file).");
            }
        } else {
            finish.configEditIssue().ifPresent(i -> {
                edit.put("problem", i);
                out.println("(" + i + ")");
            });
        }
        result.put("config_edit", edit);
        result.put("report", finish.report().toString());
        out.println("Report: " + finish.report() + " (and .md)");
        return CliMain.OK;
    }

    private int refused(Map<String, Object> result, String message, CliContext ctx, Args args) {
        result.put("ok", false);
        result.put("outcome", "refused");
        result.put("message", message);
        if (!args.flag("json")) {
            ctx.err().println("error: " + message);
        }
        return CliMain.FINDINGS;
    }

    private static String ask(CliContext ctx, String prompt) {
        ctx.err().print(prompt);
        ctx.err().flush();
        try {
            String line = ctx.in().readLine();
            return line == null ? "" : line.trim();
        } catch (IOException e) {
            return "";
        }
    }

    static MigrationRequest request(Args args, CliContext ctx) throws Args.UsageException, CliFailure {
        Optional<String> from = args.value("from");
        Optional<String> config = args.value("config");
        if (from.isPresent() == config.isPresent()) {
            throw new Args.UsageException("give exactly one of --from URI or --config DIR");
        }
        String to = args.value("to").orElseThrow(() -> new Args.UsageException("--to URI is required"));
        if (args.flag("edit-config") && config.isEmpty()) {
            throw new Args.UsageException("--edit-config needs --config DIR (the folder whose cluster.yaml is edited)");
        }
        S3Settings sourceS3 = S3Options.from(args, ctx);
        ClusterLocation cluster;
        try {
            cluster = from.isPresent() ? ClusterLocation.ofRoot(StoreUri.parse(from.get(), ctx.cwd()))
                    : ConfigRoots.location(ctx.cwd().resolve(config.get()), ctx.cwd());
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        StoreUri destination;
        try {
            destination = StoreUri.parse(to, ctx.cwd());
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        S3Settings destinationS3 = S3Options.over(sourceS3, args, "to-");
        int concurrency = args.intValue("concurrency", CopySettings.DEFAULT_CONCURRENCY);
        CopySettings settings;
        try {
            settings = CopySettings.withConcurrency(concurrency);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--concurrency: " + e.getMessage());
        }
        // the connection pool must not be the bottleneck of the transfers
        int pool = Math.max(destinationS3.maxConnections(), concurrency * 2 + 8);
        destinationS3 = destinationS3.withMaxConnections(pool);
        sourceS3 = sourceS3.withMaxConnections(Math.max(sourceS3.maxConnections(), concurrency * 2 + 8));
        return new MigrationRequest(cluster, sourceS3, new Endpoint(destination, destination instanceof StoreUri.S3 ? destinationS3 : null),
                settings, args.flag("deep-verify"), args.value("take-over-lock"));
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException ignored) {
            // shutting down: the hook is running
        }
    }
}
