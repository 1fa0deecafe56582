package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.PointDiff;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.cluster.diff.LedgerDiffReport;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code backup diff LOCATION POINT --root R}: a restore point against the live cluster (read-only). */
@Command(name = "diff", description = "compare a restore point with the live cluster: ledger, deployments since, objects per graph (read-only)",
        customSynopsis = "omnigraph-console backup diff LOCATION POINT (--root URI | --config DIR) [--json] [S3 options]")
final class BackupDiffCommand extends CliCommand {
    private static final int KEYS_SHOWN = 10;

    @Mixin
    PointArguments point;

    @Mixin
    BackupConcurrency concurrency;

    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    BackupDiffCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        StoreUri uri = point.location(ctx);
        RootOptions.Resolved root = cluster.resolve(ctx);
        int inFlight = concurrency.value();
        BackupControl control = new BackupControl();
        PointDiff.Report report;
        try (ObjectStore location = BackupCommandSupport.open(uri, root.s3(), inFlight); ObjectStore live = root.open()) {
            RestorePoint read = BackupCommandSupport.readPoint(location, point.point);
            ProgressPrinter printer = new ProgressPrinter(ctx, output.json);
            report = BackupCommandSupport.cancellable(control, () -> PointDiff.diff(location, read, live, inFlight, control, printer));
        }
        if (output.json) {
            Json.print(ctx.out(), json(report, root.uri().display()));
        } else {
            text(report, root.uri().display());
        }
        return CliMain.OK;
    }

    private static Map<String, Object> json(PointDiff.Report r, String root) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("point_id", r.point().pointId());
        out.put("root", root);
        out.put("unchanged", r.unchanged());
        out.put("point_ledger", BackupCommandSupport.ledgerJson(r.point().ledger()));
        out.put("live_ledger", r.live().map(BackupCommandSupport::ledgerJson).orElse(null));
        out.put("ledger_diff", r.ledger().map(LedgerDiffReport::json).orElse(null));
        out.put("deployments_since", r.deploymentsSince());
        List<Object> groups = new ArrayList<>();
        for (PointDiff.GroupChanges g : r.groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", g.group());
            m.put("added", g.added());
            m.put("removed", g.removed());
            m.put("changed", g.changed());
            groups.add(m);
        }
        out.put("objects", groups);
        return out;
    }

    private void text(PointDiff.Report r, String root) {
        ctx.out().println("Restore point " + r.point().pointId() + " (" + r.point().ledger().describe() + ")");
        ctx.out().println("Live root " + root + ": " + r.live().map(f -> f.describe()).orElse("no ledger"));
        if (r.unchanged()) {
            ctx.out().println("Nothing changed since the point.");
            return;
        }
        r.ledger().ifPresent(d -> ctx.out().print(LedgerDiffReport.text(d, false)));
        if (!r.deploymentsSince().isEmpty()) {
            ctx.out().println("Deployments finished since the point: " + String.join(", ", r.deploymentsSince()));
        }
        for (PointDiff.GroupChanges g : r.groups()) {
            if (!g.any()) {
                continue;
            }
            ctx.out().println((g.group().equals("__cluster") ? "control plane" : "graph " + g.group()) + ": " + g.added().size() + " added, "
                    + g.removed().size() + " removed, " + g.changed().size() + " changed");
            keys("+", g.added());
            keys("-", g.removed());
            keys("~", g.changed());
        }
    }

    private void keys(String mark, List<String> keys) {
        keys.stream().limit(KEYS_SHOWN).forEach(k -> ctx.out().println("  " + mark + " " + k));
        if (keys.size() > KEYS_SHOWN) {
            ctx.out().println("  " + mark + " … and " + (keys.size() - KEYS_SHOWN) + " more");
        }
    }
}
