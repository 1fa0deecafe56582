package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/** Keeps the {@link OverviewModel} current while the Overview is on screen. */
public final class OverviewViewModel extends SnapshotViewModel {
    private final ObjectProperty<OverviewModel> model = new SimpleObjectProperty<>();
    private final ChangeListener<CatalogVerifier.Report> reportListener = (o, a, b) -> recompute();
    private final ChangeListener<java.time.Duration> staleListener = (o, a, b) -> recompute();
    private final ChangeListener<Object> checkListener = (o, a, b) -> recompute();
    private final javafx.beans.property.StringProperty placeholder = new javafx.beans.property.SimpleStringProperty("Reading the cluster…");

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
        session.lastCheckProperty().addListener(checkListener);
        session.refreshFailureProperty().addListener(checkListener);
        recompute();
    }

    @Override
    protected void onDeactivate() {
        session.catalogReportProperty().removeListener(reportListener);
        session.settings().lockStaleAfterProperty().removeListener(staleListener);
        session.lastCheckProperty().removeListener(checkListener);
        session.refreshFailureProperty().removeListener(checkListener);
    }

    /** Recomputes at the session clock's now (the lock age moves). */
    public void recompute() {
        ClusterSnapshot s = shown();
        placeholder.set(session.refreshFailureProperty().get() != null
                ? "Could not read the cluster: " + session.refreshFailureProperty().get().oneLine() + " Use Retry or Refresh."
                : "Reading the cluster…");
        if (s != null) {
            model.set(OverviewModel.of(s, session.catalogReportProperty().get(), session.clock().instant(),
                    session.settings().lockStaleAfterProperty().get(), ClusterSession.readSummary(s), freshness()));
        }
    }

    /** "checked 20:39:12 UTC · nothing changed", or the last refresh failure (danger) while it stands. */
    private dev.omnigraph.console.ui.common.Tagged freshness() {
        String failed = session.refreshFailureText();
        if (!failed.isEmpty()) {
            return dev.omnigraph.console.ui.common.Tagged.danger(failed + " · showing what was read before");
        }
        var check = session.lastCheckProperty().get();
        return check == null || check.fullRead() ? dev.omnigraph.console.ui.common.Tagged.neutral("") // the read line says it
                : dev.omnigraph.console.ui.common.Tagged.neutral(check.text());
    }

    /** What the page says while nothing is shown: "Reading the cluster…" or why reading failed. */
    public javafx.beans.property.ReadOnlyStringProperty placeholderProperty() {
        return placeholder;
    }

    public ReadOnlyObjectProperty<OverviewModel> modelProperty() {
        return model;
    }

    public OverviewModel model() {
        return model.get();
    }
}
