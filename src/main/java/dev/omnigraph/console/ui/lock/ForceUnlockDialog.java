package dev.omnigraph.console.ui.lock;

import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.Windows;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The force-unlock confirmation: names the lock, its operation and age, asks the admin to type
 * the exact lock id, and shows the outcome in place. The logic is {@link ForceUnlockViewModel}.
 */
public final class ForceUnlockDialog extends Stage {

    public ForceUnlockDialog(Window owner, ForceUnlockViewModel model) {
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle(model.title());
        Windows.copyIcons(owner, this);

        Label heading = new Label("Force unlock: " + model.operation() + ", held for " + model.age());
        heading.getStyleClass().add("dialog-heading");
        heading.setWrapText(true);
        Label description = new Label(model.description());
        description.setWrapText(true);
        TextField shownId = new TextField(model.lockId());
        shownId.setEditable(false);
        shownId.getStyleClass().addAll("mono", "readonly-field");
        shownId.setAccessibleText("Lock id to type");
        Label prompt = new Label("Type the lock id to confirm:");
        TextField input = new TextField();
        input.setId("force-unlock-input");
        input.getStyleClass().add("mono");
        input.setPromptText(model.lockId().replaceAll(".", "·"));
        input.setAccessibleText("Type the exact lock id " + model.lockId() + " to enable removal");
        input.textProperty().bindBidirectional(model.typedProperty());
        prompt.setLabelFor(input);

        Label outcome = new Label();
        outcome.setId("force-unlock-outcome");
        outcome.setWrapText(true);
        outcome.setMaxWidth(Double.MAX_VALUE);
        outcome.getStyleClass().add("banner");
        outcome.visibleProperty().bind(model.outcomeProperty().isNotNull());
        outcome.managedProperty().bind(outcome.visibleProperty());
        model.outcomeProperty().addListener((o, a, b) -> {
            outcome.getStyleClass().removeIf(c -> c.startsWith("status-"));
            if (b != null) {
                outcome.setText(b.text());
                outcome.getStyleClass().add(b.severity().styleClass());
            }
        });

        Button confirm = new Button(model.confirmLabel());
        confirm.setId("force-unlock-confirm");
        confirm.getStyleClass().add("danger");
        confirm.disableProperty().bind(model.canConfirmProperty().not());
        confirm.setOnAction(e -> model.confirm());
        confirm.visibleProperty().bind(model.outcomeProperty().isNull());
        confirm.managedProperty().bind(confirm.visibleProperty());
        Button close = new Button("Cancel");
        close.setId("force-unlock-close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        model.outcomeProperty().addListener((o, a, b) -> close.setText(b == null ? "Cancel" : "Close"));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.runningProperty());
        HBox buttons = new HBox(10, spinner, Ui.spacer(), close, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.canConfirm()) {
                model.confirm();
            }
        });

        VBox root = new VBox(12, heading, description, Ui.section("Lock id"), shownId, prompt, input, outcome, buttons);
        root.setPadding(new Insets(20));
        root.setPrefWidth(560);
        root.getStyleClass().add("dialog");
        setScene(Windows.styledScene(owner, root, 580, 470));
        setOnShown(e -> input.requestFocus());
    }
}
