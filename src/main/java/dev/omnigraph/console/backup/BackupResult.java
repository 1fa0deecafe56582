package dev.omnigraph.console.backup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What taking a restore point did.
 *
 * @param outcome        created, refused (nothing written at the root), or failed (the point is incomplete; a re-run continues)
 * @param message        one sentence for the admin
 * @param point          the manifest, when created
 * @param pointId        the point's id, once one was started
 * @param failures       objects that could not be stored, with why
 * @param lockProblem    set when the lock could not be put back as it was
 * @param objectsCopied  objects written to the location by this run (the rest were already stored)
 */
public record BackupResult(Outcome outcome, String message, Optional<RestorePoint> point, Optional<String> pointId, List<String> failures,
                           Optional<String> lockProblem, long objectsCopied, long bytesCopied, long objectsReused, Duration took) {
    public enum Outcome { CREATED, REFUSED, FAILED }

    public BackupResult {
        failures = List.copyOf(failures);
    }

    static BackupResult refused(String message) {
        return new BackupResult(Outcome.REFUSED, message, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), 0, 0, 0,
                Duration.ZERO);
    }

    public boolean ok() {
        return outcome == Outcome.CREATED && lockProblem.isEmpty();
    }

    BackupResult withLockProblem(Optional<String> problem) {
        return new BackupResult(outcome, message, point, pointId, failures, problem, objectsCopied, bytesCopied, objectsReused, took);
    }
}
