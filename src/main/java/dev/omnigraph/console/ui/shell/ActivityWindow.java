package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.task.Activity;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every background job of the session, newest first, with its outcome; running ones can be
 * cancelled. Finished jobs stay listed (an audit trail for the session, not a glance).
 */
final class ActivityWindow extends Stage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    ActivityWindow(Window owner, ObservableList<Activity> activities) {
        initOwner(owner);
        setTitle("Activity");
        ListView<Activity> list = new ListView<>(activities.sorted((a, b) -> b.started().compareTo(a.started())));
        list.setAccessibleText("Background activity");
        list.setPlaceholder(Ui.placeholder("Nothing has run yet."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Activity a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(TIME.format(a.started()) + "  " + a.title());
                title.getStyleClass().add("list-title");
                Label state = Ui.badge(tag(a.stateProperty().get()));
                Label message = Ui.muted(a.messageProperty().get());
                ProgressBar bar = new ProgressBar(a.progressProperty().get());
                bar.setPrefWidth(160);
                bar.setVisible(a.stateProperty().get() == Activity.State.RUNNING);
                Button cancel = new Button("Cancel");
                cancel.setAccessibleText("Cancel " + a.title());
                cancel.setOnAction(e -> a.cancel());
                cancel.setVisible(a.stateProperty().get() == Activity.State.RUNNING);
                HBox top = Ui.row(8, state, title, Ui.spacer(), bar, cancel);
                HBox.setHgrow(title, Priority.ALWAYS);
                setGraphic(new VBox(2, top, message));
            }
        });
        activities.forEach(a -> a.stateProperty().addListener((o, x, y) -> list.refresh()));
        activities.addListener((javafx.collections.ListChangeListener<Activity>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(a -> a.stateProperty().addListener((o, x, y) -> list.refresh()));
            }
        });
        VBox root = new VBox(8, Ui.title("Activity"), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(14));
        setScene(new Scene(root, 640, 420));
    }

    private static Tagged tag(Activity.State s) {
        return switch (s) {
            case RUNNING -> new Tagged("running", Severity.INFO);
            case SUCCEEDED -> new Tagged("done", Severity.OK);
            case FAILED -> new Tagged("failed", Severity.DANGER);
            case CANCELLED -> new Tagged("cancelled", Severity.NEUTRAL);
        };
    }
}
