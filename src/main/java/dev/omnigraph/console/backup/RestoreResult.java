package dev.omnigraph.console.backup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a restore did.
 *
 * @param outcome     restored (the ledger was written last), already (the target held exactly this point),
 *                    refused (nothing written), failed (objects missing; a re-run continues)
 * @param copied      objects written to the target by this run
 * @param present     objects the target already held byte-identical
 * @param lockProblem set when our lock at the target could not be released
 */
public record RestoreResult(Outcome outcome, String message, long copied, long copiedBytes, long present, List<String> failures,
                            Optional<String> lockProblem, Duration took) {
    public enum Outcome { RESTORED, ALREADY, REFUSED, FAILED }

    public RestoreResult {
        failures = List.copyOf(failures);
    }

    static RestoreResult refused(String message) {
        return new RestoreResult(Outcome.REFUSED, message, 0, 0, 0, List.of(), Optional.empty(), Duration.ZERO);
    }

    public boolean ok() {
        return (outcome == Outcome.RESTORED || outcome == Outcome.ALREADY) && lockProblem.isEmpty();
    }

    RestoreResult withLockProblem(Optional<String> problem) {
        return new RestoreResult(outcome, message, copied, copiedBytes, present, failures, problem, took);
    }
}
