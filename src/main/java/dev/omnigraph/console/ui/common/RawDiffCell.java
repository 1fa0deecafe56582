package dev.omnigraph.console.ui.common;

import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One line of a unified line diff as the console draws it: A's and B's line numbers, then the
 * line with its "-", "+" or " " mark, coloured by kind. Used by History (raw JSON) and Deployments
 * (captured configuration).
 */
public final class RawDiffCell extends ListCell<RawLine> {
    private final Text numbers = new Text();
    private final Text text = new Text();
    private final TextFlow flow = new TextFlow(numbers, text);

    public RawDiffCell() {
        numbers.getStyleClass().add("diff-line-number");
    }

    @Override
    protected void updateItem(RawLine line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeIf(c -> c.startsWith("diff-"));
        if (empty || line == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        getStyleClass().add(line.styleClass());
        numbers.setText(line.kind() == RawLine.Kind.HEADER ? "" : String.format("%5s %5s  ", line.aLine(), line.bLine()));
        text.setText(line.unified());
        setGraphic(flow);
        setText(null);
    }
}
