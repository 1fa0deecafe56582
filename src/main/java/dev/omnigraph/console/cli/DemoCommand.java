package dev.omnigraph.console.cli;

import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoKind;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.demo.DemoSet;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo create}: writes a realistic demo cluster to an empty root (create-only writes). */
@Command(name = "create", description = "write a realistic demo cluster to an empty root (v0.13 or v0.11; create-only writes)",
        customSynopsis = "omnigraph-console demo create --root URI [--kind serving|outstanding|v1|clean] [--name NAME] [--quiet-cluster] "
                + "[--held-lock] [--benchmark]")
final class DemoCommand extends CliCommand {
    @Option(names = "--kind", paramLabel = "KIND", description = {
        "serving: OmniGraph v0.13 (ledger v2): three retained deployments, a serve lock",
        "outstanding: v0.13 with an accepted, unfinished deployment, its bundle and the apply's lock",
        "v1: v0.11 (ledger v1) that needs cluster upgrade-ledger: sidecar, crashed apply's lock",
        "clean: v0.11 with no lock and no sidecar: migrates cleanly",
        "(no --kind: v0.11 with approvals and a sidecar, as before)"})
    String kindName;

    @Option(names = "--name", paramLabel = "NAME", description = "the cluster's name (metadata.name of v0.13 demos)")
    String name;

    @Option(names = "--quiet-cluster", description = "no recovery sidecar and no lock: ready to migrate (same as --kind clean)")
    boolean quietCluster;

    @Option(names = "--held-lock", description = "leave a lock held by a crashed 'apply' (v0.11 demos)")
    boolean heldLock;

    @Option(names = "--benchmark", description = "add the benchmark data: 2,000 x 16 KiB and 20 x 32 MiB objects (v0.11 demos)")
    boolean benchmark;

    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    DemoCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        Optional<DemoKind> kind = kind();
        RootOptions.Resolved root = cluster.resolve(ctx);
        DemoClusterGenerator.Result result;
        try (ObjectStore store = root.open()) {
            if (kind.isPresent() && kind.get().v013()) {
                String clusterName = name != null ? name : kind.get() == DemoKind.SERVING ? "knowledge-hub" : "knowledge-rollout";
                result = DemoSet.write(store, new DemoSet.Entry(clusterName, kind.get()), Progress.NONE);
            } else {
                result = DemoClusterGenerator.write(store, v1Options(kind), Progress.NONE);
            }
        }
        ctx.out().println("Wrote a " + kind.map(k -> k.wireName() + " ").orElse("") + "demo cluster to " + result.root() + ": "
                + result.objects() + " objects, " + dev.omnigraph.console.common.Format.bytes(result.bytes()) + ", ledger "
                + result.stateCas() + result.lockId().map(id -> ", lock " + id).orElse(""));
        return CliMain.OK;
    }

    private Optional<DemoKind> kind() throws UsageException {
        if (kindName == null) {
            return Optional.empty();
        }
        DemoKind kind = DemoKind.parse(kindName).orElseThrow(() -> new UsageException(
                "--kind must be one of " + DemoKind.choices() + ", not '" + kindName + "'"));
        if (kind.v013() && (quietCluster || heldLock || benchmark)) {
            throw new UsageException("--quiet-cluster, --held-lock and --benchmark apply to v0.11 demos, not --kind "
                    + kind.wireName());
        }
        return Optional.of(kind);
    }

    private DemoOptions v1Options(Optional<DemoKind> kind) {
        DemoOptions options;
        if (quietCluster || kind.equals(Optional.of(DemoKind.CLEAN))) {
            options = DemoOptions.quiet();
        } else if (kind.equals(Optional.of(DemoKind.V1))) {
            options = DemoOptions.showcase();
        } else {
            options = DemoOptions.showcase().withHeldLock(false);
        }
        if (name != null) {
            DemoOptions o = options;
            options = new DemoOptions(name, o.recoverySidecar(), o.heldLock(), o.lockAge(), o.bigFileBytes(),
                    o.bulkSmall(), o.bulkSmallBytes(), o.bulkLarge(), o.bulkLargeBytes(), o.seed());
        }
        if (heldLock) {
            options = options.withHeldLock(true);
        }
        if (benchmark) {
            DemoOptions b = DemoOptions.benchmark();
            options = options.withBulk(b.bulkSmall(), b.bulkSmallBytes(), b.bulkLarge(), b.bulkLargeBytes());
        }
        return options;
    }
}
