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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ledger diff A B}: structural and raw diff of two ledgers. When one side is the current
 * ledger, also prints how the other could be restored (exact conditional commands) and what that
 * would invalidate; the console never restores a ledger itself.
 */
@Command(name = "diff", description = "compare two ledgers (current, a bucket version, a cached observation or a file) (read-only)",
        customSynopsis = "omnigraph-console ledger diff A B (--root URI | --config DIR) [--no-raw] [--no-record] [--json] [S3 options]",
        footer = {"",
            "With 'current' on one side, also prints the conditional commands that would restore the other",
            "side, and what restoring it would invalidate. Exit 0 when both sides load, 1 when one cannot."})
final class LedgerDiffCommand extends CliCommand {
    @Parameters(paramLabel = "A B", arity = "0..*", description = {"current | cache:<cas-prefix> | version:<id> or a bare S3 version id |",
        "file:<path> or a bare path to an existing file"})
    List<String> sides = List.of();

    @Option(names = "--no-raw", description = "leave out the raw JSON line diff (text output)")
    boolean noRaw;

    @Mixin
    ObservationOption observation;

    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    LedgerDiffCommand(CliContext ctx) {
        super(ctx);
    }

    /** Both sides loaded, and how to restore the older one when the other is the current ledger. */
    private record Loaded(LedgerCopy a, LedgerCopy b, Optional<RestoreGuidance> guidance) {}

    @Override
    int run() throws Exception {
        if (sides.size() != 2) {
            throw new UsageException("give two ledgers to compare, e.g. 'ledger diff cache:1a2b current'");
        }
        LedgerSource sourceA;
        LedgerSource sourceB;
        try {
            sourceA = LedgerSource.parse(sides.get(0), ctx.cwd());
            sourceB = LedgerSource.parse(sides.get(1), ctx.cwd());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RootOptions.Resolved root = cluster.resolve(ctx);
        Loaded loaded = load(root, sourceA, sourceB);
        LedgerDiff diff = LedgerDiffer.diff(loaded.a(), loaded.b());
        if (output.json) {
            printJson(root, diff, loaded.guidance());
        } else {
            printText(diff, loaded.guidance());
        }
        return CliMain.OK;
    }

    private Loaded load(RootOptions.Resolved root, LedgerSource sourceA, LedgerSource sourceB) throws Exception {
        LedgerObservationCache cache = LedgerObservationCache.openDefault();
        try (ObjectStore store = root.open()) {
            LedgerLoader loader = new LedgerLoader(store, root.location(), cache);
            LedgerCopy a;
            LedgerCopy b;
            try {
                a = loader.load(sourceA);
                b = loader.load(sourceB);
            } catch (LedgerLoader.LoadException e) {
                throw new CliFailure(CliMain.FINDINGS, e.getMessage());
            }
            for (LedgerCopy c : List.of(a, b)) {
                if (!observation.noRecord && c.origin().equals("current") && c.ledger().isPresent()) {
                    cache.record(root.location(), c.ledger().get());
                }
            }
            boolean aCurrent = sourceA instanceof LedgerSource.Current;
            if (aCurrent == sourceB instanceof LedgerSource.Current) {
                return new Loaded(a, b, Optional.empty());
            }
            ClusterSnapshot snapshot = ClusterReader.read(store, root.location(), Progress.NONE);
            RestoreGuidance guidance = RestoreGuidance.of(snapshot, aCurrent ? b : a, origin(aCurrent ? sourceB : sourceA, cache, root),
                    Optional.ofNullable(root.s3().endpoint()));
            return new Loaded(a, b, Optional.of(guidance));
        }
    }

    private void printJson(RootOptions.Resolved root, LedgerDiff diff, Optional<RestoreGuidance> guidance) {
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
    }

    private void printText(LedgerDiff diff, Optional<RestoreGuidance> guidance) {
        ctx.out().print(LedgerDiffReport.text(diff, !noRaw));
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
