package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.task.TaskRunner;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Page 1: the destination root and its S3 settings, and the capability probe's checklist. */
final class DestinationPage extends VBox {
    DestinationPage(WizardViewModel vm, LocalS3Endpoint local, TaskRunner runner, java.util.function.Supplier<Window> owner) {
        super(12);
        DestinationForm form = vm.form();
        TextField uri = field("migrate-uri", form.uriProperty(), "s3://bucket/prefix, file:///path or /path/to/folder", "Destination root");
        dev.omnigraph.console.ui.common.RootField.decorate(uri, text -> dev.omnigraph.console.ui.common.RootField.problem(text,
                java.nio.file.Path.of("").toAbsolutePath()));
        uri.setPrefColumnCount(40);
        Button check = new Button("_Check destination");
        check.setId("migrate-check");
        check.getStyleClass().add("accent");
        check.setDefaultButton(false);
        check.disableProperty().bind(vm.busyProperty());
        check.setOnAction(e -> vm.checkDestination());
        check.setAccessibleText("Run the capability probe on the destination");
        uri.setOnAction(e -> vm.checkDestination());

        GridPane s3 = new GridPane();
        s3.setHgap(10);
        s3.setVgap(8);
        int r = 0;
        r = row(s3, r, "_Endpoint", field("migrate-endpoint", form.endpointProperty(), "blank: the source's, or the environment's", "S3 endpoint URL"));
        r = row(s3, r, "Re_gion", field("migrate-region", form.regionProperty(), "blank: the source's, or us-east-1", "Region"));
        ChoiceBox<S3Input.PathStyle> style = new ChoiceBox<>();
        style.getItems().setAll(S3Input.PathStyle.values());
        style.valueProperty().bindBidirectional(form.addressingProperty());
        style.setAccessibleText("Addressing: path style or virtual-hosted");
        r = row(s3, r, "Addressing", style);
        r = row(s3, r, "Pro_file", field("migrate-profile", form.profileProperty(), "AWS profile (blank: the source's credentials)", "AWS profile"));
        r = row(s3, r, "Access _key id", field("migrate-access-key", form.accessKeyProperty(), "optional: instead of a profile", "Access key id"));
        PasswordField secret = new PasswordField();
        secret.setId("migrate-secret");
        secret.textProperty().bindBidirectional(form.secretKeyProperty());
        secret.setAccessibleText("Secret key");
        r = row(s3, r, "_Secret key", secret);
        s3.add(Ui.muted("Blank fields inherit the source's S3 settings. Keys typed here stay in memory for this window only."), 0, r, 2, 1);
        TitledPane s3Pane = new TitledPane("S3 connection of the destination", s3);
        s3Pane.setId("migrate-s3");
        s3Pane.setExpanded(form.looksLikeS3());
        form.uriProperty().addListener((o, a, b) -> {
            if (form.looksLikeS3()) {
                s3Pane.setExpanded(true);
            }
        });

        Button useLocal = new Button("Use the _local S3 endpoint");
        useLocal.setId("migrate-use-local");
        useLocal.visibleProperty().bind(local.runningProperty().isNotNull());
        useLocal.managedProperty().bind(useLocal.visibleProperty());
        useLocal.setOnAction(e -> form.useLocalEndpoint(local.runningProperty().get(), vm.cluster().name()));
        Button startLocal = new Button("Local S3 endpoint…");
        startLocal.setId("migrate-open-local");
        startLocal.setOnAction(e -> LocalS3Window.open(owner.get(), local, runner));
        startLocal.setAccessibleText("Open the local S3 endpoint window (a demo destination on 127.0.0.1)");

        VBox checks = new VBox(8);
        checks.setId("migrate-destination-checks");
        vm.destinationProperty().addListener((o, a, b) -> {
            checks.getChildren().clear();
            if (b != null) {
                checks.getChildren().addAll(Ui.section("Capability probe: " + b.destination().describe()), CheckList.of(b.items()));
                if (!b.ok()) {
                    Label refused = new Label("The wizard cannot go on: " + b.refusal().map(i -> i.message()).orElse("")
                            + ". Cutover writes the ledger create-only and the cluster's writers rely on If-Match: a destination "
                            + "that ignores either could lose writes.");
                    refused.setWrapText(true);
                    refused.getStyleClass().addAll("banner", "status-danger");
                    checks.getChildren().add(refused);
                }
            }
        });
        Label hint = Ui.muted("Source: " + vm.cluster().root().display() + ". The destination must be a separate, empty root (or one "
                + "an earlier attempt left: the plan resumes it). The probe writes scratch objects under __cluster/ there and removes them.");
        VBox.setVgrow(checks, Priority.ALWAYS);
        Label rootLabel = new Label("Destination _root");
        rootLabel.setMnemonicParsing(true);
        rootLabel.setLabelFor(uri);
        rootLabel.setMinWidth(Label.USE_PREF_SIZE);
        javafx.scene.layout.HBox.setHgrow(uri, Priority.ALWAYS);
        getChildren().addAll(hint, Ui.row(8, rootLabel, uri), s3Pane, Ui.row(8, check, useLocal, Ui.spacer(), startLocal), checks);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, String prompt, String accessible) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        t.setPromptText(prompt);
        t.setAccessibleText(accessible);
        return t;
    }

    private static int row(GridPane g, int r, String label, javafx.scene.Node field) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        g.add(l, 0, r);
        g.add(field, 1, r);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return r + 1;
    }
}
