package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.GraphLinkage;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.SidecarImpact;
import dev.omnigraph.console.cluster.model.ApprovalState;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.ResourceStatusRecord;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.LockStatus;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.session.CatalogVerdicts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the Overview shows, derived from one snapshot (plus the last catalog verification):
 * root, storage kind, revision, applied config digest, resource counts by status, the lock badge,
 * pending approvals, recovery sidecars and what they block, catalog integrity, graph totals and
 * diagnostics. Pure data, computed without a toolkit.
 *
 * @param statusCounts status name → resources with it ("no status" for resources without a record)
 * @param sidecars     one line per pending sidecar: what it is and what it blocks
 * @param attention    what needs a look besides the reader's diagnostics: resources not applied,
 *                     orphan or changed catalog blobs, graphs outside the ledger
 * @param freshness    "read in full … / checked … · nothing changed", or the last refresh failure
 * @param generation   the ledger's generation, counters, outstanding deployment and schema contracts (when readable)
 */
public record OverviewModel(String name, String root, String storageKind, String configDir, Tagged ledger, String revision,
                            String configDigest, String cas, int resources, Map<String, Long> statusCounts, LockStatus lock,
                            long pendingApprovals, long invalidApprovals, List<String> sidecars, Tagged catalog,
                            String catalogDetail, long graphs, long graphObjects, long graphBytes, long graphsNeedingAttention,
                            List<Diagnostic> diagnostics, String readSummary, List<Tagged> attention, Tagged freshness,
                            java.util.Optional<LedgerGenerationFacts> generation) {

    /** Without the live-check line (tests and callers that only need the snapshot's facts). */
    public static OverviewModel of(ClusterSnapshot s, CatalogVerifier.Report verified, Instant now, Duration staleAfter, String readSummary) {
        return of(s, verified, now, staleAfter, readSummary, Tagged.neutral(readSummary));
    }

    /**
     * @param verified  the session's last catalog report; only verdicts still describing the bytes
     *                  {@code s} lists count ({@link CatalogVerdicts})
     * @param freshness when the cluster was last checked and whether that worked, for the heading
     */
    public static OverviewModel of(ClusterSnapshot s, CatalogVerifier.Report verified, Instant now, Duration staleAfter, String readSummary,
                                   Tagged freshness) {
        Ledger ledger = s.ledgerIfPresent().orElse(null);
        Map<String, Long> counts = statusCounts(ledger);
        long pending = s.approvals().stream().filter(a -> a.parse().artifact().map(x -> x.state() == ApprovalState.PENDING).orElse(false))
                .count();
        long invalidApprovals = s.approvals().stream().filter(a -> !a.parse().isValid()).count();
        int changedSinceVerified = CatalogVerdicts.changedSince(verified, s).size();
        Tagged catalog = catalogBadge(s, CatalogVerdicts.current(verified, s), changedSinceVerified);
        long attention = s.graphs().stream().filter(g -> g.linkage() != GraphLinkage.KNOWN).count();
        return new OverviewModel(s.location().name(), s.location().root().display(), s.location().root().kind(),
                s.location().configDir().map(Object::toString).orElse(null), ledgerBadge(s),
                ledger == null ? "–" : Long.toUnsignedString(ledger.stateRevision()),
                ledger == null || ledger.configDigest() == null ? "–" : ledger.configDigest(), ledger == null ? "–" : ledger.cas(),
                ledger == null ? 0 : ledger.resources().size(), counts, LockStatus.of(s, now, staleAfter), pending,
                invalidApprovals, sidecarLines(s), catalog, catalogDetail(s), s.graphs().size(), s.graphObjects(), s.graphBytes(),
                attention, s.diagnostics(), readSummary, OverviewAttention.of(s, counts, changedSinceVerified), freshness,
                LedgerGenerationFacts.of(s));
    }

    private static Tagged ledgerBadge(ClusterSnapshot s) {
        return switch (s.ledger()) {
            case LedgerState.Present p -> Tagged.ok("Ledger readable");
            case LedgerState.Missing m -> Tagged.warn("No ledger at this root");
            case LedgerState.Unreadable u -> Tagged.danger("Ledger unreadable: " + u.diagnostic().code());
        };
    }

    /** Resources per status name: "applied" first, then the rest alphabetically; empty without a ledger. */
    private static Map<String, Long> statusCounts(Ledger ledger) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (ledger == null) {
            return counts;
        }
        Map<String, Long> sorted = new TreeMap<>();
        for (String address : ledger.resources().keySet()) {
            ResourceStatusRecord r = ledger.resourceStatuses().get(address);
            sorted.merge(r == null ? "no status" : r.status().wireName(), 1L, Long::sum);
        }
        if (sorted.containsKey("applied")) {
            counts.put("applied", sorted.remove("applied"));
        }
        counts.putAll(sorted);
        return counts;
    }

    /** One line per recovery sidecar: what it blocks, or that it is unreadable. */
    private static List<String> sidecarLines(ClusterSnapshot s) {
        List<String> sidecars = new ArrayList<>();
        for (var r : s.recoveries()) {
            r.parse().artifact().ifPresentOrElse(sc -> {
                SidecarImpact impact = SidecarImpact.of(sc, s.ledgerIfPresent());
                sidecars.add(sc.kind().wireName() + " of graph " + sc.graphId() + " — blocks " + impact.blockedAddresses().size()
                        + " resource" + (impact.blockedAddresses().size() == 1 ? "" : "s") + "; serving quarantines " + sc.graphId());
            }, () -> sidecars.add(r.stem() + ".json is unreadable: serving refuses to start"));
        }
        return List.copyOf(sidecars);
    }

    /** "12 live · 3 orphan · 0 missing · 1 deployment bundle · 4.2 MB". */
    private static String catalogDetail(ClusterSnapshot s) {
        long live = s.catalog().count(CatalogEntry.Reference.LIVE);
        long bundles = s.catalog().entries().stream().filter(e -> dev.omnigraph.console.ui.common.Bundles.digestOf(e.key()).isPresent())
                .count();
        long orphan = s.catalog().entries().stream().filter(e -> e.reference() == CatalogEntry.Reference.ORPHAN && !e.isBundle()).count();
        long missing = s.catalog().count(CatalogEntry.Reference.MISSING);
        return Format.count(live) + " live · " + Format.count(orphan) + " orphan · " + Format.count(missing) + " missing · "
                + (bundles > 0 ? Format.count(bundles) + (bundles == 1 ? " deployment bundle · " : " deployment bundles · ") : "")
                + Format.bytes(s.catalog().bytes());
    }

    /** The catalog's verdict from the verdicts that still describe these bytes ({@code verified}, null before any). */
    private static Tagged catalogBadge(ClusterSnapshot s, CatalogVerifier.Report verified, int changedSinceVerified) {
        long missing = s.catalog().count(CatalogEntry.Reference.MISSING);
        if (verified == null) {
            return missing > 0 ? Tagged.danger(Format.count(missing) + " missing payload" + (missing == 1 ? "" : "s"))
                    : Tagged.neutral("Not verified yet");
        }
        long tampered = verified.count(CatalogIntegrity.TAMPERED);
        long bad = verified.liveProblems().size();
        long verifiedCount = verified.count(CatalogIntegrity.VERIFIED);
        long present = s.catalog().entries().size() - missing;
        return tampered > 0 ? Tagged.danger(Format.count(tampered) + " tampered")
                : bad > 0 ? Tagged.danger(Format.count(bad) + " live payload problem" + (bad == 1 ? "" : "s"))
                : changedSinceVerified > 0 ? Tagged.warn(Format.count(changedSinceVerified) + " changed since verified")
                : verifiedCount < present ? Tagged.neutral(Format.count(verifiedCount) + " of " + Format.count(present) + " verified")
                : Tagged.ok("All " + Format.count(verifiedCount) + " verified");
    }
}
