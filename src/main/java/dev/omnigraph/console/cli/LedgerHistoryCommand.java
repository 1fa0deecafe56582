package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.history.CachedLedger;
import dev.omnigraph.console.cluster.history.HistoryAvailability;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.history.LedgerHistory;
import dev.omnigraph.console.cluster.history.LedgerLoader;
import dev.omnigraph.console.cluster.history.LedgerObservationCache;
import dev.omnigraph.console.cluster.history.LedgerSummary;
import dev.omnigraph.console.cluster.history.LedgerVersion;
import dev.omnigraph.console.cluster.history.LedgerVersionDetails;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ledger history}: the ledger's versions in a versioned bucket, and the ledgers this console
 * observed earlier (its local cache), with the "since I last looked" pointer. Records the current
 * ledger in the cache (exact bytes, no secrets) unless {@code --no-record}.
 */
@Command(name = "history", description = "list earlier ledgers: bucket versions, and the ledgers this console saw before (read-only)",
        customSynopsis = "omnigraph-console ledger history (--root URI | --config DIR) [--limit N] [--no-record] [--json] [S3 options]",
        footer = {"",
            "The observation cache is <home>/ledger-cache/ (home: -Domnigraph.console.home, default",
            "~/.omnigraph-console). Compare two entries with 'ledger diff A B'."})
final class LedgerHistoryCommand extends CliCommand {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "read revision and CAS of at most N bucket versions (default 20)")
    int limit;

    @Mixin
    ObservationOption observation;

    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    LedgerHistoryCommand(CliContext ctx) {
        super(ctx);
    }

    /** What the root and the cache hold: the bucket's versions (up to the limit), the current ledger, earlier observations. */
    private record Observed(HistoryAvailability availability, int versionCount, List<LedgerVersionDetails> versions,
                            Optional<LedgerCopy> current, Optional<LedgerObservationCache.RecordOutcome> recorded,
                            List<CachedLedger> cached, Optional<CachedLedger> previous) {
        String currentCas() {
            return current.map(LedgerCopy::cas).orElse(null);
        }
    }

    @Override
    int run() throws Exception {
        if (limit < 0) {
            throw new UsageException("--limit must not be negative");
        }
        RootOptions.Resolved root = cluster.resolve(ctx);
        LedgerObservationCache cache = LedgerObservationCache.openDefault();
        Observed observed = observe(root, cache);
        if (output.json) {
            Json.print(ctx.out(), json(root, cache, observed));
        } else {
            print(root, cache, observed);
        }
        return CliMain.OK;
    }

    private Observed observe(RootOptions.Resolved root, LedgerObservationCache cache) throws Exception {
        HistoryAvailability availability;
        List<LedgerVersionDetails> versions = new ArrayList<>();
        int versionCount = 0;
        Optional<LedgerCopy> current;
        Optional<LedgerObservationCache.RecordOutcome> recorded = Optional.empty();
        try (ObjectStore store = root.open()) {
            current = new LedgerLoader(store, root.location(), cache).current();
            if (!observation.noRecord && current.isPresent() && current.get().ledger().isPresent()) {
                recorded = Optional.of(cache.record(root.location(), current.get().ledger().get()));
            }
            availability = LedgerHistory.availability(store);
            if (availability.available()) {
                List<LedgerVersion> listed = LedgerHistory.versions(store);
                versionCount = listed.size();
                for (LedgerVersion v : listed.subList(0, Math.min(limit, listed.size()))) {
                    versions.add(LedgerHistory.details(store, v));
                }
            }
        }
        List<CachedLedger> cached = cache.entries(root.location());
        String currentCas = current.map(LedgerCopy::cas).orElse(null);
        Optional<CachedLedger> previous = currentCas == null ? Optional.empty()
                : cached.stream().filter(e -> !e.cas().equals(currentCas)).findFirst();
        return new Observed(availability, versionCount, versions, current, recorded, cached, previous);
    }

    private void print(RootOptions.Resolved root, LedgerObservationCache cache, Observed o) {
        var out = ctx.out();
        out.println("Cluster   " + root.location().name() + "  (" + root.uri().display() + ")");
        out.println("Current   " + o.current().map(c -> c.cas() + c.revision().map(r -> "  revision " + Long.toUnsignedString(r)).orElse("")
                + c.ledger().map(l -> "  " + LedgerSummary.of(l).text()).orElse("")
                + c.problem().map(p -> "  NOT A VALID LEDGER (" + p.code() + ")").orElse("")).orElse("no ledger"));
        if (o.availability().available()) {
            out.println("Versions  " + o.versionCount() + " in the bucket" + (o.versionCount() > o.versions().size()
                    ? " (details for the newest " + o.versions().size() + "; --limit for more)" : ""));
            o.versions().forEach(d -> printVersion(d));
        } else {
            out.println("Versions  history unavailable: " + o.availability().explanation() + ".");
        }
        out.println("Observed  " + o.cached().size() + " ledger(s) this console saw before, in " + cache.directory(root.location()));
        for (CachedLedger e : o.cached()) {
            out.printf(Locale.ROOT, "  cache:%s  rev %-6s first seen %s, last seen %s, %s%s%n", e.hex().substring(0, 12),
                    e.revision() < 0 ? "?" : Long.toUnsignedString(e.revision()), e.firstSeen(), e.lastSeen(),
                    Format.bytes(e.size()), e.cas().equals(o.currentCas()) ? "  (current)" : "");
        }
        o.recorded().filter(r -> r.kind() == LedgerObservationCache.RecordKind.REFUSED_SECRET
                || r.kind() == LedgerObservationCache.RecordKind.FAILED).ifPresent(r -> out.println("Note      " + r.message()));
        o.previous().ifPresent(p -> out.println("Since you last looked (" + p.lastSeen() + "): ledger diff cache:"
                + p.hex().substring(0, 12) + " current " + cluster.asArguments()));
        if (o.availability().available() && o.versions().size() > 1) {
            out.println("Compare   ledger diff " + o.versions().get(1).version().versionId() + " current " + cluster.asArguments()
                    + "   (also prints the exact conditional command to restore it)");
        }
    }

    private void printVersion(LedgerVersionDetails d) {
        LedgerVersion v = d.version();
        ctx.out().printf(Locale.ROOT, "  %-34s %s %10s  %-9s %s%s%s%n", v.versionId(), v.lastModified(),
                v.deleteMarker() ? "deleted" : Format.bytes(v.size()),
                d.revision().map(r -> "rev " + Long.toUnsignedString(r)).orElse("–"),
                d.cas().map(Format::shortDigest).orElse(d.problem().orElse("")), v.latest() ? "  (current)" : "",
                d.summary().map(x -> "\n      " + x.text()).orElse(""));
    }

    private static Map<String, Object> summaryJson(LedgerSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", s.generation());
        m.put("next_sequence", s.nextSequence());
        m.put("result_revision", s.resultRevision());
        m.put("retained_results", s.results());
        m.put("outstanding_id", s.outstandingId());
        return m;
    }

    private static Map<String, Object> json(RootOptions.Resolved root, LedgerObservationCache cache, Observed o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("root", root.uri().display());
        out.put("current", o.current().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state_cas", c.cas());
            m.put("state_revision", c.revision().orElse(null));
            m.put("valid", c.ledger().isPresent());
            c.ledger().ifPresent(l -> m.put("ledger", summaryJson(LedgerSummary.of(l))));
            return m;
        }).orElse(null));
        out.put("history_available", o.availability().available());
        out.put("availability", o.availability().name().toLowerCase(Locale.ROOT));
        out.put("explanation", o.availability().explanation());
        out.put("version_count", o.versionCount());
        out.put("versions", o.versions().stream().map(LedgerHistoryCommand::versionJson).toList());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("directory", cache.directory(root.location()).toString());
        c.put("recorded", o.recorded().map(r -> r.kind().name().toLowerCase(Locale.ROOT)).orElse(null));
        c.put("entries", o.cached().stream().map(LedgerHistoryCommand::cachedJson).toList());
        out.put("observation_cache", c);
        out.put("since_last_look", o.previous().map(CachedLedger::cas).orElse(null));
        return out;
    }

    private static Map<String, Object> versionJson(LedgerVersionDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version_id", d.version().versionId());
        m.put("last_modified", d.version().lastModified().toString());
        m.put("size", d.version().size());
        m.put("etag", d.version().etag());
        m.put("latest", d.version().latest());
        m.put("delete_marker", d.version().deleteMarker());
        m.put("state_revision", d.revision().orElse(null));
        m.put("state_cas", d.cas().orElse(null));
        m.put("problem", d.problem().orElse(null));
        m.put("ledger", d.summary().map(LedgerHistoryCommand::summaryJson).orElse(null));
        return m;
    }

    private static Map<String, Object> cachedJson(CachedLedger e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state_cas", e.cas());
        m.put("state_revision", e.revision() < 0 ? null : e.revision());
        m.put("size", e.size());
        m.put("first_seen", e.firstSeen().toString());
        m.put("last_seen", e.lastSeen().toString());
        return m;
    }
}
