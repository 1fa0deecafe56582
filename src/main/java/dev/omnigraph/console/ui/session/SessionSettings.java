package dev.omnigraph.console.ui.session;

import java.time.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Settings every open cluster follows, taken from the preferences and changed live from the
 * settings menu: the live-refresh interval and the age past which a held lock is flagged stale.
 */
public final class SessionSettings {
    private final ObjectProperty<Duration> pollInterval;
    private final ObjectProperty<Duration> lockStaleAfter;

    public SessionSettings(Duration pollInterval, Duration lockStaleAfter) {
        this.pollInterval = new SimpleObjectProperty<>(pollInterval);
        this.lockStaleAfter = new SimpleObjectProperty<>(lockStaleAfter);
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofSeconds(5), Duration.ofMinutes(30));
    }

    public ObjectProperty<Duration> pollIntervalProperty() {
        return pollInterval;
    }

    public ObjectProperty<Duration> lockStaleAfterProperty() {
        return lockStaleAfter;
    }
}
