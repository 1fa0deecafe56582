package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.ui.common.RootField;
import dev.omnigraph.console.ui.common.S3ConnectionFields;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Page 1: the destination root and its S3 settings, and the capability probe's checklist. */
final class DestinationPage extends VBox {
    private final WizardViewModel vm;
    private final DestinationForm form;

    DestinationPage(WizardViewModel vm, LocalS3Endpoint local, TaskRunner runner, Supplier<Window> owner) {
        super(12);
        this.vm = vm;
        this.form = vm.form();
        Label hint = Ui.muted("Source: " + vm.cluster().root().display() + ". The destination must be a separate, empty root (or one "
                + "an earlier attempt left: the plan resumes it). The probe writes scratch objects under __cluster/ there and removes them.");
        VBox checks = checks();
        VBox.setVgrow(checks, Priority.ALWAYS);
        getChildren().addAll(hint, rootRow(), s3Pane(), Ui.row(8, checkButton(), useLocal(local), Ui.spacer(), openLocal(local, runner,
                owner)), checks);
    }

    private HBox rootRow() {
        TextField uri = new TextField();
        uri.setId("migrate-uri");
        uri.textProperty().bindBidirectional(form.uriProperty());
        uri.setPromptText("s3://bucket/prefix, file:///path or /path/to/folder");
        uri.setAccessibleText("Destination root");
        RootField.decorate(uri, text -> RootField.problem(text, Path.of("").toAbsolutePath()));
        uri.setPrefColumnCount(40);
        uri.setOnAction(e -> vm.checkDestination());
        Label rootLabel = new Label("Destination _root");
        rootLabel.setMnemonicParsing(true);
        rootLabel.setLabelFor(uri);
        rootLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox.setHgrow(uri, Priority.ALWAYS);
        return Ui.row(8, rootLabel, uri);
    }

    private Button checkButton() {
        Button check = new Button("_Check destination");
        check.setId("migrate-check");
        check.getStyleClass().add("accent");
        check.setDefaultButton(false);
        check.disableProperty().bind(vm.busyProperty());
        check.setOnAction(e -> vm.checkDestination());
        check.setAccessibleText("Run the capability probe on the destination");
        return check;
    }

    /** The destination's S3 fields, expanded once the root is an s3:// one. */
    private TitledPane s3Pane() {
        TitledPane s3Pane = new TitledPane("S3 connection of the destination", S3ConnectionFields.of(form.s3(), "migrate",
                new S3ConnectionFields.Prompts("blank: the source's, or the environment's", "blank: the source's, or us-east-1",
                        "AWS profile (blank: the source's credentials)", "",
                        "Blank fields inherit the source's S3 settings. Keys typed here stay in memory for this window only.")));
        s3Pane.setId("migrate-s3");
        s3Pane.setExpanded(form.looksLikeS3());
        form.uriProperty().addListener((o, a, b) -> {
            if (form.looksLikeS3()) {
                s3Pane.setExpanded(true);
            }
        });
        return s3Pane;
    }

    private Button useLocal(LocalS3Endpoint local) {
        Button useLocal = new Button("Use the _local S3 endpoint");
        useLocal.setId("migrate-use-local");
        useLocal.visibleProperty().bind(local.runningProperty().isNotNull());
        useLocal.managedProperty().bind(useLocal.visibleProperty());
        useLocal.setOnAction(e -> form.useLocalEndpoint(local.runningProperty().get(), vm.cluster().name()));
        return useLocal;
    }

    private static Button openLocal(LocalS3Endpoint local, TaskRunner runner, Supplier<Window> owner) {
        Button startLocal = new Button("Local S3 endpoint…");
        startLocal.setId("migrate-open-local");
        startLocal.setOnAction(e -> LocalS3Window.open(owner.get(), local, runner));
        startLocal.setAccessibleText("Open the local S3 endpoint window (a demo destination on 127.0.0.1)");
        return startLocal;
    }

    /** The probe's checklist for the destination checked last, and why the wizard stops when it refuses. */
    private VBox checks() {
        VBox checks = new VBox(8);
        checks.setId("migrate-destination-checks");
        vm.destinationProperty().addListener((o, a, b) -> {
            checks.getChildren().clear();
            if (b == null) {
                return;
            }
            checks.getChildren().addAll(Ui.section("Capability probe: " + b.destination().describe()), CheckList.of(b.items()));
            if (!b.ok()) {
                Label refused = new Label("The wizard cannot go on: " + b.refusal().map(i -> i.message()).orElse("")
                        + ". Cutover writes the ledger create-only and the cluster's writers rely on If-Match: a destination "
                        + "that ignores either could lose writes.");
                refused.setWrapText(true);
                refused.getStyleClass().addAll("banner", "status-danger");
                checks.getChildren().add(refused);
            }
        });
        return checks;
    }
}
