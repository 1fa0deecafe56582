package dev.omnigraph.console.migrate;

import java.time.Duration;
import java.util.List;

/**
 * Phase 4's result, from the engine's own counters.
 *
 * @param copied        objects this run wrote (server-side or streamed)
 * @param serverSide    of those, copied by the server (CopyObject)
 * @param alreadyThere  objects found already identical while resolving a refused precondition or an unknown outcome
 * @param failed        objects that failed after their retries (they block cutover)
 * @param retries       attempts repeated
 * @param failures      the failures, one sentence each (capped at {@link ProgressSnapshot#ERRORS_MAX} × 5)
 * @param serverSideReadBack of {@code serverSide}, copied on an endpoint that did not prove copy preconditions (new objects
 *                      only), each checked by the ETag its copy returned (the source listing's); verify then checks size and
 *                      ETag in a fresh listing
 */
public record CopyResult(Status status, long copied, long copiedBytes, long serverSide, long alreadyThere, long failed, long retries,
                         List<String> failures, Duration took, long serverSideReadBack) {

    public CopyResult(Status status, long copied, long copiedBytes, long serverSide, long alreadyThere, long failed, long retries,
                      List<String> failures, Duration took) {
        this(status, copied, copiedBytes, serverSide, alreadyThere, failed, retries, failures, took, 0);
    }

    public enum Status { COMPLETED, FAILED, CANCELLED }

    public CopyResult {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return status == Status.COMPLETED && failed == 0;
    }

    public double bytesPerSecond() {
        double s = took.toNanos() / 1e9;
        return s <= 0 ? 0 : copiedBytes / s;
    }

    public double objectsPerSecond() {
        double s = took.toNanos() / 1e9;
        return s <= 0 ? 0 : (copied + alreadyThere) / s;
    }
}
