package dev.omnigraph.console.ui.common;

import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A form laid out as label | field rows: labels keep their width (mnemonic, label-for), fields take the rest. */
public final class FormGrid {
    private FormGrid() {}

    /** An empty two-column form grid with the forms' spacing. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        return grid;
    }

    /** Adds {@code label} (its {@code _} marks the mnemonic) and {@code field} as row {@code row}; returns the next row. */
    public static int labelled(GridPane grid, int row, String label, Node field) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        l.setMinWidth(Label.USE_PREF_SIZE);
        grid.add(l, 0, row);
        grid.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (field instanceof TextInputControl t) {
            t.setMaxWidth(Double.MAX_VALUE);
        }
        return row + 1;
    }

    /** A text field bound both ways to {@code property}. */
    public static TextField text(String id, StringProperty property, String prompt, String accessible) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(accessible);
        f.textProperty().bindBidirectional(property);
        return f;
    }
}
