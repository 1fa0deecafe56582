package dev.omnigraph.console.cluster.diff;

import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import java.time.Instant;
import java.util.Optional;

/**
 * One side of a diff, summarized: where it came from and what identifies it.
 *
 * @param problem why the side is not a valid ledger (then only the raw diff is available)
 */
public record LedgerSide(String origin, String cas, int size, Optional<Long> revision, Optional<String> configDigest,
                         Optional<Instant> time, Optional<Diagnostic> problem) {

    public static LedgerSide of(LedgerCopy copy) {
        return new LedgerSide(copy.origin(), copy.cas(), copy.size(), copy.revision(),
                copy.ledger().map(Ledger::configDigest), copy.time(), copy.problem());
    }
}
