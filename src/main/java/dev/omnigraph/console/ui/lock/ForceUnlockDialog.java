package dev.omnigraph.console.ui.lock;

import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.Windows;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The force-unlock confirmation: names the lock, its operation and age, asks the admin to type
 * the exact lock id, and shows the outcome in place. The logic is {@link ForceUnlockViewModel}.
 */
public final class ForceUnlockDialog extends Stage {
    private final ForceUnlockViewModel model;
    private final TextField input = new TextField();

    public ForceUnlockDialog(Window owner, ForceUnlockViewModel model) {
        this.model = model;
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle(model.title());
        Windows.copyIcons(owner, this);
        ScrollPane scroll = new ScrollPane(body());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox buttons = buttons();
        buttons.setPadding(new Insets(8, 20, 16, 20));
        VBox root = new VBox(scroll, buttons);
        root.setPrefWidth(620);
        root.getStyleClass().add("dialog");
        setScene(Windows.styledScene(owner, root, 640, model.asksOwnerStopped() ? 700 : 560));
        setMinWidth(480);
        setMinHeight(360);
        setOnShown(e -> input.requestFocus());
    }

    /** What is unlocked, the id to type (and, on v0.13, that the owner is stopped), the typed id and the outcome. */
    private VBox body() {
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
        prompt.setLabelFor(input);
        Label outcome = outcome();
        for (Label l : new Label[] {heading, description, prompt, outcome}) {
            l.setMinHeight(Region.USE_PREF_SIZE); // wrapped text takes the lines it needs, never "…"
        }
        VBox body = new VBox(12, heading, description, Ui.section("Lock id"), shownId);
        if (model.asksOwnerStopped()) {
            body.getChildren().add(ownerStopped());
        }
        body.getChildren().addAll(prompt, typedRow(), outcome);
        body.setPadding(new Insets(20, 20, 8, 20));
        return body;
    }

    private CheckBox ownerStopped() {
        CheckBox stopped = new CheckBox(model.ownerStoppedText());
        stopped.setId("force-unlock-owner-stopped");
        stopped.setWrapText(true);
        stopped.setMinHeight(Region.USE_PREF_SIZE);
        stopped.selectedProperty().bindBidirectional(model.ownerStoppedProperty());
        return stopped;
    }

    /** The typed id (Enter confirms when it matches) and whether it matches. */
    private HBox typedRow() {
        input.setId("force-unlock-input");
        input.getStyleClass().add("mono");
        input.setPromptText(model.lockId().replaceAll(".", "·"));
        input.setAccessibleText("Type the exact lock id " + model.lockId() + " to enable removal");
        input.textProperty().bindBidirectional(model.typedProperty());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.canConfirm()) {
                model.confirm();
            }
        });
        Label match = new Label();
        match.setId("force-unlock-match");
        match.setWrapText(true);
        model.matchProperty().addListener((o, a, b) -> showMatch(match, b));
        showMatch(match, model.matchProperty().get());
        HBox.setHgrow(input, Priority.ALWAYS);
        HBox typedRow = new HBox(10, input, match);
        typedRow.setAlignment(Pos.CENTER_LEFT);
        return typedRow;
    }

    private static void showMatch(Label match, Tagged m) {
        if (m == null) {
            match.setText("");
            match.getStyleClass().removeIf(c -> c.startsWith("status-") || c.equals("badge"));
        } else {
            Ui.styleBadge(match, m);
        }
    }

    private Label outcome() {
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
        return outcome;
    }

    /** Cancel (Close once there is an outcome) and the confirm button, which goes once it has run. */
    private HBox buttons() {
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
        return buttons;
    }
}
