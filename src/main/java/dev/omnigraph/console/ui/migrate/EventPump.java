package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationListener;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands engine events to the UI thread, coalesced: however many events the engine's threads send,
 * at most one hand-over is pending at a time, and it carries only the newest progress snapshot
 * (older ones are dropped) plus the other events (phase changes, notices) in order. A copy of
 * 100,000 objects therefore costs the JavaFX thread a few updates per second, not one per object.
 */
public final class EventPump implements MigrationListener {
    /** One hand-over: the newest snapshot (or null) and the other events since the last one. */
    public record Batch(ProgressSnapshot latest, List<MigrationEvent> events) {}

    private final Consumer<Runnable> ui;
    private final Consumer<Batch> sink;
    private final AtomicReference<ProgressSnapshot> latest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<MigrationEvent> others = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong handOvers = new AtomicLong();

    /**
     * @param ui   runs a task on the UI thread ({@code Platform::runLater} in the window, {@code Runnable::run} in tests)
     * @param sink receives the batches on the UI thread
     */
    public EventPump(Consumer<Runnable> ui, Consumer<Batch> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    @Override
    public void onEvent(MigrationEvent event) {
        if (event instanceof MigrationEvent.Progress p) {
            latest.set(p.snapshot());
        } else {
            others.add(event);
        }
        if (scheduled.compareAndSet(false, true)) {
            ui.accept(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false); // events arriving from now on schedule another hand-over
        ProgressSnapshot snapshot = latest.getAndSet(null);
        List<MigrationEvent> events = new ArrayList<>();
        for (MigrationEvent e; (e = others.poll()) != null; ) {
            events.add(e);
        }
        if (snapshot == null && events.isEmpty()) {
            return;
        }
        handOvers.incrementAndGet();
        sink.accept(new Batch(snapshot, List.copyOf(events)));
    }

    /** How many batches were handed to the UI so far. */
    public long handOvers() {
        return handOvers.get();
    }
}
