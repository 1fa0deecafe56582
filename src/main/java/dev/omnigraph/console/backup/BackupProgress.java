package dev.omnigraph.console.backup;

import java.time.Duration;
import java.util.Optional;

/**
 * An immutable picture of a running backup, restore or verify.
 *
 * @param task            what runs: {@code backup}, {@code restore}, {@code verify}, {@code plan}
 * @param objectsDone     objects finished (copied, found already stored, or checked)
 * @param bytesDone       their bytes
 * @param objectsCopied   objects whose bytes were written
 * @param bytesCopied     bytes written
 * @param failed          objects that failed after their retries
 * @param bytesPerSecond  over the last few seconds
 * @param eta             remaining time at the current rate, empty until a rate is known
 */
public record BackupProgress(String task, long objectsDone, long objectsTotal, long bytesDone, long bytesTotal, long objectsCopied,
                             long bytesCopied, long failed, double objectsPerSecond, double bytesPerSecond, Optional<Duration> eta,
                             Duration elapsed, boolean paused, boolean finished) {

    /** 0..1 by bytes (by objects when there are no bytes). */
    public double fraction() {
        if (bytesTotal > 0) {
            return Math.min(1.0, (double) bytesDone / bytesTotal);
        }
        return objectsTotal > 0 ? Math.min(1.0, (double) objectsDone / objectsTotal) : 1.0;
    }
}
