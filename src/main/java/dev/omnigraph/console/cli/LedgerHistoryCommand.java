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
import java.util.Set;

/**
 * {@code ledger history}: the ledger's versions in a versioned bucket, and the ledgers this console
 * observed earlier (its local cache), with the "since I last looked" pointer. Records the current
 * ledger in the cache (exact bytes, no secrets) unless {@code --no-record}.
 */
final class LedgerHistoryCommand implements Command {
    @Override
    public String name() {
        return "ledger history";
    }

    @Override
    public String summary() {
        return "list earlier ledgers: bucket versions, and the ledgers this console saw before (read-only)";
    }

    @Override
    public String usage() {
        return ClusterOptions.usage("ledger history (--root URI | --config DIR) [--limit N] [--no-record] [--json]") + """

                  --limit N            read revision and CAS of at most N bucket versions (default 20)
                  --no-record          do not add the current ledger to the local observation cache
                  --json               machine-readable output
                The observation cache is <home>/ledger-cache/ (home: -Domnigraph.console.home, default
                ~/.omnigraph-console). Compare two entries with 'ledger diff A B'.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return ClusterOptions.valued("limit");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "no-record");
    }

    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        int limit = args.intValue("limit", 20);
        if (limit < 0) {
            throw new Args.UsageException("--limit must not be negative");
        }
        if (!args.positionals().isEmpty()) {
            throw new Args.UsageException("unexpected argument '" + args.positionals().get(0) + "'");
        }
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        LedgerObservationCache cache = LedgerObservationCache.openDefault();
        HistoryAvailability availability;
        List<LedgerVersionDetails> versions = new ArrayList<>();
        int versionCount = 0;
        Optional<LedgerCopy> current;
        Optional<LedgerObservationCache.RecordOutcome> recorded = Optional.empty();
        try (ObjectStore store = root.open()) {
            current = new LedgerLoader(store, root.location(), cache).current();
            if (!args.flag("no-record") && current.isPresent() && current.get().ledger().isPresent()) {
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

        if (args.flag("json")) {
            Json.print(ctx.out(), json(root, cache, availability, versionCount, versions, cached, current, previous, recorded));
            return CliMain.OK;
        }
        var out = ctx.out();
        out.println("Cluster   " + root.location().name() + "  (" + root.uri().display() + ")");
        out.println("Current   " + current.map(c -> c.cas() + c.revision().map(r -> "  revision " + Long.toUnsignedString(r)).orElse("")
                + c.ledger().map(l -> "  " + LedgerSummary.of(l).text()).orElse("")
                + c.problem().map(p -> "  NOT A VALID LEDGER (" + p.code() + ")").orElse("")).orElse("no ledger"));
        if (availability.available()) {
            out.println("Versions  " + versionCount + " in the bucket" + (versionCount > versions.size()
                    ? " (details for the newest " + versions.size() + "; --limit for more)" : ""));
            for (LedgerVersionDetails d : versions) {
                LedgerVersion v = d.version();
                out.printf(Locale.ROOT, "  %-34s %s %10s  %-9s %s%s%s%n", v.versionId(), v.lastModified(),
                        v.deleteMarker() ? "deleted" : Format.bytes(v.size()),
                        d.revision().map(r -> "rev " + Long.toUnsignedString(r)).orElse("–"),
                        d.cas().map(Format::shortDigest).orElse(d.problem().orElse("")), v.latest() ? "  (current)" : "",
                        d.summary().map(x -> "\n      " + x.text()).orElse(""));
            }
        } else {
            out.println("Versions  history unavailable: " + availability.explanation() + ".");
        }
        out.println("Observed  " + cached.size() + " ledger(s) this console saw before, in " + cache.directory(root.location()));
        for (CachedLedger e : cached) {
            out.printf(Locale.ROOT, "  cache:%s  rev %-6s first seen %s, last seen %s, %s%s%n", e.hex().substring(0, 12),
                    e.revision() < 0 ? "?" : Long.toUnsignedString(e.revision()), e.firstSeen(), e.lastSeen(),
                    Format.bytes(e.size()), e.cas().equals(currentCas) ? "  (current)" : "");
        }
        recorded.filter(r -> r.kind() == LedgerObservationCache.RecordKind.REFUSED_SECRET
                || r.kind() == LedgerObservationCache.RecordKind.FAILED).ifPresent(r -> out.println("Note      " + r.message()));
        previous.ifPresent(p -> out.println("Since you last looked (" + p.lastSeen() + "): ledger diff cache:"
                + p.hex().substring(0, 12) + " current " + sourceOptions(args)));
        if (availability.available() && versions.size() > 1) {
            out.println("Compare   ledger diff " + versions.get(1).version().versionId() + " current " + sourceOptions(args)
                    + "   (also prints the exact conditional command to restore it)");
        }
        return CliMain.OK;
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

    static String sourceOptions(Args args) {
        return args.value("root").map(r -> "--root " + r).orElseGet(() -> "--config " + args.value("config").orElse("."));
    }

    private static Map<String, Object> json(RootOptions.Resolved root, LedgerObservationCache cache, HistoryAvailability availability,
                                            int versionCount, List<LedgerVersionDetails> versions, List<CachedLedger> cached,
                                            Optional<LedgerCopy> current, Optional<CachedLedger> previous,
                                            Optional<LedgerObservationCache.RecordOutcome> recorded) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("root", root.uri().display());
        out.put("current", current.map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state_cas", c.cas());
            m.put("state_revision", c.revision().orElse(null));
            m.put("valid", c.ledger().isPresent());
            c.ledger().ifPresent(l -> m.put("ledger", summaryJson(LedgerSummary.of(l))));
            return m;
        }).orElse(null));
        out.put("history_available", availability.available());
        out.put("availability", availability.name().toLowerCase(Locale.ROOT));
        out.put("explanation", availability.explanation());
        out.put("version_count", versionCount);
        List<Object> vs = new ArrayList<>();
        for (LedgerVersionDetails d : versions) {
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
            vs.add(m);
        }
        out.put("versions", vs);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("directory", cache.directory(root.location()).toString());
        c.put("recorded", recorded.map(r -> r.kind().name().toLowerCase(Locale.ROOT)).orElse(null));
        List<Object> es = new ArrayList<>();
        for (CachedLedger e : cached) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state_cas", e.cas());
            m.put("state_revision", e.revision() < 0 ? null : e.revision());
            m.put("size", e.size());
            m.put("first_seen", e.firstSeen().toString());
            m.put("last_seen", e.lastSeen().toString());
            es.add(m);
        }
        c.put("entries", es);
        out.put("observation_cache", c);
        out.put("since_last_look", previous.map(CachedLedger::cas).orElse(null));
        return out;
    }
}
