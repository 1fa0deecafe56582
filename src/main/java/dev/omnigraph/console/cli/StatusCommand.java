package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: the cluster snapshot, for people or (with {@code --json}) for machines. */
@Command(name = "status", description = "generation, ledger, deployments, lock, sidecars, catalog and graphs at a glance (read-only)",
        customSynopsis = "omnigraph-console status (--root URI | --config DIR) [--json] [S3 options]")
final class StatusCommand extends CliCommand {
    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    StatusCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        RootOptions.Resolved root = cluster.resolve(ctx);
        ClusterSnapshot snapshot;
        try (ObjectStore store = root.open()) {
            snapshot = ClusterReader.read(store, root.location(), Progress.NONE);
        }
        Optional<String> noCluster = noCluster(root, snapshot);
        if (noCluster.isPresent()) {
            if (!output.json) {
                throw new CliFailure(CliMain.FINDINGS, noCluster.get());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", false);
            out.put("root", root.uri().display());
            out.put("error", Map.of("code", "console_no_cluster", "message", noCluster.get()));
            Json.print(ctx.out(), out);
            return CliMain.FINDINGS;
        }
        if (output.json) {
            Json.print(ctx.out(), SnapshotReport.toJson(snapshot));
        } else {
            SnapshotReport.print(ctx.out(), snapshot);
        }
        return snapshot.diagnostics().stream().anyMatch(d -> d.isError()) ? CliMain.FINDINGS : CliMain.OK;
    }

    /**
     * A root with no ledger and nothing else of a cluster (no object at all): a typo or the wrong place,
     * not an empty cluster worth an "ok".
     */
    static Optional<String> noCluster(RootOptions.Resolved root, ClusterSnapshot s) {
        boolean nothing = s.ledger() instanceof LedgerState.Missing && s.lock() instanceof LockState.Free
                && s.objectsListed() == 0 && s.approvals().isEmpty() && s.recoveries().isEmpty() && s.graphs().isEmpty();
        if (!nothing) {
            return Optional.empty();
        }
        String where = root.uri().display();
        if (root.uri() instanceof StoreUri.Local local && !Files.isDirectory(local.root())) {
            return Optional.of("no OmniGraph cluster at " + where + ": that folder does not exist (check the path)");
        }
        return Optional.of("no OmniGraph cluster at " + where + ": there is no " + ClusterLayout.STATE
                + " and nothing else under it (check the URI; a cluster starts with its first `omnigraph cluster apply`)");
    }
}
