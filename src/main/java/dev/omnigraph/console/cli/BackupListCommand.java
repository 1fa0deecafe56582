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
import java.util.Set;

/** {@code backup list LOCATION}: the restore points of a backup location, oldest first (read-only). */
final class BackupListCommand implements Command {
    @Override
    public String name() {
        return "backup list";
    }

    @Override
    public String summary() {
        return "list the restore points of a backup location (read-only)";
    }

    @Override
    public String usage() {
        return "Usage: omnigraph-console backup list LOCATION [--json]\n  " + BackupCommandSupport.LOCATION_USAGE + "\n" + S3Options.USAGE;
    }

    @Override
    public Set<String> valuedOptions() {
        return BackupCommandSupport.valued();
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        StoreUri uri = BackupCommandSupport.uri(BackupCommandSupport.positionals(args, 1, "exactly one LOCATION").get(0), ctx);
        S3Settings s3 = S3Options.from(args, ctx);
        List<BackupCatalog.Entry> entries;
        try (ObjectStore location = BackupCommandSupport.open(uri, s3, 1)) {
            entries = BackupCatalog.list(location);
        }
        if (args.flag("json")) {
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
