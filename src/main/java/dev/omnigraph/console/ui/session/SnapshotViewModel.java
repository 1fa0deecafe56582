package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import javafx.beans.value.ChangeListener;

/**
 * Base of the per-view view-models: follows the session's snapshot only while active (the view is
 * on screen), like Bisq's activatable views, and derives its rows once per new snapshot. A view
 * that was hidden catches up when it is shown again.
 */
public abstract class SnapshotViewModel {
    protected final ClusterSession session;
    private final ChangeListener<ClusterSnapshot> listener = (obs, was, now) -> apply(now);
    private ClusterSnapshot shown;
    private boolean active;

    protected SnapshotViewModel(ClusterSession session) {
        this.session = session;
    }

    public final void activate() {
        if (active) {
            return;
        }
        active = true;
        session.snapshotProperty().addListener(listener);
        apply(session.snapshot());
        onActivate();
    }

    public final void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        session.snapshotProperty().removeListener(listener);
        onDeactivate();
    }

    public boolean isActive() {
        return active;
    }

    public ClusterSession session() {
        return session;
    }

    /** The snapshot the rows were derived from, or null before the first read. */
    public ClusterSnapshot shown() {
        return shown;
    }

    private void apply(ClusterSnapshot snapshot) {
        if (snapshot != null && snapshot != shown) {
            shown = snapshot;
            onSnapshot(snapshot);
        }
    }

    /** Derive rows from a new snapshot (FX thread; no storage access). */
    protected abstract void onSnapshot(ClusterSnapshot snapshot);

    protected void onActivate() {}

    protected void onDeactivate() {}
}
