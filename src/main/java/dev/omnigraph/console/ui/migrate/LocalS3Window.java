package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.Windows;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Local S3 endpoint…": starts and stops the in-process S3 server on 127.0.0.1 and shows its
 * endpoint, the credentials generated for this run (kept in memory only, never saved) and a
 * ready-to-paste destination root, so a new admin can migrate the demo cluster file:// → s3:// and back.
 */
public final class LocalS3Window {
    private static Stage open;

    private LocalS3Window() {}

    public static Stage open(Window owner, LocalS3Endpoint local, TaskRunner runner) {
        if (open != null && open.isShowing()) {
            open.toFront();
            return open;
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Local S3 endpoint (demo)");
        Windows.copyIcons(owner, stage);
        Button close = new Button("Close");
        close.setId("local-s3-close");
        close.setCancelButton(true);
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> stage.close());
        VBox root = new VBox(12, Ui.title("Local S3 endpoint"),
                Ui.muted("A real S3 server inside the console, listening on 127.0.0.1 only, for trying a migration without an account: "
                        + "open the demo cluster \u201canalytics\u201d (ready to migrate; \u201ccompany-brain\u201d shows what preflight refuses), choose Cluster > Migrate storage…, and press \u201cUse the local S3 endpoint\u201d. "
                        + "Its objects live in memory until it stops or the console quits. The credentials are generated for this run and "
                        + "are never saved. To migrate back, connect to the destination root with these settings and migrate it to a new folder."),
                controls(local, runner), details(local), problem(local), Ui.row(8, Ui.spacer(), close));
        root.setPadding(new Insets(16));
        root.setPrefWidth(640);
        root.setId("local-s3-window");
        stage.setScene(Windows.styledScene(owner, root, -1, -1));
        stage.show();
        // the details appear when it starts: the window grows to them instead of reserving their space
        local.runningProperty().addListener((o, a, b) -> stage.sizeToScene());
        open = stage;
        return stage;
    }

    /** Start, Stop and the endpoint's state. */
    private static HBox controls(LocalS3Endpoint local, TaskRunner runner) {
        Button start = new Button("_Start");
        start.setId("local-s3-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(local.busyProperty().or(local.runningProperty().isNotNull()));
        start.setOnAction(e -> local.start(runner));
        start.setMinWidth(Region.USE_PREF_SIZE);
        Button stop = new Button("S_top");
        stop.setId("local-s3-stop");
        stop.disableProperty().bind(local.busyProperty().or(local.runningProperty().isNull()));
        stop.setOnAction(e -> local.stop(runner));
        stop.setMinWidth(Region.USE_PREF_SIZE);
        Label state = new Label();
        state.setId("local-s3-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> local.busyProperty().get() ? "working…"
                : local.runningProperty().get() == null ? "stopped" : "running on " + local.runningProperty().get().endpoint(),
                local.busyProperty(), local.runningProperty()));
        return Ui.row(8, start, stop, state);
    }

    /** What to paste elsewhere while it runs (endpoint, keys, bucket, a destination root); no space while stopped. */
    private static GridPane details(LocalS3Endpoint local) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Endpoint"), Ui.copyable("the endpoint", whileRunning(local, LocalS3Endpoint.Running::endpoint)));
        grid.addRow(1, new Label("Access key id"), Ui.copyable("the access key id", whileRunning(local, LocalS3Endpoint.Running::accessKey)));
        grid.addRow(2, new Label("Secret key"), Ui.copyable("the secret key", whileRunning(local, LocalS3Endpoint.Running::secretKey)));
        grid.addRow(3, new Label("Bucket"), Ui.mono(LocalS3Endpoint.BUCKET));
        grid.addRow(4, new Label("Destination root"), Ui.copyable("the destination root", whileRunning(local,
                r -> r.destinationUri("analytics"))));
        grid.addRow(5, new Label("Settings"), Ui.mono("region us-east-1, path style"));
        grid.setId("local-s3-details");
        grid.visibleProperty().bind(local.runningProperty().isNotNull());
        grid.managedProperty().bind(grid.visibleProperty()); // stopped: no empty space where the details go
        return grid;
    }

    private static StringBinding whileRunning(LocalS3Endpoint local, Function<LocalS3Endpoint.Running, String> value) {
        return Bindings.createStringBinding(() -> local.runningProperty().get() == null ? "–" : value.apply(local.runningProperty().get()),
                local.runningProperty());
    }

    private static Label problem(LocalS3Endpoint local) {
        Label problem = new Label();
        problem.setWrapText(true);
        problem.textProperty().bind(local.problemProperty());
        problem.visibleProperty().bind(local.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }
}
