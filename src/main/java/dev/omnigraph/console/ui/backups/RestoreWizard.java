package dev.omnigraph.console.ui.backups;

import dev.omnigraph.console.backup.RestorePlan;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.common.ProgressStrip;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.Windows;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The restore wizard (non-modal, in the migration wizard's look): target root, the plan made by
 * reading only, the typed point id, then the restore with progress, pause, resume and cancel, and
 * the outcome. The logic is {@link RestoreWizardViewModel}.
 */
public final class RestoreWizard extends Stage {
    private final RestoreWizardViewModel model;

    public static RestoreWizard open(ViewContext ctx, StoreUri location, RestorePoint point) {
        RestoreWizard w = new RestoreWizard(ctx.owner().get(), new RestoreWizardViewModel(ctx.session(), location, point));
        w.show();
        return w;
    }

    public RestoreWizard(Window owner, RestoreWizardViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(model.title());
        if (owner != null) {
            Windows.copyIcons(owner, this);
        }
        RestorePoint p = model.point();
        Label heading = new Label("Restore point " + p.pointId());
        heading.getStyleClass().add("dialog-heading");
        Label intro = new Label(p.ledger().describe() + "; " + Format.count(p.objects().size()) + " objects, " + Format.bytes(p.totalBytes())
                + ", taken " + Ui.time(p.startedAt()) + " from " + p.sourceRoot() + ". A restore writes into an empty root (or this "
                + "cluster's root after its ledger was lost, when its graphs still match the point), never overwrites, and writes the "
                + "ledger last.");
        intro.setWrapText(true);

        TextField target = field("restore-target", "target root: an empty folder or s3://bucket/prefix", model.targetProperty());
        TextField takeOver = field("restore-take-over", "lock id of an interrupted restore, to resume it", model.takeOverLockIdProperty());
        Button plan = new Button("Plan");
        plan.setId("restore-plan");
        plan.setOnAction(e -> model.plan());
        plan.disableProperty().bind(model.progress().runningProperty());
        target.setOnAction(e -> model.plan());

        Label outcome = Banners.verdict("restore-outcome", model.outcomeProperty());
        Label failure = Banners.failure("restore-failure", model.failureProperty());

        VBox confirm = confirmation();
        model.planProperty().addListener((o, a, b) -> confirm.setVisible(b != null && b.verdict() != RestorePlan.Verdict.REFUSED));

        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        HBox buttons = new HBox(10, controls(), Ui.spacer(), close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox content = new VBox(10, heading, intro, Ui.section("Target"), Ui.row(10, target, plan), takeOver,
                new ProgressStrip(model.progress(), "the restore"), failure, outcome, confirm, buttons);
        content.setPadding(new Insets(18));
        content.getStyleClass().add("dialog");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setScene(Windows.styledScene(owner, scroll, 820, 560));
        setOnHidden(e -> model.cancel());
    }

    private VBox confirmation() {
        CheckBox stopped = new CheckBox("Nothing uses the target (needed when it already holds objects)");
        stopped.setId("restore-writers-stopped");
        stopped.selectedProperty().bindBidirectional(model.writersStoppedProperty());
        Label prompt = new Label(model.confirmationPrompt() + ":");
        prompt.setWrapText(true);
        TextField typed = field("restore-confirm-input", "", model.typedProperty());
        typed.getStyleClass().add("mono");
        prompt.setLabelFor(typed);
        Button restore = new Button("Restore");
        restore.setId("restore-run");
        restore.getStyleClass().add("danger");
        restore.disableProperty().bind(model.canRestoreProperty().not());
        restore.setOnAction(e -> model.restore());
        VBox box = new VBox(8, Ui.section("Confirm"), stopped, prompt, Ui.row(10, typed, Ui.spacer(), restore));
        box.setId("restore-confirmation");
        box.managedProperty().bind(box.visibleProperty());
        box.setVisible(false);
        return box;
    }

    private HBox controls() {
        Button pause = new Button("Pause");
        pause.setId("restore-pause");
        pause.setOnAction(e -> model.pause());
        Button resume = new Button("Resume");
        resume.setId("restore-resume");
        resume.setOnAction(e -> model.resume());
        Button cancel = new Button("Cancel");
        cancel.setId("restore-cancel");
        cancel.setOnAction(e -> model.cancel());
        for (Button b : List.of(pause, resume, cancel)) {
            b.disableProperty().bind(model.progress().runningProperty().not());
        }
        return new HBox(10, pause, resume, cancel);
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(prompt);
        f.setPrefColumnCount(44);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    public RestoreWizardViewModel viewModel() {
        return model;
    }
}
