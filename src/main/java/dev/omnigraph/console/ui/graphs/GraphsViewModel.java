package dev.omnigraph.console.ui.graphs;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.KeptSelection;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
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
    private final KeptSelection<GraphRow> kept = new KeptSelection<>(selected, GraphRow::id,
            r -> "The selected graph " + r.id() + " is no longer under graphs/: its root was removed since the last read.");

    public GraphsViewModel(ClusterSession session) {
        super(session);
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        boolean first = rows.isEmpty() && kept.before() == null;
        GraphRow keep = kept.before();
        rows.setAll(snapshot.graphs().stream().map(GraphRow::of).toList());
        if (first && keep == null) {
            selected.set(rows.isEmpty() ? null : rows.getFirst()); // the first graph is shown on arrival
        } else {
            kept.restore(keep, rows); // a graph root removed meanwhile is said so, not replaced by another
        }
        totals.set(rows.size() + " graph root" + (rows.size() == 1 ? "" : "s") + " · " + Format.count(snapshot.graphObjects())
                + " objects · " + Format.bytes(snapshot.graphBytes()));
    }

    public ObservableList<GraphRow> rows() {
        return rows;
    }

    /** Empty, or the sentence saying the selected graph disappeared in the last refresh. */
    public ReadOnlyStringProperty goneProperty() {
        return kept.goneProperty();
    }

    public ObjectProperty<GraphRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals;
    }
}
