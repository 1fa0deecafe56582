package dev.omnigraph.console.ui.connect;

import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.ui.common.SavedConnectionCell;
import dev.omnigraph.console.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Connect page's left column: saved connections and recently opened roots; a click fills the form, a double click opens. */
final class ConnectSidebar extends VBox {
    ConnectSidebar(ConnectViewModel model) {
        super(8);
        ListView<SavedConnection> saved = saved(model);
        ListView<String> recent = recent(model);
        getChildren().addAll(Ui.section("Saved connections"), saved, Ui.section("Recent"), recent);
        VBox.setVgrow(saved, Priority.ALWAYS);
        VBox.setVgrow(recent, Priority.ALWAYS);
        setPadding(new Insets(18, 12, 18, 18));
        setPrefWidth(300);
        getStyleClass().add("connect-sidebar");
    }

    private static ListView<SavedConnection> saved(ConnectViewModel model) {
        ListView<SavedConnection> saved = new ListView<>(model.savedConnections());
        saved.setId("connect-saved");
        saved.setAccessibleText("Saved connections");
        saved.setPlaceholder(Ui.placeholder("Save a connection to find it here."));
        saved.setCellFactory(v -> new SavedConnectionCell(SavedConnection::target, model::delete));
        saved.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.load(b);
            }
        });
        saved.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && saved.getSelectionModel().getSelectedItem() != null) {
                model.open();
            }
        });
        return saved;
    }

    private static ListView<String> recent(ConnectViewModel model) {
        ListView<String> recent = new ListView<>(model.recentRoots());
        recent.setId("connect-recent");
        recent.setAccessibleText("Recently opened");
        recent.setPlaceholder(Ui.placeholder("Nothing opened yet."));
        recent.setCellFactory(v -> new RecentCell());
        recent.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.loadRecent(b);
            }
        });
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                model.open();
            }
        });
        return recent;
    }

    /** A recent entry: the root's last segment (or the config folder's, marked), and the full path under it. */
    private static final class RecentCell extends ListCell<String> {
        @Override
        protected void updateItem(String entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            boolean config = entry.startsWith("config:");
            String path = config ? entry.substring(7) : entry;
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            Label name = new Label(trimmed.substring(trimmed.lastIndexOf('/') + 1) + (config ? " (config)" : ""));
            name.getStyleClass().add("list-title");
            Label full = Ui.mono(path);
            full.getStyleClass().add("muted");
            setGraphic(new VBox(2, name, full));
            setAccessibleText(path);
            setTooltip(new Tooltip(path));
        }
    }
}
