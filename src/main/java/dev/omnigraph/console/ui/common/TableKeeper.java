package dev.omnigraph.console.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Ties a table to its view-model's selection both ways and keeps the table still across a
 * refresh: the view-model's selection (kept by key, {@link KeptSelection}) is shown in the table,
 * and the first visible row is the same index as before the rows were replaced, so a live refresh
 * neither moves the selection nor scrolls. Sorting and filters live in the table's comparator and
 * the view-model, which a refresh does not touch.
 */
public final class TableKeeper {
    private TableKeeper() {}

    public static <T> void bind(TableView<T> table, ObjectProperty<T> selected) {
        boolean[] syncing = new boolean[1];
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing[0]) {
                selected.set(b);
            }
        });
        selected.addListener((o, a, b) -> show(table, b, syncing));
        // After the items were replaced: show the model's selection again, and put the first visible
        // row back where it was if the table jumped (read before the skin lays the new rows out).
        table.getItems().addListener((ListChangeListener<T>) c -> {
            int before = firstVisible(table);
            show(table, selected.get(), syncing);
            if (before > 0) {
                javafx.application.Platform.runLater(() -> {
                    if (firstVisible(table) != before && before < table.getItems().size()) {
                        table.scrollTo(before);
                    }
                });
            }
        });
        show(table, selected.get(), syncing);
    }

    /** Index of the first row on screen, or -1 before the table is drawn. */
    public static int firstVisible(javafx.scene.control.Control table) {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return -1;
        }
        IndexedCell<?> cell = flow.getFirstVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }

    private static <T> void show(TableView<T> table, T value, boolean[] syncing) {
        if (value == table.getSelectionModel().getSelectedItem()) {
            return;
        }
        boolean was = syncing[0];
        syncing[0] = true;
        try {
            if (value == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(value);
            }
        } finally {
            syncing[0] = was;
        }
    }
}
