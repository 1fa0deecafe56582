package dev.omnigraph.console.ui.session;

import java.time.Duration;

/**
 * Calls a tick at a fixed interval on the FX thread (the tick itself only submits work to the task
 * runner, so nothing waits). The window uses {@link FxPollScheduler}; tests tick by hand.
 */
@FunctionalInterface
public interface PollScheduler {

    /** Starts ticking; cancel the returned handle to stop. */
    Cancellable every(Duration interval, Runnable tick);

    /** A running schedule. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Never ticks (for tests that poll by hand). */
    PollScheduler MANUAL = (interval, tick) -> () -> {};
}
