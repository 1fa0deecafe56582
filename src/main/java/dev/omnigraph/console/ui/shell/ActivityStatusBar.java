package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.task.Activity;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/** The window's ControlsFX status bar: what runs now (with its progress) on the left, the preferences note and "Activity…" on the right. */
final class ActivityStatusBar {
    private ActivityStatusBar() {}

    /**
     * @param owner      the window owning the activity list it opens
     * @param activities every background activity, following their state, message and progress
     * @param prefsNote  the preferences' last problem, or ""
     */
    static StatusBar of(Stage owner, ObservableList<Activity> activities, String prefsNote) {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        rebind(bar, activities);
        Button log = new Button("Activity…");
        log.setAccessibleText("Show all background activity");
        log.setMinWidth(Region.USE_PREF_SIZE);
        log.setOnAction(e -> new ActivityWindow(owner, activities).show());
        bar.getRightItems().addAll(Ui.muted(prefsNote), log);
        bar.getStyleClass().add("status-bar");
        activities.addListener((ListChangeListener<Activity>) c -> {
            rebind(bar, activities);
            while (c.next()) {
                c.getAddedSubList().forEach(a -> {
                    a.stateProperty().addListener((o, x, y) -> rebind(bar, activities));
                    a.messageProperty().addListener((o, x, y) -> rebind(bar, activities));
                    a.progressProperty().addListener((o, x, y) -> rebind(bar, activities));
                });
            }
        });
        return bar;
    }

    private static void rebind(StatusBar bar, ObservableList<Activity> activities) {
        List<Activity> running = activities.stream().filter(a -> a.stateProperty().get() == Activity.State.RUNNING).toList();
        if (running.isEmpty()) {
            bar.setText("Ready");
            bar.setProgress(0);
            return;
        }
        Activity a = running.getLast();
        bar.setText(running.size() + " running · " + a.title() + (a.messageProperty().get().isEmpty() ? "" : ": " + a.messageProperty().get()));
        double p = a.progressProperty().get();
        bar.setProgress(p >= 0 && p <= 1 ? p : -1);
    }
}
