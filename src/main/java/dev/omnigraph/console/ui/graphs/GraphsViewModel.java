package dev.omnigraph.console.ui.graphs;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.SnapshotViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Graphs view's state: one {@link GraphRow} per graph root, the selection's Lance tables, and totals. */
public final class GraphsViewModel extends SnapshotViewModel {
    private final ObservableList<GraphRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<GraphRow> selected = new SimpleObjectProperty<>();
    private final StringProperty totals = new SimpleStringProperty("");

    public GraphsViewModel(ClusterSession session) {
        super(session);
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        String keep = selected.get() == null ? null : selected.get().id();
        rows.setAll(snapshot.graphs().stream().map(GraphRow::of).toList());
        selected.set(rows.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(rows.isEmpty() ? null : rows.getFirst()));
        totals.set(rows.size() + " graph root" + (rows.size() == 1 ? "" : "s") + " · " + Format.count(snapshot.graphObjects())
                + " objects · " + Format.bytes(snapshot.graphBytes()));
    }

    public ObservableList<GraphRow> rows() {
        return rows;
    }

    public ObjectProperty<GraphRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals;
    }
}
