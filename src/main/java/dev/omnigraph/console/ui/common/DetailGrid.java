package dev.omnigraph.console.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A two-column label/value grid for detail panes; rebuilt with {@link #clear()} and {@link #add}. */
public final class DetailGrid extends GridPane {
    private int row;

    public DetailGrid() {
        setHgap(12);
        setVgap(6);
        getStyleClass().add("detail-grid");
    }

    public void clear() {
        getChildren().clear();
        row = 0;
    }

    public DetailGrid add(String label, Node value) {
        Label l = new Label(label);
        l.getStyleClass().add("fact-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        add(l, 0, row);
        add(value, 1, row);
        GridPane.setHgrow(value, Priority.ALWAYS);
        row++;
        return this;
    }

    public DetailGrid text(String label, String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        Label v = new Label(value);
        v.setWrapText(true);
        return add(label, v);
    }

    public DetailGrid mono(String label, String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        return add(label, Ui.copyable(label.toLowerCase(java.util.Locale.ROOT), new javafx.beans.property.ReadOnlyStringWrapper(value)));
    }
}
