package dev.omnigraph.console.ui.connect;

import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.ui.common.FormGrid;
import dev.omnigraph.console.ui.common.RootField;
import dev.omnigraph.console.ui.common.S3ConnectionFields;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.UserMessage;
import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The Connect page: saved connections and recent roots on the left, the connection form on the
 * right (root or config folder, S3 settings, session-only keys), "Test connection" with its
 * checklist, and errors in place. Logic in {@link ConnectViewModel}.
 */
public final class ConnectView extends BorderPane {
    private final ConnectViewModel model;
    private final Supplier<Window> owner;
    final TextField rootField = new TextField();
    final TextField configField = new TextField();
    final Button open = new Button("_Open");
    final Button test = new Button("_Test connection");

    public ConnectView(ConnectViewModel model, Supplier<Window> owner, ReadOnlyObjectProperty<UserMessage> shellError) {
        this.model = model;
        this.owner = owner;
        getStyleClass().addAll("page", "connect-page");
        setLeft(new ConnectSidebar(model));
        ScrollPane scroll = new ScrollPane(form(shellError));
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private Node form(ReadOnlyObjectProperty<UserMessage> shellError) {
        VBox form = new VBox(14, Ui.title("Open a cluster"),
                Ui.muted("A cluster is its storage root: an S3 prefix or a local folder holding __cluster/state.json. "
                        + "Or open its config folder: the console reads cluster.yaml's storage: line and can then compare "
                        + "approvals with the desired config."),
                where(), s3Pane(), buttons(), errorBanner(model.errorProperty(), "connect-error"),
                errorBanner(shellError, "connect-open-error"), verdict(), checks());
        form.setPadding(new Insets(18, 24, 24, 18));
        form.setMaxWidth(860);
        form.getStyleClass().add("connect-form");
        return form;
    }

    /** Where the cluster is: a storage root or a config folder (one shown at a time), and an optional display name. */
    private GridPane where() {
        ToggleGroup kind = new ToggleGroup();
        RadioButton byRoot = new RadioButton("Storage _root");
        RadioButton byConfig = new RadioButton("Config _folder (cluster.yaml)");
        byRoot.setToggleGroup(kind);
        byConfig.setToggleGroup(kind);
        byRoot.setSelected(model.modeProperty().get() == SavedConnection.Kind.ROOT);
        byConfig.setSelected(!byRoot.isSelected());
        kind.selectedToggleProperty().addListener((o, a, b) -> model.modeProperty().set(b == byConfig ? SavedConnection.Kind.CONFIG
                : SavedConnection.Kind.ROOT));
        model.modeProperty().addListener((o, a, b) -> (b == SavedConnection.Kind.CONFIG ? byConfig : byRoot).setSelected(true));
        GridPane where = FormGrid.grid();
        where.add(Ui.row(18, byRoot, byConfig), 0, 0, 2, 1);
        where.add(shownWhen(rootRow(), byRoot), 0, 1, 2, 1);
        where.add(shownWhen(configRow(), byConfig), 0, 2, 2, 1);
        FormGrid.labelled(where, 3, "_Name", FormGrid.text(null, model.nameProperty(), "optional: how this cluster is listed",
                "Display name"));
        return where;
    }

    private HBox rootRow() {
        rootField.setId("connect-root");
        rootField.setPromptText("s3://bucket/prefix, file:///path or /path/to/root");
        rootField.setAccessibleText("Storage root URI");
        rootField.textProperty().bindBidirectional(model.rootProperty());
        RootField.decorate(rootField, model::rootProblem);
        return fieldRow(rootField, browse("Choose a local storage root", model.rootProperty()));
    }

    private HBox configRow() {
        configField.setId("connect-config");
        configField.setPromptText("/path/to/folder with cluster.yaml");
        configField.setAccessibleText("Config folder");
        configField.textProperty().bindBidirectional(model.configDirProperty());
        return fieldRow(configField, browse("Choose the folder that holds cluster.yaml", model.configDirProperty()));
    }

    private static HBox shownWhen(HBox row, RadioButton selected) {
        row.visibleProperty().bind(selected.selectedProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** The S3 fields, expanded while they matter (an s3:// root or a config folder). */
    private TitledPane s3Pane() {
        GridPane s3 = S3ConnectionFields.of(model.s3(), "connect", new S3ConnectionFields.Prompts(model.environmentHint("endpoint"),
                model.environmentHint("region"), model.environmentHint("profile"), "kept for this session only, never saved",
                "Credentials default to the environment and the AWS profile chain (SSO included). Keys typed here stay in "
                        + "memory for this session and are never written to disk."));
        TitledPane s3Pane = new TitledPane("S3 connection", s3);
        s3Pane.setId("connect-s3");
        s3Pane.setExpanded(model.s3RelevantProperty().get());
        model.s3RelevantProperty().addListener((o, a, b) -> s3Pane.setExpanded(b));
        return s3Pane;
    }

    private HBox buttons() {
        test.setId("connect-test");
        test.setOnAction(e -> model.testConnection());
        test.disableProperty().bind(model.busyProperty());
        Button save = new Button("Sa_ve");
        save.setAccessibleText("Save this connection without any secret");
        save.setOnAction(e -> model.save());
        open.setId("connect-open");
        open.setDefaultButton(true);
        open.getStyleClass().add("accent");
        open.setOnAction(e -> model.open());
        open.disableProperty().bind(model.busyProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        return Ui.row(10, busy, Ui.spacer(), test, save, open);
    }

    /** What the test's checklist means, in one banner. */
    private Label verdict() {
        Label verdict = new Label();
        verdict.setId("connect-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.getStyleClass().add("banner");
        model.verdictProperty().addListener((o, a, b) -> styleBanner(verdict, b));
        verdict.visibleProperty().bind(model.verdictProperty().isNotNull());
        verdict.managedProperty().bind(verdict.visibleProperty());
        return verdict;
    }

    /** The capability probe's checklist, as tall as its rows. */
    private TableView<CheckRow> checks() {
        TableView<CheckRow> checks = new TableView<>(model.checks());
        checks.setId("connect-checks");
        checks.setAccessibleText("Capability checklist");
        checks.getColumns().setAll(List.of(Ui.badgeColumn("Result", CheckRow::status, 90), Ui.textColumn("Check", CheckRow::name, 170),
                Ui.textColumn("Detail", CheckRow::detail, 460)));
        checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checks.setFixedCellSize(28);
        checks.prefHeightProperty().bind(checks.fixedCellSizeProperty().multiply(Bindings.size(model.checks())).add(34));
        checks.visibleProperty().bind(Bindings.isNotEmpty(model.checks()));
        checks.managedProperty().bind(checks.visibleProperty());
        return checks;
    }

    private static HBox fieldRow(TextField field, Button browse) {
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox h = new HBox(8, field, browse);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Button browse(String title, StringProperty target) {
        Button b = new Button("Browse…");
        b.setAccessibleText(title);
        b.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File dir = chooser.showDialog(owner.get());
            if (dir != null) {
                target.set(dir.getAbsolutePath());
            }
        });
        return b;
    }

    private static VBox errorBanner(ReadOnlyObjectProperty<UserMessage> message, String id) {
        Label title = new Label();
        title.getStyleClass().add("banner-title");
        Label detail = new Label();
        detail.setWrapText(true);
        Label hint = new Label();
        hint.setWrapText(true);
        hint.getStyleClass().add("banner-hint");
        VBox box = new VBox(4, title, detail, hint);
        box.setId(id);
        box.getStyleClass().addAll("banner", "status-danger");
        box.setPadding(new Insets(10, 12, 10, 12));
        message.addListener((o, a, b) -> {
            title.setText(b == null ? "" : b.title());
            detail.setText(b == null ? "" : b.detail());
            hint.setText(b == null ? "" : b.hint());
        });
        box.visibleProperty().bind(message.isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void styleBanner(Label l, Tagged t) {
        l.getStyleClass().removeIf(c -> c.startsWith("status-"));
        if (t != null) {
            l.setText(t.text());
            l.getStyleClass().add(t.severity().styleClass());
        }
    }

    public ConnectViewModel viewModel() {
        return model;
    }

    public void focusFirst() {
        (model.modeProperty().get() == SavedConnection.Kind.CONFIG ? configField : rootField).requestFocus();
    }
}
