package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupCatalog;
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
import java.util.Set;

/** {@code backup diff LOCATION POINT --root R}: a restore point against the live cluster (read-only). */
final class BackupDiffCommand implements Command {
    private static final int KEYS_SHOWN = 10;

    @Override
    public String name() {
        return "backup diff";
    }

    @Override
    public String summary() {
        return "compare a restore point with the live cluster: ledger, deployments since, objects per graph (read-only)";
    }

    @Override
    public String usage() {
        return ClusterOptions.usage("backup diff LOCATION POINT (--root URI | --config DIR) [--json]") + "\n  "
                + BackupCommandSupport.LOCATION_USAGE + "\n  POINT                the restore point id";
    }

    @Override
    public Set<String> valuedOptions() {
        return ClusterOptions.valued("concurrency");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        List<String> p = BackupCommandSupport.positionals(args, 2, "LOCATION and POINT");
        StoreUri uri = BackupCommandSupport.uri(p.get(0), ctx);
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        int concurrency = BackupCommandSupport.concurrency(args);
        BackupControl control = new BackupControl();
        PointDiff.Report report;
        try (ObjectStore location = BackupCommandSupport.open(uri, root.s3(), concurrency); ObjectStore live = root.open()) {
            RestorePoint point;
            try {
                point = BackupCatalog.read(location, p.get(1));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(CliMain.FINDINGS, e.getMessage());
            }
            BackupProgressPrinter printer = new BackupProgressPrinter(ctx.err(), BackupProgressPrinter.mode(args, ctx));
            report = BackupCommandSupport.cancellable(control, () -> PointDiff.diff(location, point, live, concurrency, control, printer));
        }
        if (args.flag("json")) {
            Json.print(ctx.out(), json(report, root.uri().display()));
        } else {
            text(ctx, report, root.uri().display());
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

    private static void text(CliContext ctx, PointDiff.Report r, String root) {
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
            keys(ctx, "+", g.added());
            keys(ctx, "-", g.removed());
            keys(ctx, "~", g.changed());
        }
    }

    private static void keys(CliContext ctx, String mark, List<String> keys) {
        keys.stream().limit(KEYS_SHOWN).forEach(k -> ctx.out().println("  " + mark + " " + k));
        if (keys.size() > KEYS_SHOWN) {
            ctx.out().println("  " + mark + " … and " + (keys.size() - KEYS_SHOWN) + " more");
        }
    }
}
