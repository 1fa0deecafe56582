package dev.omnigraph.console.ui.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The pump hands engine events to the UI thread coalesced: one pending hand-over at most, the newest snapshot, no notice lost. */
class EventPumpTest {
    private static MigrationEvent.Progress progress(long done) {
        return new MigrationEvent.Progress(Instant.now(), new ProgressSnapshot(MigrationPhase.COPY, ProgressSnapshot.State.RUNNING, done,
                100_000, done * 10, 1_000_000, 0, 0, 0, 0, Optional.empty(), Duration.ZERO, List.of(), List.of()));
    }

    @Test
    void aHundredThousandSnapshotsFromFourThreadsCostOnePendingUiTaskAtATime() throws Exception {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<EventPump.Batch> batches = new ArrayList<>();
        EventPump pump = new EventPump(uiQueue::add, batches::add);
        List<Thread> engine = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 25_000;
            engine.add(Thread.ofPlatform().start(() -> {
                for (int i = 1; i <= 25_000; i++) {
                    pump.onEvent(progress(base + i));
                }
            }));
        }
        for (Thread t : engine) {
            t.join();
        }
        assertThat(uiQueue).hasSize(1); // the UI thread did not run yet: one task waits, however many events came
        uiQueue.poll().run();
        assertThat(batches).singleElement().satisfies(b -> assertThat(b.latest()).isNotNull());
        assertThat(pump.handOvers()).isEqualTo(1);
    }

    @Test
    void noticesArriveInOrderAndTheNewestSnapshotWins() {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<EventPump.Batch> batches = new ArrayList<>();
        EventPump pump = new EventPump(uiQueue::add, batches::add);
        pump.onEvent(progress(1));
        pump.onEvent(new MigrationEvent.Notice(Instant.now(), MigrationPhase.COPY, MigrationEvent.Level.INFO, "first"));
        pump.onEvent(progress(2));
        pump.onEvent(new MigrationEvent.Notice(Instant.now(), MigrationPhase.COPY, MigrationEvent.Level.WARNING, "second"));
        pump.onEvent(progress(3));
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(batches.getFirst().latest().objectsDone()).isEqualTo(3);
        assertThat(batches.getFirst().events()).extracting(e -> ((MigrationEvent.Notice) e).message()).containsExactly("first", "second");

        pump.onEvent(progress(4)); // after a hand-over, the next event schedules a new one
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1).latest().objectsDone()).isEqualTo(4);
        assertThat(batches.get(1).events()).isEmpty();
    }
}
