package dev.omnigraph.console.ui.common;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The window's {@link DialogService}: JavaFX alerts owned by the current window (so the theme and
 * icons follow it), text that wraps instead of being cut, and buttons never narrower than their
 * labels. The only place in the console that builds an {@code Alert}.
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(Confirmation q) {
        ButtonType action = new ButtonType(q.action(), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(q.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = build(Alert.AlertType.CONFIRMATION, q.title(), q.header(), q.detail(), action, keep);
        Button yes = (Button) alert.getDialogPane().lookupButton(action);
        yes.setDefaultButton(!q.dangerous());
        if (q.dangerous()) {
            yes.getStyleClass().add("danger");
            ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        }
        return alert.showAndWait().filter(b -> b == action).isPresent();
    }

    @Override
    public void inform(String title, String header, String detail) {
        build(Alert.AlertType.INFORMATION, title, header, detail, ButtonType.CLOSE).show();
    }

    @Override
    public void warn(String title, String header, String detail) {
        build(Alert.AlertType.WARNING, title, header, detail, ButtonType.CLOSE).show();
    }

    private Alert build(Alert.AlertType type, String title, String header, String detail, ButtonType... buttons) {
        Alert alert = new Alert(type, detail, buttons);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        DialogPane pane = alert.getDialogPane();
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.setMinWidth(Region.USE_PREF_SIZE);
        for (ButtonType b : buttons) {
            Button button = (Button) pane.lookupButton(b);
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        return alert;
    }
}
