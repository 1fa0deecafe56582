package dev.omnigraph.console.backup;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters of one task, turned into {@link BackupProgress} snapshots with a rate over the last ten seconds. */
final class ProgressCounter {
    private static final long WINDOW_NANOS = 10_000_000_000L;

    private record Sample(long nanos, long objects, long bytes) {}

    private final String task;
    private final long objectsTotal;
    private final long bytesTotal;
    private final long started = System.nanoTime();
    private final Deque<Sample> samples = new ArrayDeque<>();
    final AtomicLong objectsDone = new AtomicLong();
    final AtomicLong bytesDone = new AtomicLong();
    final AtomicLong objectsCopied = new AtomicLong();
    final AtomicLong bytesCopied = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    ProgressCounter(String task, long objectsTotal, long bytesTotal) {
        this.task = task;
        this.objectsTotal = objectsTotal;
        this.bytesTotal = bytesTotal;
    }

    void done(long size, boolean copied) {
        objectsDone.incrementAndGet();
        bytesDone.addAndGet(size);
        if (copied) {
            objectsCopied.incrementAndGet();
            bytesCopied.addAndGet(size);
        }
    }

    synchronized BackupProgress snapshot(boolean paused, boolean finished) {
        long now = System.nanoTime();
        long objects = objectsDone.get();
        long bytes = bytesDone.get();
        samples.addLast(new Sample(now, objects, bytes));
        while (samples.size() > 2 && now - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
        Sample first = samples.peekFirst();
        double seconds = (now - first.nanos()) / 1e9;
        double objectRate = seconds > 0 ? (objects - first.objects()) / seconds : 0;
        double byteRate = seconds > 0 ? (bytes - first.bytes()) / seconds : 0;
        Optional<Duration> eta = finished ? Optional.of(Duration.ZERO) : eta(objectsTotal - objects, bytesTotal - bytes, objectRate, byteRate);
        return new BackupProgress(task, objects, objectsTotal, bytes, bytesTotal, objectsCopied.get(), bytesCopied.get(), failed.get(),
                objectRate, byteRate, eta, Duration.ofNanos(now - started), paused, finished);
    }

    /** The slower of "objects left at the object rate" and "bytes left at the byte rate"; empty without a rate. */
    private static Optional<Duration> eta(long objectsLeft, long bytesLeft, double objectRate, double byteRate) {
        if (objectRate <= 0 && byteRate <= 0) {
            return Optional.empty();
        }
        double byObjects = objectsLeft <= 0 ? 0 : objectRate > 0 ? objectsLeft / objectRate : 0;
        double byBytes = bytesLeft <= 0 ? 0 : byteRate > 0 ? bytesLeft / byteRate : 0;
        return Optional.of(Duration.ofMillis((long) (Math.max(byObjects, byBytes) * 1000)));
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
