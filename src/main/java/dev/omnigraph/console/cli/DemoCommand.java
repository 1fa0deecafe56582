package dev.omnigraph.console.cli;

import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoKind;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.demo.DemoSet;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.Optional;
import java.util.Set;

/** {@code demo create}: writes a realistic demo cluster to an empty root (create-only writes). */
final class DemoCommand extends ClusterCommand {
    @Override
    public String name() {
        return "demo create";
    }

    @Override
    public String summary() {
        return "write a realistic demo cluster to an empty root (v0.13 or v0.11; create-only writes)";
    }

    @Override
    public String usage() {
        return usageOf("demo create --root URI [--kind " + DemoKind.choices() + "] [--name NAME] [--quiet-cluster] [--held-lock]"
                        + " [--benchmark]",
                "--kind serving       OmniGraph v0.13 (ledger v2): three retained deployments, a serve lock",
                "--kind outstanding   v0.13 with an accepted, unfinished deployment, its bundle and the apply's lock",
                "--kind v1            v0.11 (ledger v1) that needs cluster upgrade-ledger: sidecar, crashed apply's lock",
                "--kind clean         v0.11 with no lock and no sidecar: migrates cleanly",
                "                     (no --kind: v0.11 with approvals and a sidecar, as before)",
                "--name NAME          the cluster's name (metadata.name of v0.13 demos)",
                "--quiet-cluster      no recovery sidecar and no lock: ready to migrate (same as --kind clean)",
                "--held-lock          leave a lock held by a crashed 'apply' (v0.11 demos)",
                "--benchmark          add the benchmark data: 2,000 x 16 KiB and 20 x 32 MiB objects (v0.11 demos)");
    }

    @Override
    protected Set<String> extraValued() {
        return Set.of("kind", "name");
    }

    @Override
    protected Set<String> extraFlags() {
        return Set.of("quiet-cluster", "held-lock", "benchmark");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        Optional<DemoKind> kind = kind(args);
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        DemoClusterGenerator.Result result;
        try (ObjectStore store = root.open()) {
            if (kind.isPresent() && kind.get().v013()) {
                String name = args.value("name").orElse(kind.get() == DemoKind.SERVING ? "knowledge-hub" : "knowledge-rollout");
                result = DemoSet.write(store, new DemoSet.Entry(name, kind.get()), Progress.NONE);
            } else {
                result = DemoClusterGenerator.write(store, v1Options(args, kind), Progress.NONE);
            }
        }
        ctx.out().println("Wrote a " + kind.map(k -> k.wireName() + " ").orElse("") + "demo cluster to " + result.root() + ": "
                + result.objects() + " objects, " + dev.omnigraph.console.common.Format.bytes(result.bytes()) + ", ledger "
                + result.stateCas() + result.lockId().map(id -> ", lock " + id).orElse(""));
        return CliMain.OK;
    }

    private static Optional<DemoKind> kind(Args args) throws Args.UsageException {
        Optional<String> text = args.value("kind");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        DemoKind kind = DemoKind.parse(text.get()).orElseThrow(() -> new Args.UsageException(
                "--kind must be one of " + DemoKind.choices() + ", not '" + text.get() + "'"));
        if (kind.v013() && (args.flag("quiet-cluster") || args.flag("held-lock") || args.flag("benchmark"))) {
            throw new Args.UsageException("--quiet-cluster, --held-lock and --benchmark apply to v0.11 demos, not --kind "
                    + kind.wireName());
        }
        return Optional.of(kind);
    }

    private static DemoOptions v1Options(Args args, Optional<DemoKind> kind) {
        DemoOptions options;
        if (args.flag("quiet-cluster") || kind.equals(Optional.of(DemoKind.CLEAN))) {
            options = DemoOptions.quiet();
        } else if (kind.equals(Optional.of(DemoKind.V1))) {
            options = DemoOptions.showcase();
        } else {
            options = DemoOptions.showcase().withHeldLock(false);
        }
        if (args.value("name").isPresent()) {
            DemoOptions o = options;
            options = new DemoOptions(args.value("name").get(), o.recoverySidecar(), o.heldLock(), o.lockAge(), o.bigFileBytes(),
                    o.bulkSmall(), o.bulkSmallBytes(), o.bulkLarge(), o.bulkLargeBytes(), o.seed());
        }
        if (args.flag("held-lock")) {
            options = options.withHeldLock(true);
        }
        if (args.flag("benchmark")) {
            DemoOptions b = DemoOptions.benchmark();
            options = options.withBulk(b.bulkSmall(), b.bulkSmallBytes(), b.bulkLarge(), b.bulkLargeBytes());
        }
        return options;
    }
}
