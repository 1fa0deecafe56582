package dev.omnigraph.console.migrate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Throughput over the last few seconds (not since the start, so a pause or a slow patch shows up
 * and then fades), and the ETA it implies. Samples are cumulative counters with their time.
 */
final class RateWindow {
    private record Sample(long nanos, long objects, long bytes) {}

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RateWindow(Duration window) {
        this.windowNanos = window.toNanos();
    }

    synchronized void sample(long nanos, long objects, long bytes) {
        samples.addLast(new Sample(nanos, objects, bytes));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** Objects per second and bytes per second over the window; zeros until two samples span time. */
    synchronized double[] rates() {
        if (samples.size() < 2) {
            return new double[] {0, 0};
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        if (seconds <= 0) {
            return new double[] {0, 0};
        }
        return new double[] {(last.objects() - first.objects()) / seconds, (last.bytes() - first.bytes()) / seconds};
    }

    /**
     * Remaining time: the slower of "bytes left at the byte rate" and "objects left at the object
     * rate" (small objects are bound by requests, large ones by bandwidth). Empty without a rate.
     */
    Optional<Duration> eta(long objectsLeft, long bytesLeft) {
        double[] r = rates();
        double byObjects = objectsLeft <= 0 ? 0 : r[0] > 0 ? objectsLeft / r[0] : Double.NaN;
        double byBytes = bytesLeft <= 0 ? 0 : r[1] > 0 ? bytesLeft / r[1] : Double.NaN;
        if (Double.isNaN(byObjects) && Double.isNaN(byBytes)) {
            return Optional.empty();
        }
        double seconds = Math.max(Double.isNaN(byObjects) ? 0 : byObjects, Double.isNaN(byBytes) ? 0 : byBytes);
        return Optional.of(Duration.ofMillis((long) (seconds * 1000)));
    }
}
