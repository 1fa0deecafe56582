package dev.omnigraph.console.cluster.gc;

import dev.omnigraph.console.cluster.ClusterLocation;
import java.util.List;
import java.util.Optional;

/**
 * The dry run of a catalog GC: what would be deleted and what is kept. Building it changes nothing.
 *
 * @param ledgerCas  the ledger the listing was checked against
 * @param candidates orphaned blobs that would be deleted, in key order
 * @param kept       orphaned (or stray) objects that are kept, with why
 * @param blockers   reasons nothing at all can be collected now
 * @param lockHolder who holds the cluster lock at planning time, when someone does (deleting needs it)
 */
public record GcPlan(ClusterLocation location, Optional<String> ledgerCas, List<GcCandidate> candidates, List<KeptBlob> kept,
                     List<String> blockers, Optional<String> lockHolder) {
    public GcPlan {
        candidates = List.copyOf(candidates);
        kept = List.copyOf(kept);
        blockers = List.copyOf(blockers);
    }

    public long candidateBytes() {
        return candidates.stream().mapToLong(GcCandidate::size).sum();
    }

    /** What an admin types to confirm a deletion: the cluster's name. */
    public String confirmationPhrase() {
        return location.name();
    }
}
