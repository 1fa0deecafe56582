package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.CheckItem;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A destination or preflight checklist: one row per item, its verdict as a coloured badge, the reason, and the items concerned. */
final class CheckList {
    private CheckList() {}

    static Tagged verdict(CheckItem.Verdict v) {
        return switch (v) {
            case PASS -> Tagged.ok("pass");
            case WARN -> Tagged.warn("warn");
            case REFUSE -> Tagged.danger("refuse");
            case DONE -> Tagged.info("done");
        };
    }

    static GridPane of(List<CheckItem> items) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (CheckItem item : items) {
            Label badge = Ui.badge(verdict(item.verdict()));
            badge.setAccessibleText(item.name() + ": " + item.verdict().name().toLowerCase());
            Label name = new Label(item.name());
            name.getStyleClass().add("check-name");
            name.setMinWidth(Label.USE_PREF_SIZE);
            Label message = new Label(item.message());
            message.setWrapText(true);
            VBox text = new VBox(2, message);
            for (String d : item.details().subList(0, Math.min(item.details().size(), 20))) {
                Label l = Ui.mono("• " + d);
                l.setWrapText(true);
                text.getChildren().add(l);
            }
            if (item.details().size() > 20) {
                text.getChildren().add(Ui.muted("… and " + (item.details().size() - 20) + " more"));
            }
            GridPane.setValignment(badge, javafx.geometry.VPos.TOP);
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            GridPane.setHgrow(text, Priority.ALWAYS);
            grid.addRow(row++, badge, name, text);
        }
        grid.setAlignment(Pos.TOP_LEFT);
        grid.getStyleClass().add("check-list");
        return grid;
    }
}
