package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupCatalog;
import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.PointVerifier;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code backup verify LOCATION POINT}: re-hashes every blob of a point against its manifest (read-only). Exit 1 when any is damaged or missing. */
final class BackupVerifyCommand implements Command {
    @Override
    public String name() {
        return "backup verify";
    }

    @Override
    public String summary() {
        return "re-read every object of a restore point and check it against the manifest (read-only)";
    }

    @Override
    public String usage() {
        return "Usage: omnigraph-console backup verify LOCATION POINT [--concurrency N] [--json]\n  " + BackupCommandSupport.LOCATION_USAGE
                + "\n  POINT                the restore point id ('backup list' shows them)\n" + S3Options.USAGE;
    }

    @Override
    public Set<String> valuedOptions() {
        return BackupCommandSupport.valued("concurrency");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        List<String> p = BackupCommandSupport.positionals(args, 2, "LOCATION and POINT");
        StoreUri uri = BackupCommandSupport.uri(p.get(0), ctx);
        int concurrency = BackupCommandSupport.concurrency(args);
        BackupControl control = new BackupControl();
        PointVerifier.Report report;
        try (ObjectStore location = BackupCommandSupport.open(uri, S3Options.from(args, ctx), concurrency)) {
            RestorePoint point;
            try {
                point = BackupCatalog.read(location, p.get(1));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(CliMain.FINDINGS, e.getMessage());
            }
            BackupProgressPrinter printer = new BackupProgressPrinter(ctx.err(), BackupProgressPrinter.mode(args, ctx));
            report = BackupCommandSupport.cancellable(control, () -> PointVerifier.verify(location, point, concurrency, control, printer));
        }
        if (args.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", report.ok());
            out.put("point_id", report.pointId());
            out.put("objects", report.objects());
            out.put("blobs", report.blobs());
            out.put("bytes", report.bytes());
            out.put("missing", report.missing());
            out.put("damaged", report.damaged());
            Json.print(ctx.out(), out);
        } else {
            ctx.out().println("Restore point " + report.pointId() + ": " + Format.count(report.objects()) + " objects in "
                    + Format.count(report.blobs()) + " blobs (" + Format.bytes(report.bytes()) + ") re-read in " + Format.duration(report.took()));
            if (report.ok()) {
                ctx.out().println("Every object matches the manifest (size and SHA-256).");
            }
            report.damaged().forEach(d -> ctx.out().println("  damaged: " + d));
            report.missing().forEach(m -> ctx.out().println("  missing: " + m));
            if (!report.ok()) {
                ctx.out().println(report.damaged().size() + " damaged and " + report.missing().size() + " missing object(s): this point cannot be "
                        + "restored as it is.");
            }
        }
        return report.ok() ? CliMain.OK : CliMain.FINDINGS;
    }
}
