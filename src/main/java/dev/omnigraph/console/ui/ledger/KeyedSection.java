package dev.omnigraph.console.ui.ledger;

import dev.omnigraph.console.ui.common.KeptSelection;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One free-form ledger section on screen (approval records, recovery records, observations): its
 * entries and the selected one, kept by key across refreshes.
 */
public final class KeyedSection {
    private final ObservableList<KeyedJson> items = FXCollections.observableArrayList();
    private final ObjectProperty<KeyedJson> selected = new SimpleObjectProperty<>();
    private final KeptSelection<KeyedJson> kept;

    /** A table column: the JSON field and its header in words. */
    public record Column(String field, String header, double width) {}

    private final List<Column> columns;

    /**
     * @param noun    what an entry is, for "The selected approval record … is no longer in the ledger."
     * @param columns the fields shown as table columns (the full JSON is shown below the table)
     */
    KeyedSection(String noun, List<Column> columns) {
        this.columns = List.copyOf(columns);
        kept = new KeptSelection<>(selected, KeyedJson::key, e -> "The selected " + noun + " " + e.key()
                + " is no longer in the ledger.");
    }

    void replace(List<KeyedJson> next) {
        KeyedJson before = kept.before();
        items.setAll(next);
        kept.restore(before, items);
    }

    public List<Column> columns() {
        return columns;
    }

    public ObservableList<KeyedJson> items() {
        return items;
    }

    public ObjectProperty<KeyedJson> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty goneProperty() {
        return kept.goneProperty();
    }
}
