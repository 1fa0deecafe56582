package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.prefs.SavedConnection;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;

/**
 * A saved connection in a list: its name, and under it where it points (muted, monospace); with
 * a "Remove" context menu when the list can remove one.
 */
public final class SavedConnectionCell extends ListCell<SavedConnection> {
    private final Function<SavedConnection, String> where;
    private final Consumer<SavedConnection> remove;

    /**
     * @param where  the second line for a connection
     * @param remove what "Remove" does, or null for a list without the menu
     */
    public SavedConnectionCell(Function<SavedConnection, String> where, Consumer<SavedConnection> remove) {
        this.where = where;
        this.remove = remove;
    }

    @Override
    protected void updateItem(SavedConnection c, boolean empty) {
        super.updateItem(c, empty);
        setText(null);
        if (empty || c == null) {
            setGraphic(null);
            setContextMenu(null);
            return;
        }
        Label name = new Label(c.name());
        name.getStyleClass().add("list-title");
        Label target = Ui.mono(where.apply(c));
        target.getStyleClass().add("muted");
        setGraphic(new VBox(2, name, target));
        setAccessibleText(c.name() + ", " + c.target());
        if (remove != null) {
            MenuItem item = new MenuItem("Remove " + c.name());
            item.setOnAction(e -> remove.accept(c));
            setContextMenu(new ContextMenu(item));
        }
    }
}
