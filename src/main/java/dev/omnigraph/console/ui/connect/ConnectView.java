package dev.omnigraph.console.ui.connect;

import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.UserMessage;
import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseButton;
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
        setLeft(sidebar());
        ScrollPane scroll = new ScrollPane(form(shellError));
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private Node sidebar() {
        ListView<SavedConnection> saved = new ListView<>(model.savedConnections());
        saved.setId("connect-saved");
        saved.setAccessibleText("Saved connections");
        saved.setPlaceholder(Ui.placeholder("Save a connection to find it here."));
        saved.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SavedConnection c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    setText(null);
                    setContextMenu(null);
                    return;
                }
                Label name = new Label(c.name());
                name.getStyleClass().add("list-title");
                Label target = Ui.mono(c.target());
                target.getStyleClass().add("muted");
                setGraphic(new VBox(2, name, target));
                setText(null);
                setAccessibleText(c.name() + ", " + c.target());
                MenuItem remove = new MenuItem("Remove " + c.name());
                remove.setOnAction(e -> model.delete(c));
                setContextMenu(new ContextMenu(remove));
            }
        });
        saved.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.load(b);
            }
        });
        saved.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && saved.getSelectionModel().getSelectedItem() != null) {
                model.open();
            }
        });
        ListView<String> recent = new ListView<>(model.recentRoots());
        recent.setId("connect-recent");
        recent.setAccessibleText("Recently opened");
        recent.setPlaceholder(Ui.placeholder("Nothing opened yet."));
        recent.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                String path = entry.startsWith("config:") ? entry.substring(7) : entry;
                String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                Label name = new Label(trimmed.substring(trimmed.lastIndexOf('/') + 1) + (entry.startsWith("config:") ? " (config)" : ""));
                name.getStyleClass().add("list-title");
                Label full = Ui.mono(path);
                full.getStyleClass().add("muted");
                setGraphic(new VBox(2, name, full));
                setText(null);
                setAccessibleText(path);
                setTooltip(new javafx.scene.control.Tooltip(path));
            }
        });
        recent.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.loadRecent(b);
            }
        });
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                model.open();
            }
        });
        VBox box = new VBox(8, Ui.section("Saved connections"), saved, Ui.section("Recent"), recent);
        VBox.setVgrow(saved, Priority.ALWAYS);
        VBox.setVgrow(recent, Priority.ALWAYS);
        box.setPadding(new Insets(18, 12, 18, 18));
        box.setPrefWidth(300);
        box.getStyleClass().add("connect-sidebar");
        return box;
    }

    private Node form(ReadOnlyObjectProperty<UserMessage> shellError) {
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

        rootField.setId("connect-root");
        rootField.setPromptText("s3://bucket/prefix, file:///path or /path/to/root");
        rootField.setAccessibleText("Storage root URI");
        rootField.textProperty().bindBidirectional(model.rootProperty());
        dev.omnigraph.console.ui.common.RootField.decorate(rootField, model::rootProblem);
        configField.setId("connect-config");
        configField.setPromptText("/path/to/folder with cluster.yaml");
        configField.setAccessibleText("Config folder");
        configField.textProperty().bindBidirectional(model.configDirProperty());
        Button browseRoot = browse("Choose a local storage root", model.rootProperty());
        Button browseConfig = browse("Choose the folder that holds cluster.yaml", model.configDirProperty());
        HBox rootRow = fieldRow(rootField, browseRoot);
        HBox configRow = fieldRow(configField, browseConfig);
        rootRow.visibleProperty().bind(byRoot.selectedProperty());
        rootRow.managedProperty().bind(rootRow.visibleProperty());
        configRow.visibleProperty().bind(byConfig.selectedProperty());
        configRow.managedProperty().bind(configRow.visibleProperty());
        TextField name = new TextField();
        name.setPromptText("optional: how this cluster is listed");
        name.setAccessibleText("Display name");
        name.textProperty().bindBidirectional(model.nameProperty());

        GridPane s3 = new GridPane();
        s3.setHgap(10);
        s3.setVgap(8);
        int r = 0;
        r = labelled(s3, r, "_Endpoint", text("connect-endpoint", model.endpointProperty(), model.environmentHint("endpoint"), "S3 endpoint URL"));
        r = labelled(s3, r, "Re_gion", text("connect-region", model.regionProperty(), model.environmentHint("region"), "Region"));
        ComboBox<S3Input.PathStyle> style = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                S3Input.PathStyle.values()));
        style.valueProperty().bindBidirectional(model.pathStyleProperty());
        style.setAccessibleText("Addressing style");
        style.setId("connect-path-style");
        r = labelled(s3, r, "Addressing", style);
        r = labelled(s3, r, "Pro_file", text("connect-profile", model.profileProperty(), model.environmentHint("profile"), "AWS profile"));
        r = labelled(s3, r, "Access _key id", text("connect-access-key", model.accessKeyProperty(), "optional: instead of a profile", "Access key id"));
        PasswordField secret = new PasswordField();
        secret.setId("connect-secret");
        secret.setPromptText("kept for this session only, never saved");
        secret.setAccessibleText("Secret access key, kept for this session only");
        secret.textProperty().bindBidirectional(model.secretKeyProperty());
        r = labelled(s3, r, "_Secret key", secret);
        s3.add(Ui.muted("Credentials default to the environment and the AWS profile chain (SSO included). Keys typed here stay in "
                + "memory for this session and are never written to disk."), 0, r, 2, 1);
        TitledPane s3Pane = new TitledPane("S3 connection", s3);
        s3Pane.setId("connect-s3");
        s3Pane.setExpanded(model.s3RelevantProperty().get());
        model.s3RelevantProperty().addListener((o, a, b) -> s3Pane.setExpanded(b));

        GridPane where = new GridPane();
        where.setHgap(10);
        where.setVgap(8);
        where.add(Ui.row(18, byRoot, byConfig), 0, 0, 2, 1);
        where.add(rootRow, 0, 1, 2, 1);
        where.add(configRow, 0, 2, 2, 1);
        labelled(where, 3, "_Name", name);

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
        HBox buttons = Ui.row(10, busy, Ui.spacer(), test, save, open);

        VBox error = errorBanner(model.errorProperty(), "connect-error");
        VBox shellErrorBox = errorBanner(shellError, "connect-open-error");

        Label verdict = new Label();
        verdict.setId("connect-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.getStyleClass().add("banner");
        model.verdictProperty().addListener((o, a, b) -> styleBanner(verdict, b));
        verdict.visibleProperty().bind(model.verdictProperty().isNotNull());
        verdict.managedProperty().bind(verdict.visibleProperty());
        TableView<CheckRow> checks = new TableView<>(model.checks());
        checks.setId("connect-checks");
        checks.setAccessibleText("Capability checklist");
        checks.getColumns().setAll(List.of(Ui.badgeColumn("Result", CheckRow::status, 90), Ui.textColumn("Check", CheckRow::name, 170),
                Ui.textColumn("Detail", CheckRow::detail, 460)));
        checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checks.setFixedCellSize(28);
        checks.prefHeightProperty().bind(checks.fixedCellSizeProperty().multiply(javafx.beans.binding.Bindings.size(model.checks())).add(34));
        checks.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.checks()));
        checks.managedProperty().bind(checks.visibleProperty());

        VBox form = new VBox(14, Ui.title("Open a cluster"),
                Ui.muted("A cluster is its storage root: an S3 prefix or a local folder holding __cluster/state.json. "
                        + "Or open its config folder: the console reads cluster.yaml's storage: line and can then compare "
                        + "approvals with the desired config."),
                where, s3Pane, buttons, error, shellErrorBox, verdict, checks);
        form.setPadding(new Insets(18, 24, 24, 18));
        form.setMaxWidth(860);
        form.getStyleClass().add("connect-form");
        return form;
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

    private static TextField text(String id, StringProperty property, String prompt, String accessible) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(accessible);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static int labelled(GridPane grid, int row, String label, Node field) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        l.setMinWidth(Label.USE_PREF_SIZE);
        grid.add(l, 0, row);
        grid.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (field instanceof TextInputControl t) {
            t.setMaxWidth(Double.MAX_VALUE);
        }
        return row + 1;
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
