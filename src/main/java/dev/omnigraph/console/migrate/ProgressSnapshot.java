package dev.omnigraph.console.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of a running phase (copy, verify): counts and bytes done out of the
 * total, throughput and ETA over a rolling window, the transfers in flight and the latest errors.
 *
 * @param state           running, paused (in-flight transfers finish, no new ones start), cancelling
 * @param objectsDone     objects finished (copied, or found already there)
 * @param failed          objects that failed after their retries
 * @param retries         attempts repeated so far
 * @param objectsPerSecond rolling-window rate
 * @param bytesPerSecond  rolling-window rate
 * @param eta             remaining time at the current rate, empty until a rate is known
 * @param current         transfers in flight (at most {@link #CURRENT_MAX})
 * @param recentErrors    the latest failures, newest last (at most {@link #ERRORS_MAX})
 */
public record ProgressSnapshot(MigrationPhase phase, State state, long objectsDone, long objectsTotal, long bytesDone, long bytesTotal,
                               long failed, long retries, double objectsPerSecond, double bytesPerSecond, Optional<Duration> eta,
                               Duration elapsed, List<Transfer> current, List<String> recentErrors) {
    public static final int CURRENT_MAX = 32;
    public static final int ERRORS_MAX = 20;

    public enum State { RUNNING, PAUSED, CANCELLING, FINISHED }

    /** One object in flight. */
    public record Transfer(String key, long bytesDone, long size, boolean serverSide, int attempt) {}

    public ProgressSnapshot {
        current = List.copyOf(current);
        recentErrors = List.copyOf(recentErrors);
    }

    /** 0..1 by bytes (by objects when there are no bytes to move). */
    public double fraction() {
        if (bytesTotal > 0) {
            return Math.min(1.0, (double) bytesDone / bytesTotal);
        }
        return objectsTotal > 0 ? Math.min(1.0, (double) objectsDone / objectsTotal) : 1.0;
    }
}
