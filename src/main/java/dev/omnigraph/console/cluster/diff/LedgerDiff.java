package dev.omnigraph.console.cluster.diff;

import java.util.Optional;

/**
 * The full comparison of two ledgers: both sides' identity, the structural diff when both parse,
 * and the raw line diff of the two JSON texts (always available, secrets masked).
 *
 * @param structure               entry-by-entry changes, when both sides are valid ledgers
 * @param structureUnavailable    why there is no structural diff, when there is none
 */
public record LedgerDiff(LedgerSide a, LedgerSide b, Optional<StructuralDiff> structure,
                         Optional<String> structureUnavailable, TextDiff raw) {

    /** Same bytes: nothing at all differs. */
    public boolean sameBytes() {
        return a.cas().equals(b.cas());
    }
}
