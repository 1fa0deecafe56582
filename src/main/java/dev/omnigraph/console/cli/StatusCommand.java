package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;

/** {@code status}: the cluster snapshot, for people or (with {@code --json}) for machines. */
final class StatusCommand extends ClusterCommand {
    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "ledger, lock, approvals, recovery sidecars, catalog and graphs at a glance (read-only)";
    }

    @Override
    public String usage() {
        return usageOf("status (--root URI | --config DIR) [--json]", "--json               machine-readable output");
    }



    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        ClusterSnapshot snapshot;
        try (ObjectStore store = root.open()) {
            snapshot = ClusterReader.read(store, root.location(), Progress.NONE);
        }
        if (args.flag("json")) {
            Json.print(ctx.out(), SnapshotReport.toJson(snapshot));
        } else {
            SnapshotReport.print(ctx.out(), snapshot);
        }
        return snapshot.diagnostics().stream().anyMatch(d -> d.isError()) ? CliMain.FINDINGS : CliMain.OK;
    }
}
