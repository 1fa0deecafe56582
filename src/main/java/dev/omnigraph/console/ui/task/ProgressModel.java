package dev.omnigraph.console.ui.task;

import dev.omnigraph.console.common.Format;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of one long piece of work as a progress strip shows it: a fraction (or
 * indeterminate), what is happening, and figures (done / total, throughput and ETA from a rolling
 * five-second window). Holds the job's {@link TaskHandle} so the strip's Cancel button can stop
 * it. Updated on the FX thread (the task runner delivers progress there); toolkit-free, so
 * view-models using it are tested without a window.
 */
public final class ProgressModel {
    /** How {@code done}/{@code total} are counted, for the figures. */
    public enum Unit { ITEMS, BYTES }

    private static final long WINDOW_NANOS = 5_000_000_000L;

    private final LongSupplier clock;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty fraction = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty figures = new SimpleStringProperty("");
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private Unit unit = Unit.ITEMS;
    private TaskHandle handle = TaskHandle.DONE;

    public ProgressModel() {
        this(System::nanoTime);
    }

    public ProgressModel(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** Work started; {@code handle} is what Cancel stops. */
    public void start(String text, Unit countedIn, TaskHandle taskHandle) {
        unit = countedIn;
        handle = taskHandle == null ? TaskHandle.DONE : taskHandle;
        samples.clear();
        fraction.set(-1);
        message.set(text);
        figures.set("");
        running.set(true);
    }

    /** Replaces the handle once the runner returned it (start is called before run() returns). */
    public void attach(TaskHandle taskHandle) {
        handle = taskHandle;
    }

    /** A progress report: {@code total <= 0} means unknown. */
    public void update(long done, long total, String text) {
        if (!running.get()) {
            return;
        }
        long now = clock.getAsLong();
        samples.addLast(new long[] {now, done});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
        fraction.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
        if (text != null && !text.isEmpty()) {
            message.set(text);
        }
        figures.set(figures(done, total));
    }

    /** Work ended (any outcome). */
    public void finish() {
        running.set(false);
        fraction.set(0);
        figures.set("");
        handle = TaskHandle.DONE;
    }

    public void cancel() {
        TaskHandle h = handle;
        h.cancel();
        finish();
        message.set("Cancelled");
    }

    /** Units per second over the rolling window, or -1 before two samples. */
    private double rate() {
        if (samples.size() < 2) {
            return -1;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        double seconds = (last[0] - first[0]) / 1e9;
        return seconds <= 0 ? -1 : (last[1] - first[1]) / seconds;
    }

    String figures(long done, long total) {
        StringBuilder out = new StringBuilder(amount(done));
        if (total > 0) {
            out.append(" of ").append(amount(total));
        }
        double rate = rate();
        if (rate > 0) {
            out.append(" · ").append(unit == Unit.BYTES ? Format.rate(rate) : Format.count(Math.round(rate)) + "/s");
            if (total > done) {
                out.append(" · about ").append(Format.duration((long) Math.ceil((total - done) / rate))).append(" left");
            }
        }
        return out.toString();
    }

    private String amount(long n) {
        return unit == Unit.BYTES ? Format.bytes(n) : Format.count(n);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty figuresProperty() {
        return figures;
    }
}
