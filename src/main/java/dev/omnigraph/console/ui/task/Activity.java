package dev.omnigraph.console.ui.task;

import java.time.Instant;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One job as the activity list shows it: title, progress, message, outcome. Updated on the FX thread. */
public final class Activity {
    public enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final String title;
    private final Instant started = Instant.now();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.RUNNING);
    private Runnable canceller = () -> {};

    Activity(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public Instant started() {
        return started;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public void cancel() {
        canceller.run();
    }

    void setCanceller(Runnable canceller) {
        this.canceller = canceller;
    }

    void update(long done, long total, String text) {
        progress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
        if (text != null) {
            message.set(text);
        }
    }

    void finish(State outcome, String detail) {
        if (state.get() != State.RUNNING) {
            return;
        }
        state.set(outcome);
        if (outcome == State.SUCCEEDED) {
            progress.set(1);
        }
        if (detail != null) {
            message.set(detail);
        }
    }
}
