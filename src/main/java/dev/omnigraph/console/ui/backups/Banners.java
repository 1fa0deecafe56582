package dev.omnigraph.console.ui.backups;

import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.UserMessage;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** The verdict and failure lines of the Backups page and the restore wizard: hidden while empty, styled by severity. */
final class Banners {
    private Banners() {}

    static Label verdict(String id, ObservableValue<Tagged> value) {
        Label l = hidden(id);
        value.addListener((o, a, b) -> {
            l.setVisible(b != null);
            if (b != null) {
                Ui.styleBadge(l, b);
                l.setText(b.text());
            }
        });
        return l;
    }

    static Label failure(String id, ObservableValue<UserMessage> value) {
        Label l = hidden(id);
        l.getStyleClass().addAll("banner", "status-danger");
        value.addListener((o, a, b) -> {
            l.setVisible(b != null);
            l.setText(b == null ? "" : b.title() + ": " + b.detail());
        });
        return l;
    }

    private static Label hidden(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.managedProperty().bind(l.visibleProperty());
        l.setVisible(false);
        return l;
    }
}
