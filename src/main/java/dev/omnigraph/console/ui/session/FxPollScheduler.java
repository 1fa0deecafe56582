package dev.omnigraph.console.ui.session;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/** Ticks with a JavaFX {@link Timeline}: on the FX thread, stopped when cancelled. */
public final class FxPollScheduler implements PollScheduler {
    @Override
    public Cancellable every(Duration interval, Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(interval.toMillis()), e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
