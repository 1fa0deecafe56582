package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ties integrity verdicts to the bytes they were computed from. A verdict holds the listing of the
 * blob it hashed (ETag, size, modification time); it counts for a snapshot only while that
 * snapshot lists the same key with the same identity. A blob rewritten since (even back to its
 * original bytes) is "not verified since it changed" until it is hashed again.
 */
public final class CatalogVerdicts {
    private CatalogVerdicts() {}

    /** The verdicts of {@code report} that still describe the bytes {@code snapshot} lists; null stays null. */
    public static CatalogVerifier.Report current(CatalogVerifier.Report report, ClusterSnapshot snapshot) {
        if (report == null || snapshot == null) {
            return report;
        }
        Map<String, CatalogEntry> now = byKey(snapshot);
        List<CatalogVerifier.Result> kept = new ArrayList<>();
        for (CatalogVerifier.Result r : report.results()) {
            CatalogEntry e = now.get(r.entry().key());
            if (e != null && stillDescribes(r, e)) {
                kept.add(r);
            }
        }
        return new CatalogVerifier.Report(List.copyOf(kept));
    }

    /** Keys still in {@code snapshot} whose bytes changed since {@code report} judged them. */
    public static Set<String> changedSince(CatalogVerifier.Report report, ClusterSnapshot snapshot) {
        Set<String> out = new TreeSet<>();
        if (report == null || snapshot == null) {
            return out;
        }
        Map<String, CatalogEntry> now = byKey(snapshot);
        for (CatalogVerifier.Result r : report.results()) {
            CatalogEntry e = now.get(r.entry().key());
            if (e != null && e.blob().isPresent() && !stillDescribes(r, e)) {
                out.add(e.key());
            }
        }
        return out;
    }

    /** Whether verdict {@code r} was computed from the bytes {@code now} lists. */
    public static boolean stillDescribes(CatalogVerifier.Result r, CatalogEntry now) {
        if (r.entry().blob().isEmpty() || now.blob().isEmpty()) {
            return r.entry().blob().isEmpty() && now.blob().isEmpty();
        }
        return CatalogWatch.sameBytes(r.entry().blob().get(), now.blob().get());
    }

    /** {@code report} with {@code result} replacing the verdict for its key (added when absent). */
    public static CatalogVerifier.Report with(CatalogVerifier.Report report, CatalogVerifier.Result result) {
        List<CatalogVerifier.Result> out = new ArrayList<>();
        boolean replaced = false;
        if (report != null) {
            for (CatalogVerifier.Result r : report.results()) {
                if (r.entry().key().equals(result.entry().key())) {
                    out.add(result);
                    replaced = true;
                } else {
                    out.add(r);
                }
            }
        }
        if (!replaced) {
            out.add(result);
        }
        return new CatalogVerifier.Report(List.copyOf(out));
    }

    private static Map<String, CatalogEntry> byKey(ClusterSnapshot s) {
        Map<String, CatalogEntry> m = new HashMap<>();
        s.catalog().entries().forEach(e -> m.put(e.key(), e));
        return m;
    }
}
