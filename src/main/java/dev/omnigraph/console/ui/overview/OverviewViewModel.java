package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.ui.common.SnapshotViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/** Keeps the {@link OverviewModel} current while the Overview is on screen. */
public final class OverviewViewModel extends SnapshotViewModel {
    private final ObjectProperty<OverviewModel> model = new SimpleObjectProperty<>();
    private final ChangeListener<CatalogVerifier.Report> reportListener = (o, a, b) -> recompute();
    private final ChangeListener<java.time.Duration> staleListener = (o, a, b) -> recompute();

    public OverviewViewModel(ClusterSession session) {
        super(session);
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        recompute();
    }

    @Override
    protected void onActivate() {
        session.catalogReportProperty().addListener(reportListener);
        session.settings().lockStaleAfterProperty().addListener(staleListener);
        recompute();
    }

    @Override
    protected void onDeactivate() {
        session.catalogReportProperty().removeListener(reportListener);
        session.settings().lockStaleAfterProperty().removeListener(staleListener);
    }

    /** Recomputes at the session clock's now (the lock age moves). */
    public void recompute() {
        ClusterSnapshot s = shown();
        if (s != null) {
            model.set(OverviewModel.of(s, session.catalogReportProperty().get(), session.clock().instant(),
                    session.settings().lockStaleAfterProperty().get(), ClusterSession.readSummary(s)));
        }
    }

    public ReadOnlyObjectProperty<OverviewModel> modelProperty() {
        return model;
    }

    public OverviewModel model() {
        return model.get();
    }
}
