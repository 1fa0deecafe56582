package dev.omnigraph.console.ui.common;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Read-only JSON with syntax colouring and line numbers. Lines are cells of a virtualized list, so
 * only the visible lines are tokenized and drawn: a multi-megabyte ledger scrolls as smoothly as a
 * small one. Ctrl+C copies the selected lines.
 */
public final class JsonLinesView extends ListView<String> {
    public JsonLinesView(ObservableList<String> lines) {
        super(lines);
        getStyleClass().add("json-view");
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setCellFactory(v -> new LineCell());
        setFixedCellSize(20);
        setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                List<Integer> rows = getSelectionModel().getSelectedIndices().stream().sorted().toList();
                StringBuilder out = new StringBuilder();
                rows.forEach(i -> out.append(getItems().get(i)).append('\n'));
                Ui.copy(out.toString());
                e.consume();
            }
        });
    }

    private final class LineCell extends ListCell<String> {
        private final Text number = new Text();
        private final TextFlow flow = new TextFlow();

        LineCell() {
            number.getStyleClass().add("json-line-number");
            getStyleClass().add("json-line");
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            int width = String.valueOf(getListView().getItems().size()).length();
            number.setText(String.format("%" + width + "d  ", getIndex() + 1));
            flow.getChildren().setAll(number);
            for (JsonLineTokenizer.Token t : JsonLineTokenizer.tokenize(line)) {
                Text text = new Text(t.text());
                text.getStyleClass().add("json-" + t.kind().name().toLowerCase(java.util.Locale.ROOT));
                flow.getChildren().add(text);
            }
            setText(null);
            setGraphic(flow);
            setAccessibleText(line);
        }
    }
}
