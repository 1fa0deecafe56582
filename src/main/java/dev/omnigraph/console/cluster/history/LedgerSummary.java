package dev.omnigraph.console.cluster.history;

import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;

/**
 * One line about a ledger's generation and deployments, for history listings: e.g.
 * {@code v2 · next seq 5 · result rev 3 · 3 results · outstanding …:4:…} or {@code v1}.
 *
 * @param generation     {@code v1}, {@code v2_v012_shape} or {@code v2}
 * @param nextSequence   next sequence, or null for v1
 * @param resultRevision result revision, or null for v1
 * @param results        retained results
 * @param outstandingId  the outstanding deployment id, or null
 */
public record LedgerSummary(String generation, Long nextSequence, Long resultRevision, int results, String outstandingId) {

    public static LedgerSummary of(Ledger ledger) {
        return new LedgerSummary(ledger.generation().wireName(),
                ledger.nextSequence().isPresent() ? ledger.nextSequence().getAsLong() : null,
                ledger.resultRevision().isPresent() ? ledger.resultRevision().getAsLong() : null,
                ledger.deploymentResults().size(), ledger.outstanding().map(OutstandingDeployment::id).orElse(null));
    }

    /** One line. */
    public String text() {
        if (nextSequence == null) {
            return generation;
        }
        return generation + " · next seq " + Long.toUnsignedString(nextSequence) + " · result rev "
                + Long.toUnsignedString(resultRevision) + " · " + results + " result(s)"
                + (outstandingId == null ? "" : " · outstanding " + outstandingId);
    }
}
