package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.diff.LedgerDiff;
import dev.omnigraph.console.cluster.diff.LedgerDiffReport;
import dev.omnigraph.console.cluster.diff.LedgerDiffer;
import dev.omnigraph.console.cluster.diff.RestoreGuidance;
import dev.omnigraph.console.cluster.history.CachedLedger;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.history.LedgerLoader;
import dev.omnigraph.console.cluster.history.LedgerObservationCache;
import dev.omnigraph.console.cluster.history.LedgerSource;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ledger diff A B}: structural and raw diff of two ledgers. When one side is the current
 * ledger, also prints how the other could be restored (exact conditional commands) and what that
 * would invalidate; the console never restores a ledger itself.
 */
final class LedgerDiffCommand implements Command {
    @Override
    public String name() {
        return "ledger diff";
    }

    @Override
    public String summary() {
        return "compare two ledgers (current, a bucket version, a cached observation or a file) (read-only)";
    }

    @Override
    public String usage() {
        return ClusterOptions.usage("ledger diff A B (--root URI | --config DIR) [--no-raw] [--json]") + """

                  A, B                 current | cache:<cas-prefix> | version:<id> or a bare S3 version id |
                                       file:<path> or a bare path to an existing file
                  --no-raw             leave out the raw JSON line diff (text output)
                  --no-record          do not add the current ledger to the local observation cache
                  --json               machine-readable output
                With 'current' on one side, also prints the conditional commands that would restore the other
                side, and what restoring it would invalidate. Exit 0 when both sides load, 1 when one cannot.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return ClusterOptions.valued();
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "no-raw", "no-record");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        List<String> sides = args.positionals();
        if (sides.size() != 2) {
            throw new Args.UsageException("give two ledgers to compare, e.g. 'ledger diff cache:1a2b current'");
        }
        LedgerSource sourceA;
        LedgerSource sourceB;
        try {
            sourceA = LedgerSource.parse(sides.get(0), ctx.cwd());
            sourceB = LedgerSource.parse(sides.get(1), ctx.cwd());
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        LedgerObservationCache cache = LedgerObservationCache.openDefault();
        LedgerCopy a;
        LedgerCopy b;
        Optional<RestoreGuidance> guidance = Optional.empty();
        try (ObjectStore store = root.open()) {
            LedgerLoader loader = new LedgerLoader(store, root.location(), cache);
            try {
                a = loader.load(sourceA);
                b = loader.load(sourceB);
            } catch (LedgerLoader.LoadException e) {
                throw new CliFailure(CliMain.FINDINGS, e.getMessage());
            }
            boolean aCurrent = sourceA instanceof LedgerSource.Current;
            boolean bCurrent = sourceB instanceof LedgerSource.Current;
            for (LedgerCopy c : List.of(a, b)) {
                if (!args.flag("no-record") && c.origin().equals("current") && c.ledger().isPresent()) {
                    cache.record(root.location(), c.ledger().get());
                }
            }
            if (aCurrent != bCurrent) {
                LedgerSource olderSource = aCurrent ? sourceB : sourceA;
                LedgerCopy older = aCurrent ? b : a;
                ClusterSnapshot snapshot = ClusterReader.read(store, root.location(), Progress.NONE);
                guidance = Optional.of(RestoreGuidance.of(snapshot, older, origin(olderSource, cache, root), 
                        Optional.ofNullable(root.s3().endpoint())));
            }
        }
        LedgerDiff diff = LedgerDiffer.diff(a, b);
        if (args.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", true);
            out.put("root", root.uri().display());
            out.putAll(LedgerDiffReport.json(diff));
            guidance.ifPresent(g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("summary", g.summary());
                m.put("commands", g.commands());
                m.put("consequences", g.consequences());
                out.put("restore", m);
            });
            Json.print(ctx.out(), out);
        } else {
            ctx.out().print(LedgerDiffReport.text(diff, !args.flag("no-raw")));
            guidance.ifPresent(g -> {
                ctx.out().println();
                ctx.out().println(g.summary());
                g.commands().forEach(c -> ctx.out().println("  " + c));
                if (!g.consequences().isEmpty()) {
                    ctx.out().println("What restoring it would change or invalidate:");
                    g.consequences().forEach(c -> ctx.out().println("  - " + c));
                }
            });
        }
        return CliMain.OK;
    }

    private static RestoreGuidance.Origin origin(LedgerSource source, LedgerObservationCache cache, RootOptions.Resolved root)
            throws Exception {
        return switch (source) {
            case LedgerSource.Version v -> new RestoreGuidance.Origin.BucketVersion(v.versionId());
            case LedgerSource.LocalFile f -> new RestoreGuidance.Origin.LocalFile(f.path().toString());
            case LedgerSource.Cached c -> new RestoreGuidance.Origin.LocalFile(cache.find(root.location(), c.casPrefix())
                    .map(CachedLedger::file).map(Object::toString).orElse("the cached file"));
            case LedgerSource.Current c -> new RestoreGuidance.Origin.LocalFile("state.json");
        };
    }
}
