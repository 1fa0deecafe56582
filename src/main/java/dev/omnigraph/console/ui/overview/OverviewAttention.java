package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.GraphLinkage;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Overview's Findings card lists besides the reader's diagnostics, so it never says "No
 * findings" while resources are drifted or a blob is orphaned: resources whose status is not
 * {@code applied}, orphan and changed catalog blobs, graph roots outside the ledger.
 */
final class OverviewAttention {
    private OverviewAttention() {}

    static List<Tagged> of(ClusterSnapshot s, Map<String, Long> statusCounts, int changedSinceVerified) {
        List<Tagged> out = new ArrayList<>();
        statusCounts.forEach((status, n) -> {
            if (!status.equals("applied") && !status.equals("no status")) {
                Tagged t = new Tagged(plural(n, "resource") + " " + status + " (see Ledger)", Severity.ofResourceStatus(status));
                out.add(t);
            }
        });
        long orphan = s.catalog().entries().stream().filter(e -> e.reference() == CatalogEntry.Reference.ORPHAN
                && dev.omnigraph.console.ui.common.Bundles.digestOf(e.key()).isEmpty()).count();
        var missingBundles = dev.omnigraph.console.ui.common.Bundles.missing(s.catalog());
        if (!missingBundles.isEmpty()) {
            out.add(Tagged.danger(plural(missingBundles.size(), "deployment bundle") + " the ledger references "
                    + (missingBundles.size() == 1 ? "is" : "are") + " missing (deployment_bundle_missing; see Catalog)"));
        }
        boolean v2 = s.ledgerIfPresent().map(l -> l.generation().isV2()).orElse(false);
        if (orphan > 0 && v2) {
            out.add(Tagged.neutral(plural(orphan, "catalog blob") + " superseded: not referenced by the applied revision "
                    + "(OmniGraph v0.13 keeps them)"));
        } else if (orphan > 0) {
            out.add(Tagged.info(plural(orphan, "catalog blob") + " orphan: not referenced by the ledger (see Catalog; GC can remove)"));
        }
        long missing = s.catalog().count(CatalogEntry.Reference.MISSING);
        if (missing > 0) {
            out.add(Tagged.danger(plural(missing, "catalog payload") + " missing: serving refuses (catalog_payload_missing)"));
        }
        if (changedSinceVerified > 0) {
            out.add(Tagged.warn(plural(changedSinceVerified, "catalog blob") + " changed since verified: verify again (see Catalog)"));
        }
        long outside = s.graphs().stream().filter(g -> g.linkage() != GraphLinkage.KNOWN).count();
        if (outside > 0) {
            out.add(Tagged.warn(plural(outside, "graph root") + " not linked to the ledger (see Graphs)"));
        }
        return List.copyOf(out);
    }

    static String plural(long n, String noun) {
        return Format.count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
