package dev.omnigraph.console.ui.recoveries;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.ui.common.KeptSelection;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Recoveries view's state: one {@link RecoveryRow} per file under {@code __cluster/recoveries/}. */
public final class RecoveriesViewModel extends SnapshotViewModel {
    private final ObservableList<RecoveryRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RecoveryRow> selected = new SimpleObjectProperty<>();
    private final KeptSelection<RecoveryRow> kept = new KeptSelection<>(selected, RecoveryRow::file,
            r -> "The selected sidecar " + (r.operationId().isEmpty() ? r.file() : r.operationId())
                    + " is no longer under __cluster/recoveries/: an apply or refresh swept it since the last read.");

    public RecoveriesViewModel(ClusterSession session) {
        super(session);
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        boolean first = rows.isEmpty() && kept.before() == null;
        RecoveryRow keep = kept.before();
        rows.setAll(snapshot.recoveries().stream().map(r -> RecoveryRow.of(r, snapshot.ledgerIfPresent())).toList());
        if (first && keep == null) {
            selected.set(rows.isEmpty() ? null : rows.getFirst()); // the first sidecar is shown on arrival
        } else {
            kept.restore(keep, rows); // a sidecar swept meanwhile is said so, not replaced by another
        }
    }

    public ObservableList<RecoveryRow> rows() {
        return rows;
    }

    /** Empty, or the sentence saying the selected sidecar disappeared in the last refresh. */
    public javafx.beans.property.ReadOnlyStringProperty goneProperty() {
        return kept.goneProperty();
    }

    public ObjectProperty<RecoveryRow> selectedProperty() {
        return selected;
    }
}
