package dev.omnigraph.console.ui.approvals;

import dev.omnigraph.console.cluster.ApprovalEntry;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.model.DesiredConfig;
import dev.omnigraph.console.cluster.model.DesiredConfigResult;
import dev.omnigraph.console.ui.common.KeptSelection;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Approvals view's state: every artifact under {@code __cluster/approvals/} as an
 * {@link ApprovalRow}, filterable by state, re-evaluated when the desired config (from the config
 * folder, when the cluster was opened through one) finishes loading.
 */
public final class ApprovalsViewModel extends SnapshotViewModel {
    public static final List<String> STATES = List.of("All", "pending", "consumed", "invalid");

    private final ObservableList<ApprovalRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ApprovalRow> filtered = new FilteredList<>(rows);
    private final StringProperty stateFilter = new SimpleStringProperty("All");
    private final ObjectProperty<ApprovalRow> selected = new SimpleObjectProperty<>();
    private final StringProperty desiredNote = new SimpleStringProperty("");
    private final KeptSelection<ApprovalRow> kept = new KeptSelection<>(selected, ApprovalRow::file,
            r -> "The selected approval " + (r.id().isEmpty() ? r.file() : r.id()) + " is no longer under __cluster/approvals/: "
                    + "it was removed since the last read.");
    private final ChangeListener<DesiredConfigResult> desiredListener = (o, a, b) -> {
        if (shown() != null) {
            onSnapshot(shown());
        }
    };

    public ApprovalsViewModel(ClusterSession session) {
        super(session);
        stateFilter.addListener((o, a, b) -> filtered.setPredicate(r -> b == null || "All".equals(b) || r.state().equals(b)));
    }

    @Override
    protected void onActivate() {
        session.desiredProperty().addListener(desiredListener);
    }

    @Override
    protected void onDeactivate() {
        session.desiredProperty().removeListener(desiredListener);
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        DesiredConfigResult result = session.desiredProperty().get();
        Optional<DesiredConfig> desired = result == null ? Optional.empty() : result.parsed();
        boolean v2 = snapshot.ledgerIfPresent().map(l -> l.generation().isV2()).orElse(false);
        if (v2) {
            desiredNote.set(LEGACY_NOTE);
        } else if (session.location().configDir().isEmpty()) {
            desiredNote.set("Opened by storage root: open the cluster through its config folder to see whether pending approvals are "
                    + "stale against the desired config.");
        } else if (result == null) {
            desiredNote.set("Loading the desired config from " + session.location().configDir().get() + "…");
        } else if (desired.isEmpty()) {
            desiredNote.set("The config folder could not be read, so approvals are compared with the ledger only.");
        } else {
            desiredNote.set("Compared with the desired config in " + session.location().configDir().get() + " (digest "
                    + desired.get().configDigest().substring(0, 12) + "…).");
        }
        ApprovalRow keep = kept.before();
        rows.setAll(snapshot.approvals().stream().map((ApprovalEntry e) -> ApprovalRow.of(e, snapshot.ledgerIfPresent(), desired))
                .toList());
        kept.restore(keep, rows);
    }

    /** What the page says on a v2 root (OmniGraph v0.13 removed approvals). */
    public static final String LEGACY_NOTE = "Legacy history: OmniGraph v0.13 has no approvals. These approvals/ files and the "
            + "ledger's approval_records were written by OmniGraph ≤ 0.11; none of them is pending work, and none blocks or enables "
            + "a deployment.";

    public ObservableList<ApprovalRow> rows() {
        return rows;
    }

    public FilteredList<ApprovalRow> filteredRows() {
        return filtered;
    }

    public StringProperty stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<ApprovalRow> selectedProperty() {
        return selected;
    }

    /** Empty, or the sentence saying the selected approval disappeared in the last refresh. */
    public ReadOnlyStringProperty goneProperty() {
        return kept.goneProperty();
    }

    public ReadOnlyStringProperty desiredNoteProperty() {
        return desiredNote;
    }
}
