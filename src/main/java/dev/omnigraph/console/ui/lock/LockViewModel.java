package dev.omnigraph.console.ui.lock;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.ui.common.LockStatus;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * The Lock view's state: the {@link LockStatus} at the last tick (age moves while it is on screen,
 * without reading storage) and the force-unlock entry point.
 */
public final class LockViewModel extends SnapshotViewModel {
    private final ObjectProperty<LockStatus> status = new SimpleObjectProperty<>();
    private final ChangeListener<java.time.Duration> thresholdListener = (o, a, b) -> tick();

    public LockViewModel(ClusterSession session) {
        super(session);
    }

    private final javafx.beans.property.StringProperty released = new javafx.beans.property.SimpleStringProperty("");

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        tick();
        // a lock v0.13 cannot parse may be the released record a newer OmniGraph leaves behind: say so
        released.set(snapshot.lock() instanceof dev.omnigraph.console.cluster.LockState.Unreadable u
                ? u.released().map(x -> "This is " + x.describe() + ".").orElse("") : "");
    }

    /** Empty, or the sentence saying the unreadable lock is a post-v0.13 released record (never force-unlocked). */
    public javafx.beans.property.ReadOnlyStringProperty releasedProperty() {
        return released;
    }

    @Override
    protected void onActivate() {
        session.settings().lockStaleAfterProperty().addListener(thresholdListener);
    }

    @Override
    protected void onDeactivate() {
        session.settings().lockStaleAfterProperty().removeListener(thresholdListener);
    }

    /** Recomputes the age and staleness at the session clock's now. */
    public void tick() {
        ClusterSnapshot s = shown();
        if (s != null) {
            status.set(LockStatus.of(s, session.clock().instant(), session.settings().lockStaleAfterProperty().get()));
        }
    }

    public ReadOnlyObjectProperty<LockStatus> statusProperty() {
        return status;
    }

    public LockStatus status() {
        return status.get();
    }

    /** A dialog model for the lock on screen, or null when there is no parsed lock to remove. */
    public ForceUnlockViewModel forceUnlock() {
        LockStatus s = status.get();
        if (s == null || s.lock().isEmpty()) {
            return null;
        }
        return new ForceUnlockViewModel(session, s);
    }
}
