package dev.omnigraph.console.cli;

import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.Set;

/** {@code demo create}: writes a realistic demo cluster to an empty root (create-only writes). */
final class DemoCommand extends ClusterCommand {
    @Override
    public String name() {
        return "demo create";
    }

    @Override
    public String summary() {
        return "write a realistic demo cluster to an empty root (graphs, catalog, approvals, a sidecar)";
    }

    @Override
    public String usage() {
        return usageOf("demo create --root URI [--quiet-cluster] [--held-lock] [--benchmark]",
                "--quiet-cluster      no recovery sidecar and no lock: ready to migrate",
                "--held-lock          leave a lock held by a crashed 'apply'",
                "--benchmark          add the benchmark data: 2,000 x 16 KiB and 20 x 32 MiB objects");
    }


    @Override
    protected Set<String> extraFlags() {
        return Set.of("quiet-cluster", "held-lock", "benchmark");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        DemoOptions options = args.flag("quiet-cluster") ? DemoOptions.quiet() : DemoOptions.showcase().withHeldLock(false);
        if (args.flag("held-lock")) {
            options = options.withHeldLock(true);
        }
        if (args.flag("benchmark")) {
            DemoOptions b = DemoOptions.benchmark();
            options = options.withBulk(b.bulkSmall(), b.bulkSmallBytes(), b.bulkLarge(), b.bulkLargeBytes());
        }
        DemoClusterGenerator.Result result;
        try (ObjectStore store = root.open()) {
            result = DemoClusterGenerator.write(store, options, Progress.NONE);
        }
        ctx.out().println("Wrote a demo cluster to " + result.root() + ": " + result.objects() + " objects, "
                + dev.omnigraph.console.common.Format.bytes(result.bytes()) + ", ledger " + result.stateCas()
                + result.lockId().map(id -> ", lock " + id).orElse(""));
        return CliMain.OK;
    }
}
