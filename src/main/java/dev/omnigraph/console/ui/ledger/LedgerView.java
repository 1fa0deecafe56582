package dev.omnigraph.console.ui.ledger;

import dev.omnigraph.console.ui.common.JsonLinesView;
import dev.omnigraph.console.ui.common.PageLayout;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.SplitMemory;
import dev.omnigraph.console.ui.common.TableKeeper;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Ledger page: resources (sortable, filterable, with a detail pane and one-action copy of
 * address and digest), the approval and recovery records, observations, and the raw
 * {@code state.json} with its CAS and ETag.
 */
public final class LedgerView extends SnapshotPage<LedgerViewModel> {
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final TextField filter = new TextField();
    final TableView<ResourceRow> table = new TableView<>();

    public LedgerView(ViewContext context) {
        super(new LedgerViewModel(context.session()));
        this.context = context;
        root.getStyleClass().add("page");

        Label problem = new Label();
        problem.getStyleClass().addAll("banner", "status-danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMaxWidth(Double.MAX_VALUE);

        GridPane ids = new GridPane();
        ids.setHgap(10);
        ids.setVgap(4);
        ids.add(factLabel("State CAS"), 0, 0);
        ids.add(Ui.copyable("state CAS", model.casProperty()), 1, 0);
        ids.add(factLabel("ETag"), 0, 1);
        ids.add(Ui.copyable("ETag", model.etagProperty()), 1, 1);
        Label facts = Ui.muted("");
        facts.textProperty().bind(model.factsProperty());
        VBox header = new VBox(8, Ui.row(12, Ui.title("Ledger"), facts), ids, problem);
        header.setPadding(new Insets(16, 20, 10, 20));
        root.setTop(header);

        TabPane tabs = PageLayout.innerTabs(new TabPane(),
                tab("Resources", resourcesPane()),
                tab("Approval records", sectionPane(model.approvalSection(), "approval id")),
                tab("Recovery records", sectionPane(model.recoverySection(), "operation id")),
                tab("Observations", sectionPane(model.observationSection(), "address")),
                tab("Raw state.json", rawPane()));
        root.setCenter(tabs);
        setPage(root, filter);
    }

    private static Tab tab(String title, Node content) {
        return PageLayout.tab("ledger-tab-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"), title, content);
    }

    private static Label factLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-label");
        return l;
    }

    private Node resourcesPane() {
        HBox bar = filterBar();
        fillResourcesTable();
        addCopyShortcuts();
        VBox detailBox = resourceDetail();

        SplitPane split = new SplitPane(table, detailBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        SplitMemory.remember(split, "ledger.resources", context.preferences());
        split.setId("ledger-split");
        VBox box = new VBox(bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(0, 20, 16, 20));
        return box;
    }

    /** The filter field (shrinks when narrow), the status and kind pickers, and "N of M". */
    private HBox filterBar() {
        filter.setPromptText("Filter by address, digest, status, condition…");
        filter.setAccessibleText("Filter resources");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        filter.setPrefColumnCount(32);
        ComboBox<String> status = new ComboBox<>(model.statuses());
        status.valueProperty().bindBidirectional(model.statusFilterProperty());
        status.setAccessibleText("Filter by status");
        ComboBox<String> kind = new ComboBox<>(model.kinds());
        kind.valueProperty().bindBidirectional(model.kindFilterProperty());
        kind.setAccessibleText("Filter by kind");
        Label count = Ui.muted("");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.filteredRows().size() + " of " + model.rows().size(),
                model.filteredRows(), model.rows()));
        Label statusLabel = new Label("Status");
        Label kindLabel = new Label("Kind");
        for (Label l : List.of(statusLabel, kindLabel, count)) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the filter field shrinks, never these
        }
        filter.setMinWidth(120);
        HBox bar = Ui.row(8, filter, statusLabel, status, kindLabel, kind, Ui.spacer(), count);
        bar.setPadding(new Insets(8, 0, 8, 0));
        return bar;
    }

    private void fillResourcesTable() {
        TableColumn<ResourceRow, String> address = Ui.monoColumn("Address", ResourceRow::address, 250);
        TableColumn<ResourceRow, Tagged> st = Ui.badgeColumn("Status", r -> r.status().isEmpty() ? Tagged.neutral("—")
                : new Tagged(r.status(), Severity.ofResourceStatus(r.status())), 90);
        table.getColumns().setAll(List.of(address, Ui.textColumn("Kind", ResourceRow::kind, 80),
                Ui.monoColumn("Digest", r -> r.digest().isEmpty() ? "—" : r.digest().substring(0, Math.min(16, r.digest().length())) + "…", 150),
                st, Ui.textColumn("Conditions", ResourceRow::conditions, 120), Ui.textColumn("Message", ResourceRow::message, 200),
                Ui.textColumn("Applies to", ResourceRow::appliesTo, 120),
                Ui.textColumn("Embedding provider", ResourceRow::embeddingProvider, 175),
                Ui.monoColumn("External blob policy", ResourceRow::externalBlobPolicy, 190)));
        SortedList<ResourceRow> sorted = new SortedList<>(model.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("ledger-resources");
        table.setPlaceholder(Ui.placeholder("No resources match."));
        table.setAccessibleText("Ledger resources");
        table.getSortOrder().add(address);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableKeeper.bind(table, model.selectedProperty());
    }

    /** Copy address / digest from a row's context menu, or with Ctrl+C / Ctrl+Shift+C on the selection. */
    private void addCopyShortcuts() {
        table.setRowFactory(t -> {
            TableRow<ResourceRow> row = new TableRow<>();
            MenuItem copyAddress = new MenuItem("Copy address");
            copyAddress.setOnAction(e -> Ui.copy(row.getItem().address()));
            MenuItem copyDigest = new MenuItem("Copy digest");
            copyDigest.setOnAction(e -> Ui.copy(row.getItem().digest()));
            ContextMenu menu = new ContextMenu(copyAddress, copyDigest);
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
            return row;
        });
        table.setOnKeyPressed(e -> {
            ResourceRow r = table.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
                Ui.copy(r.digest());
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                Ui.copy(r.address());
                e.consume();
            }
        });
    }

    /** The selected resource's every field, with buttons copying its address and digest. */
    private VBox resourceDetail() {
        TextArea detail = new TextArea();
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.getStyleClass().add("mono");
        detail.setAccessibleText("Selected resource");
        detail.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() != null
                ? model.selectedProperty().get().detail() : !model.goneProperty().get().isEmpty() ? model.goneProperty().get()
                : "Select a resource to see every field. Ctrl+C copies its address, Ctrl+Shift+C its digest.",
                model.selectedProperty(), model.goneProperty()));
        var copyAddress = Ui.copyButton("address", () -> model.selectedProperty().get() == null ? "" : model.selectedProperty().get().address());
        copyAddress.setText("Copy address");
        var copyDigest = Ui.copyButton("digest", () -> model.selectedProperty().get() == null ? "" : model.selectedProperty().get().digest());
        copyDigest.setText("Copy digest");
        copyAddress.disableProperty().bind(model.selectedProperty().isNull());
        copyDigest.disableProperty().bind(model.selectedProperty().isNull());
        VBox detailBox = new VBox(8, Ui.row(8, Ui.section("Detail"), Ui.spacer(), copyAddress, copyDigest), detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        detailBox.setPadding(new Insets(8, 0, 0, 0));
        return detailBox;
    }

    private Node sectionPane(KeyedSection section, String keyName) {
        TableView<KeyedJson> list = new TableView<>(section.items());
        List<javafx.scene.control.TableColumn<KeyedJson, ?>> columns = new java.util.ArrayList<>();
        columns.add(Ui.monoColumn(capitalize(keyName), KeyedJson::key, 280));
        for (KeyedSection.Column c : section.columns()) {
            javafx.scene.control.TableColumn<KeyedJson, String> column = Ui.textColumn(c.header(), r -> r.field(c.field()), c.width());
            column.setMinWidth(c.width()); // headers are words: never "Schema as desi…"
            columns.add(column);
        }
        list.getColumns().setAll(columns);
        list.setPlaceholder(Ui.placeholder("Nothing recorded."));
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ObservableList<String> lines = FXCollections.observableArrayList();
        TableKeeper.bind(list, section.selectedProperty());
        JsonLinesView json = new JsonLinesView(lines);
        Label placeholder = Ui.placeholder("Select an entry to see its JSON.");
        json.setPlaceholder(placeholder);
        Runnable render = () -> {
            KeyedJson b = section.selectedProperty().get();
            lines.setAll(b == null ? java.util.List.of() : java.util.Arrays.asList(b.json().split("\n", -1)));
            placeholder.setText(section.goneProperty().get().isEmpty() ? "Select an entry to see its JSON." : section.goneProperty().get());
        };
        section.selectedProperty().addListener((o, a, b) -> render.run());
        section.goneProperty().addListener((o, a, b) -> render.run());
        SplitPane split = new SplitPane(list, json);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        SplitMemory.remember(split, "ledger.section", context.preferences());
        VBox box = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(10, 20, 16, 20));
        return box;
    }

    private Node rawPane() {
        JsonLinesView json = new JsonLinesView(model.rawLines());
        json.setAccessibleText("Raw state.json");
        json.setPlaceholder(Ui.placeholder("No ledger to show."));
        var copy = Ui.copyButton("state.json", model.rawProperty()::get);
        copy.setText("Copy all");
        VBox box = new VBox(8, Ui.row(8, Ui.muted("The exact bytes of __cluster/state.json; the CAS is the SHA-256 of these bytes."),
                Ui.spacer(), copy), json);
        VBox.setVgrow(json, Priority.ALWAYS);
        box.setPadding(new Insets(10, 20, 16, 20));
        return box;
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }
}
