package dev.omnigraph.console.migrate;

import java.util.List;
import java.util.Optional;

/**
 * Phase 6's result.
 *
 * @param status        whether the destination is now authoritative
 * @param message       one sentence for the admin
 * @param ledgerCas     the CAS of the ledger bytes written (equal to the source's)
 * @param lockProblem   present when the source lock could not be released: names the force-unlock command
 * @param sourceLock    on a v0.13 source after a cutover: the {@code migrated} lock left there (or why it could not be)
 */
public record CutoverResult(Status status, String message, String ledgerCas, Optional<String> lockProblem, List<String> warnings,
                            Optional<MigratedLock> sourceLock) {

    public enum Status {
        /** We wrote the ledger: the destination is authoritative. */
        AUTHORITATIVE,
        /** The ledger was already there with exactly our bytes (a concurrent run of the same migration). */
        ALREADY_AUTHORITATIVE,
        /** Refused: nothing was written at the destination. */
        ABORTED
    }

    public CutoverResult {
        warnings = List.copyOf(warnings);
        sourceLock = sourceLock == null ? Optional.empty() : sourceLock;
    }

    public CutoverResult(Status status, String message, String ledgerCas, Optional<String> lockProblem, List<String> warnings) {
        this(status, message, ledgerCas, lockProblem, warnings, Optional.empty());
    }

    public boolean authoritative() {
        return status != Status.ABORTED;
    }
}
