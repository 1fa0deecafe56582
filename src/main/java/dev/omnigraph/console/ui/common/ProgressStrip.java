package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.ui.task.ProgressModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A thin bar shown while a {@link ProgressModel} runs: progress, what is happening, figures
 * (done / total, throughput, ETA) and a Cancel button. Hidden otherwise.
 */
public final class ProgressStrip extends HBox {
    public ProgressStrip(ProgressModel model, String cancelWhat) {
        super(10);
        getStyleClass().add("progress-strip");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(220);
        bar.progressProperty().bind(model.fractionProperty());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        Label figures = new Label();
        figures.getStyleClass().add("muted");
        figures.textProperty().bind(model.figuresProperty());
        HBox.setHgrow(figures, Priority.ALWAYS);
        figures.setMaxWidth(Double.MAX_VALUE);
        Button cancel = new Button("Cancel");
        cancel.setAccessibleText("Cancel " + cancelWhat);
        cancel.setOnAction(e -> model.cancel());
        getChildren().addAll(bar, message, figures, cancel);
        visibleProperty().bind(model.runningProperty());
        managedProperty().bind(model.runningProperty());
    }
}
