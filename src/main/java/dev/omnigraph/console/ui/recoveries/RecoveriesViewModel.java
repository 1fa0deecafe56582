package dev.omnigraph.console.ui.recoveries;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.ui.common.SnapshotViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Recoveries view's state: one {@link RecoveryRow} per file under {@code __cluster/recoveries/}. */
public final class RecoveriesViewModel extends SnapshotViewModel {
    private final ObservableList<RecoveryRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RecoveryRow> selected = new SimpleObjectProperty<>();

    public RecoveriesViewModel(ClusterSession session) {
        super(session);
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        String keep = selected.get() == null ? null : selected.get().file();
        rows.setAll(snapshot.recoveries().stream().map(r -> RecoveryRow.of(r, snapshot.ledgerIfPresent())).toList());
        selected.set(rows.stream().filter(r -> r.file().equals(keep)).findFirst().orElse(rows.isEmpty() ? null : rows.getFirst()));
    }

    public ObservableList<RecoveryRow> rows() {
        return rows;
    }

    public ObjectProperty<RecoveryRow> selectedProperty() {
        return selected;
    }
}
