package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupCatalog;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code backup list LOCATION}: the restore points of a backup location, oldest first (read-only). */
@Command(name = "list", description = "list the restore points of a backup location (read-only)",
        customSynopsis = "omnigraph-console backup list LOCATION [--json] [S3 options]")
final class BackupListCommand extends CliCommand {
    @Parameters(paramLabel = "LOCATION", arity = "0..1",
            description = "the backup location: a folder or s3://bucket/prefix (the S3 options apply to it too)")
    String location;

    @Mixin
    S3Options s3Options;

    @Mixin
    JsonOption output;

    BackupListCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        if (location == null || location.isBlank()) {
            throw new UsageException("give exactly one LOCATION");
        }
        StoreUri uri = StoreUris.parse(location, ctx);
        S3Settings s3 = s3Options.settings(ctx);
        List<BackupCatalog.Entry> entries;
        try (ObjectStore store = BackupCommandSupport.open(uri, s3, 1)) {
            entries = BackupCatalog.list(store);
        }
        if (output.json) {
            List<Object> points = new ArrayList<>();
            for (BackupCatalog.Entry e : entries) {
                Map<String, Object> p = e.point().map(BackupCommandSupport::pointJson).orElseGet(LinkedHashMap::new);
                p.put("point_id", e.pointId());
                p.put("state", state(e));
                e.problem().ifPresent(m -> p.put("problem", m));
                e.session().ifPresent(s -> p.putIfAbsent("started_at", s.startedAt().toString()));
                points.add(p);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("location", uri.display());
            out.put("points", points);
            Json.print(ctx.out(), out);
            return CliMain.OK;
        }
        if (entries.isEmpty()) {
            ctx.out().println("No restore points in " + uri.display() + ".");
            return CliMain.OK;
        }
        ctx.out().printf(Locale.ROOT, "%-24s %-10s %-8s %-9s %10s %10s %10s  %s%n", "POINT", "STATE", "LEDGER", "REVISION", "OBJECTS", "SIZE",
                "COPIED", "SOURCE");
        for (BackupCatalog.Entry e : entries) {
            RestorePoint p = e.point().orElse(null);
            ctx.out().printf(Locale.ROOT, "%-24s %-10s %-8s %-9s %10s %10s %10s  %s%n", e.pointId(), state(e),
                    p == null ? "" : "v" + p.ledger().version(), p == null ? "" : Long.toUnsignedString(p.ledger().stateRevision()),
                    p == null ? "" : Format.count(p.objects().size()), p == null ? "" : Format.bytes(p.totalBytes()),
                    p == null ? "" : Format.bytes(p.copiedBytes()), p == null ? e.problem().orElse("") : p.sourceRoot());
        }
        return CliMain.OK;
    }

    private static String state(BackupCatalog.Entry e) {
        return e.complete() ? "complete" : e.problem().isPresent() ? "damaged" : "incomplete";
    }
}
