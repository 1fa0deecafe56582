package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.PointVerifier;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backup verify LOCATION POINT}: re-hashes every blob of a point against its manifest (read-only). Exit 1 when any is damaged or missing. */
@Command(name = "verify", description = "re-read every object of a restore point and check it against the manifest (read-only)",
        customSynopsis = "omnigraph-console backup verify LOCATION POINT [--concurrency N] [--json] [S3 options]")
final class BackupVerifyCommand extends CliCommand {
    @Mixin
    PointArguments point;

    @Mixin
    BackupConcurrency concurrency;

    @Mixin
    S3Options s3;

    @Mixin
    JsonOption output;

    BackupVerifyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        StoreUri uri = point.location(ctx);
        int inFlight = concurrency.value();
        BackupControl control = new BackupControl();
        PointVerifier.Report report;
        try (ObjectStore location = BackupCommandSupport.open(uri, s3.settings(ctx), inFlight)) {
            RestorePoint read = BackupCommandSupport.readPoint(location, point.point);
            ProgressPrinter printer = new ProgressPrinter(ctx, output.json);
            report = BackupCommandSupport.cancellable(control, () -> PointVerifier.verify(location, read, inFlight, control, printer));
        }
        if (output.json) {
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
            text(report);
        }
        return report.ok() ? CliMain.OK : CliMain.FINDINGS;
    }

    private void text(PointVerifier.Report report) {
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
}
