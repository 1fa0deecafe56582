package dev.omnigraph.console.ui.ledger;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.KeptSelection;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.SnapshotViewModel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Ledger view's state: resources (filterable by text, status and kind), the selected row's
 * detail, the free-form sections, and the raw {@code state.json} lines with its CAS and ETag.
 * A ledger that is missing or unreadable is explained in {@link #problemProperty()}.
 */
public final class LedgerViewModel extends SnapshotViewModel {
    public static final String ALL = "All";

    private final ObservableList<ResourceRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ResourceRow> filtered = new FilteredList<>(rows);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty statusFilter = new SimpleStringProperty(ALL);
    private final StringProperty kindFilter = new SimpleStringProperty(ALL);
    private final ObservableList<String> statuses = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> kinds = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<ResourceRow> selected = new SimpleObjectProperty<>();
    private final KeyedSection approvalRecords = new KeyedSection("approval record", List.of(
            new KeyedSection.Column("consumed_by_operation", "Consumed by", 160),
            new KeyedSection.Column("consumed_at", "Consumed", 200)));
    private final KeyedSection recoveryRecords = new KeyedSection("recovery record", List.of(
            new KeyedSection.Column("kind", "Kind", 140), new KeyedSection.Column("graph_id", "Graph", 120),
            new KeyedSection.Column("outcome", "Outcome", 140), new KeyedSection.Column("actor", "Actor", 110),
            new KeyedSection.Column("recovered_at", "Recovered", 200)));
    private final KeyedSection observations = new KeyedSection("observation", List.of(
            new KeyedSection.Column("kind", "Kind", 80), new KeyedSection.Column("exists", "Exists", 70),
            new KeyedSection.Column("graph_manifest_version", "Manifest version", 130),
            new KeyedSection.Column("schema_matches_desired", "Schema as desired", 150),
            new KeyedSection.Column("observed_at", "Observed", 200), new KeyedSection.Column("deleted_at", "Deleted", 200),
            new KeyedSection.Column("error", "Error", 160)));
    private final ObservableList<String> rawLines = FXCollections.observableArrayList();
    private final StringProperty raw = new SimpleStringProperty("");
    private final StringProperty cas = new SimpleStringProperty("–");
    private final StringProperty etag = new SimpleStringProperty("–");
    private final StringProperty facts = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final KeptSelection<ResourceRow> kept = new KeptSelection<>(selected, ResourceRow::address,
            r -> "The selected resource " + r.address() + " is no longer in the ledger: a writer removed it since the last read.");

    public LedgerViewModel(ClusterSession session) {
        super(session);
        filterText.addListener((o, a, b) -> applyFilter());
        statusFilter.addListener((o, a, b) -> applyFilter());
        kindFilter.addListener((o, a, b) -> applyFilter());
    }

    @Override
    protected void onSnapshot(ClusterSnapshot snapshot) {
        ResourceRow keep = kept.before();
        switch (snapshot.ledger()) {
            case LedgerState.Present p -> show(p);
            case LedgerState.Missing m -> clear("There is no ledger at " + ClusterLayout.STATE + ": this root holds no cluster yet "
                    + "(or the root is wrong). Check the URI, or run `omnigraph cluster import` to create one.", null);
            case LedgerState.Unreadable u -> clear("OmniGraph would refuse this ledger: " + u.diagnostic().code() + " at "
                    + u.diagnostic().path() + ": " + u.diagnostic().message() + ". Every command that reads state fails until it is "
                    + "fixed.", u.token());
        }
        kept.restore(keep, rows);
    }

    private void show(LedgerState.Present p) {
        Ledger ledger = p.ledger();
        problem.set("");
        List<ResourceRow> all = ResourceRow.of(ledger);
        rows.setAll(all);
        TreeSet<String> st = new TreeSet<>();
        TreeSet<String> kd = new TreeSet<>();
        all.forEach(r -> {
            st.add(r.status().isEmpty() ? "(none)" : r.status());
            kd.add(r.kind());
        });
        setChoices(statuses, st, statusFilter);
        setChoices(kinds, kd, kindFilter);
        approvalRecords.replace(KeyedJson.of(ledger.approvalRecords()));
        recoveryRecords.replace(KeyedJson.of(ledger.recoveryRecords()));
        observations.replace(KeyedJson.of(ledger.observations()));
        String text = new String(ledger.rawBytes(), StandardCharsets.UTF_8);
        raw.set(text);
        rawLines.setAll(Arrays.asList(text.split("\n", -1)));
        if (!rawLines.isEmpty() && rawLines.getLast().isEmpty()) {
            rawLines.removeLast();
        }
        cas.set(ledger.cas());
        etag.set(p.token() == null ? "–" : p.token());
        facts.set("version " + ledger.version() + " · revision " + Long.toUnsignedString(ledger.stateRevision()) + " · "
                + Format.bytes(ledger.rawBytes().length) + " · " + ledger.resources().size() + " resources"
                + (p.lastModified() == null ? "" : " · modified " + dev.omnigraph.console.ui.common.Times.of(p.lastModified())));
        applyFilter();
    }

    private void clear(String why, String token) {
        problem.set(why);
        rows.clear();
        approvalRecords.replace(List.of());
        recoveryRecords.replace(List.of());
        observations.replace(List.of());
        rawLines.clear();
        raw.set("");
        cas.set("–");
        etag.set(token == null ? "–" : token);
        facts.set("");
    }

    private static void setChoices(ObservableList<String> list, TreeSet<String> values, StringProperty current) {
        List<String> next = new java.util.ArrayList<>(values.size() + 1);
        next.add(ALL);
        next.addAll(values);
        if (!list.equals(next)) {
            String keep = current.get();
            list.setAll(next); // a combo box may drop its value when its items are replaced
            current.set(keep);
        }
        if (!list.contains(current.get())) {
            current.set(ALL);
        }
    }

    private void applyFilter() {
        String text = filterText.get();
        String status = statusFilter.get();
        String kind = kindFilter.get();
        filtered.setPredicate(r -> r.matches(text)
                && (status == null || ALL.equals(status) || Objects.equals(r.status().isEmpty() ? "(none)" : r.status(), status))
                && (kind == null || ALL.equals(kind) || r.kind().equals(kind)));
    }

    public ObservableList<ResourceRow> rows() {
        return rows;
    }

    /** The rows after filtering (the table sorts a {@code SortedList} over this). */
    public FilteredList<ResourceRow> filteredRows() {
        return filtered;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public StringProperty statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty kindFilterProperty() {
        return kindFilter;
    }

    public ObservableList<String> statuses() {
        return statuses;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObjectProperty<ResourceRow> selectedProperty() {
        return selected;
    }

    /** Empty, or the sentence saying the selected resource disappeared in the last refresh. */
    public ReadOnlyStringProperty goneProperty() {
        return kept.goneProperty();
    }

    public ObservableList<KeyedJson> approvalRecords() {
        return approvalRecords.items();
    }

    public ObservableList<KeyedJson> recoveryRecords() {
        return recoveryRecords.items();
    }

    public ObservableList<KeyedJson> observations() {
        return observations.items();
    }

    public KeyedSection approvalSection() {
        return approvalRecords;
    }

    public KeyedSection recoverySection() {
        return recoveryRecords;
    }

    public KeyedSection observationSection() {
        return observations;
    }

    public ObservableList<String> rawLines() {
        return rawLines;
    }

    public ReadOnlyStringProperty rawProperty() {
        return raw;
    }

    public ReadOnlyStringProperty casProperty() {
        return cas;
    }

    public ReadOnlyStringProperty etagProperty() {
        return etag;
    }

    public ReadOnlyStringProperty factsProperty() {
        return facts;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
