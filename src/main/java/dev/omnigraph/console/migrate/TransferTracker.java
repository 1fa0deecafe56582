package dev.omnigraph.console.migrate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counters of a copy or verify phase, updated by the workers, and turned into immutable
 * {@link ProgressSnapshot}s by a ticker. Bytes of an attempt that is retried are taken back, so
 * "bytes done" never counts an object twice.
 */
final class TransferTracker {
    /** One object in flight; its byte count moves as parts or buffers go out. */
    static final class Live {
        final String key;
        final long size;
        final long started = System.nanoTime();
        final AtomicLong bytes = new AtomicLong();
        volatile boolean serverSide;
        volatile int attempt = 1;

        Live(String key, long size) {
            this.key = key;
            this.size = size;
        }
    }

    private final MigrationPhase phase;
    private final long objectsTotal;
    private final long bytesTotal;
    private final long startedNanos = System.nanoTime();
    private final RateWindow window = new RateWindow(Duration.ofSeconds(10));
    private final Set<Live> inFlight = ConcurrentHashMap.newKeySet();
    private final Deque<String> errors = new ArrayDeque<>();
    final AtomicLong objectsDone = new AtomicLong();
    final AtomicLong bytesDone = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retries = new AtomicLong();

    TransferTracker(MigrationPhase phase, long objectsTotal, long bytesTotal) {
        this.phase = phase;
        this.objectsTotal = objectsTotal;
        this.bytesTotal = bytesTotal;
        window.sample(startedNanos, 0, 0);
    }

    Live start(String key, long size) {
        Live live = new Live(key, size);
        inFlight.add(live);
        return live;
    }

    void bytes(Live live, long n) {
        live.bytes.addAndGet(n);
        bytesDone.addAndGet(n);
    }

    /** A retry starts over: take back what the failed attempt counted. */
    void restart(Live live) {
        bytesDone.addAndGet(-live.bytes.getAndSet(0));
        live.attempt++;
        retries.incrementAndGet();
    }

    /** The object is done: count it, and make its bytes exactly its size. */
    void succeeded(Live live) {
        bytesDone.addAndGet(live.size - live.bytes.getAndSet(live.size));
        objectsDone.incrementAndGet();
        inFlight.remove(live);
    }

    void failed(Live live, String message) {
        bytesDone.addAndGet(-live.bytes.getAndSet(0));
        failed.incrementAndGet();
        error(message);
        inFlight.remove(live);
    }

    /** Dropped without an outcome (cancelled). */
    void abandoned(Live live) {
        bytesDone.addAndGet(-live.bytes.getAndSet(0));
        inFlight.remove(live);
    }

    synchronized void error(String message) {
        errors.addLast(message);
        while (errors.size() > ProgressSnapshot.ERRORS_MAX) {
            errors.removeFirst();
        }
    }

    synchronized List<String> recentErrors() {
        return List.copyOf(errors);
    }

    ProgressSnapshot snapshot(ProgressSnapshot.State state) {
        long now = System.nanoTime();
        long objects = objectsDone.get();
        long bytes = bytesDone.get();
        window.sample(now, objects, bytes);
        double[] rates = window.rates();
        List<ProgressSnapshot.Transfer> current = new ArrayList<>();
        inFlight.stream().sorted(Comparator.comparingLong(l -> l.started)).limit(ProgressSnapshot.CURRENT_MAX)
                .forEach(l -> current.add(new ProgressSnapshot.Transfer(l.key, l.bytes.get(), l.size, l.serverSide, l.attempt)));
        long objectsLeft = objectsTotal - objects - failed.get();
        return new ProgressSnapshot(phase, state, objects, objectsTotal, bytes, bytesTotal, failed.get(), retries.get(), rates[0], rates[1],
                state == ProgressSnapshot.State.FINISHED ? java.util.Optional.of(Duration.ZERO) : window.eta(objectsLeft, bytesTotal - bytes),
                Duration.ofNanos(now - startedNanos), current, recentErrors());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
