package dev.omnigraph.console.ui.common;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Keeps a view-model's selection across a refresh by the row's key (address, approval file, graph
 * id …): after the rows are replaced, {@link #restore} selects the new row with the same key. When
 * that row is gone it selects nothing and says so in {@link #goneProperty()} ("The selected
 * resource … is no longer in the ledger.") instead of jumping to another row; the note clears as
 * soon as something is selected again.
 *
 * @param <T> the row type
 */
public final class KeptSelection<T> {
    private final ObjectProperty<T> selected;
    private final Function<T, String> key;
    private final Function<T, String> goneText;
    private final StringProperty gone = new SimpleStringProperty("");

    /**
     * @param selected the view-model's selection
     * @param key      what identifies a row across snapshots
     * @param goneText the sentence shown when the previously selected row disappeared
     */
    public KeptSelection(ObjectProperty<T> selected, Function<T, String> key, Function<T, String> goneText) {
        this.selected = selected;
        this.key = key;
        this.goneText = goneText;
        selected.addListener((o, a, b) -> {
            if (b != null) {
                gone.set("");
            }
        });
    }

    /** The selection to remember before the rows are replaced (the view may clear it meanwhile). */
    public T before() {
        return selected.get();
    }

    /**
     * Selects the row of {@code rows} with the key of {@code previous}; when there is none, selects
     * nothing and notes that it went. Returns what is selected now.
     */
    public T restore(T previous, Collection<? extends T> rows) {
        if (previous == null) {
            selected.set(null);
            return null;
        }
        String k = key.apply(previous);
        T again = rows.stream().filter(r -> Objects.equals(key.apply(r), k)).findFirst().orElse(null);
        selected.set(again);
        gone.set(again == null ? goneText.apply(previous) : "");
        return again;
    }

    /** Empty, or the sentence saying the selected row disappeared in the last refresh. */
    public ReadOnlyStringProperty goneProperty() {
        return gone;
    }

    public String gone() {
        return gone.get();
    }
}
