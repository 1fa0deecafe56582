package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.CopySettings;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate-storage}: moves a cluster's storage root to a new one (RFC-006 §D7) through the
 * same phases as the wizard — destination check, preflight, plan, copy, verify, cutover, finish
 * ({@link MigrationRun}) — printing each phase's result on stdout and progress on stderr. Cutover
 * needs {@code --yes} or the cluster's name typed at the prompt. Exit 0 only when the destination
 * is authoritative. Ctrl-C cancels the copy, releases the source lock and saves the report; a
 * re-run resumes.
 */
@Command(name = "migrate-storage",
        description = "copy a cluster to a new storage root, verify it, and make it authoritative (ledger last, create-only)",
        customSynopsis = "omnigraph-console migrate-storage (--from URI | --config DIR) --to URI [options]",
        footer = {"", "Source S3 options (--endpoint, --region, --profile, --path-style): the destination inherits them unless --to-* "
                + "says otherwise."})
final class MigrateStorageCommand extends CliCommand {
    @Option(names = "--from", paramLabel = "URI", description = "the cluster's current storage root (s3://bucket/prefix, file:///path or a folder)")
    String from;

    @Option(names = "--config", paramLabel = "DIR", description = "the cluster's config folder (its storage:, or the folder itself); enables --edit-config")
    String config;

    @Option(names = "--to", paramLabel = "URI", description = "the new storage root")
    String to;

    @Mixin
    DestinationS3Options destinationS3;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + CopySettings.DEFAULT_CONCURRENCY,
            description = "transfers in flight (default " + CopySettings.DEFAULT_CONCURRENCY + ")")
    int concurrency;

    @Option(names = "--deep-verify", description = "re-read every destination object and compare SHA-256")
    boolean deepVerify;

    @Option(names = "--writers-stopped", description = "confirm every server, apply and graph writer of this cluster is stopped (otherwise asked)")
    boolean writersStopped;

    @Option(names = "--take-over-lock", paramLabel = "ID", description = {"take over the source lock by its exact id: a serve (or "
            + "graph_operation) lock once", "writers are stopped, or the lock an interrupted migration left (to resume it)"})
    String takeOverLock;

    @Option(names = "--yes", description = "cut over without the typed confirmation (and apply --edit-config)")
    boolean yes;

    @Option(names = "--edit-config", description = "with --config: edit storage: in cluster.yaml in place (diff shown first)")
    boolean editConfig;

    @Option(names = "--json", description = "progress as JSON lines on stderr, the result as JSON on stdout")
    boolean json;

    @Mixin
    S3Options sourceS3;

    MigrateStorageCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        MigrationRequest request = request();
        PrintStream out = json ? new PrintStream(OutputStream.nullOutputStream()) : ctx.out();
        Map<String, Object> result = new LinkedHashMap<>();
        CopyControl control = new CopyControl();
        int code = Interrupts.cancellable(control::cancel, "migrate-storage-interrupt", () -> migrate(request, out, control, result));
        if (json) {
            result.putIfAbsent("ok", code == CliMain.OK);
            Json.print(ctx.out(), result);
        }
        return code;
    }

    private int migrate(MigrationRequest request, PrintStream out, CopyControl control, Map<String, Object> result) throws Exception {
        ProgressPrinter printer = new ProgressPrinter(ctx, json);
        try (MigrationSession session = MigrationSession.open(request, MigrationHome.fromSystem(), printer)) {
            result.put("cluster", request.cluster().name());
            result.put("source", session.source().describe());
            result.put("destination", session.destination().describe());
            out.println("Migrating cluster '" + request.cluster().name() + "'\n  from " + session.source().describe() + "\n  to   "
                    + session.destination().describe() + "\n");
            int code = new MigrationRun(session, ctx, out, control, result,
                    new MigrationRun.Choices(json, yes, writersStopped, editConfig)).phases();
            session.savedReport().ifPresent(p -> result.put("report", p.toString()));
            return code;
        } catch (CancellationException e) {
            result.put("ok", false);
            result.put("outcome", "cancelled");
            result.put("message", "cancelled: the source lock was released; run the same command again to resume");
            out.println("Cancelled: the source lock was released and the objects copied so far are kept; run the same command again to resume.");
            return CliMain.FINDINGS;
        }
    }

    MigrationRequest request() throws UsageException, CliFailure {
        if ((from == null) == (config == null)) {
            throw new UsageException("give exactly one of --from URI or --config DIR");
        }
        if (to == null) {
            throw new UsageException("--to URI is required");
        }
        if (editConfig && config == null) {
            throw new UsageException("--edit-config needs --config DIR (the folder whose cluster.yaml is edited)");
        }
        S3Settings source = sourceS3.settings(ctx);
        ClusterLocation cluster = from != null ? ClusterLocation.ofRoot(StoreUris.parse(from, ctx))
                : ConfigRoots.location(ctx.cwd().resolve(config), ctx.cwd());
        StoreUri destination = StoreUris.parse(to, ctx);
        S3Settings destinationSettings = destinationS3.over(source);
        CopySettings settings;
        try {
            settings = CopySettings.withConcurrency(concurrency);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--concurrency: " + e.getMessage());
        }
        // the connection pool must not be the bottleneck of the transfers
        int pool = concurrency * 2 + 8;
        destinationSettings = destinationSettings.withMaxConnections(Math.max(destinationSettings.maxConnections(), pool));
        source = source.withMaxConnections(Math.max(source.maxConnections(), pool));
        return new MigrationRequest(cluster, source, new Endpoint(destination, destination instanceof StoreUri.S3 ? destinationSettings : null),
                settings, deepVerify, Optional.ofNullable(takeOverLock));
    }
}
