package dev.omnigraph.console.ui.history;

import dev.omnigraph.console.cluster.diff.LedgerDiff;
import dev.omnigraph.console.cluster.diff.LedgerDiffReport;
import dev.omnigraph.console.cluster.diff.LedgerSide;
import dev.omnigraph.console.cluster.diff.RestoreGuidance;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.PageLayout;
import dev.omnigraph.console.ui.common.ProgressStrip;
import dev.omnigraph.console.ui.common.RawDiffCell;
import dev.omnigraph.console.ui.common.RawLine;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Times;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The History page: the ledgers that can be compared (bucket versions or, where the storage keeps
 * none, the ledgers this console observed), two pickers A and B, and their diff: structural side by
 * side, the raw JSON line diff, and "How to restore…" (commands only, never an action).
 */
public final class LedgerHistoryView extends SnapshotPage<LedgerHistoryViewModel> {
    private final BorderPane root = new BorderPane();
    private final Label availability = new Label();
    private final Label banner = new Label();
    private final Label failure = new Label();
    private final TableView<HistoryEntry> entries = new TableView<>();
    private final ComboBox<HistoryEntry> pickA = new ComboBox<>();
    private final ComboBox<HistoryEntry> pickB = new ComboBox<>();
    private final GridPane sides = new GridPane();
    private final TabPane tabs = new TabPane();
    private final VBox restoreBox = new VBox(10);

    public LedgerHistoryView(ViewContext context) {
        super(new LedgerHistoryViewModel(context.session()));
        root.getStyleClass().add("page");
        root.setId("history-page");

        availability.setId("history-availability");
        banner.setId("history-banner");
        banner.getStyleClass().addAll("banner", "status-info");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.managedProperty().bind(banner.visibleProperty());
        failure.setId("history-failure");
        failure.getStyleClass().addAll("banner", "status-danger");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.managedProperty().bind(failure.visibleProperty());
        failure.setVisible(false);
        model.failureProperty().addListener((o, a, b) -> showFailure(b));
        model.listingProperty().addListener((o, a, b) -> renderListing(b));
        banner.setVisible(false);

        Button reload = new Button("Reload");
        reload.setId("history-reload");
        reload.setAccessibleText("Re-read the ledger's history");
        reload.setOnAction(e -> model.reload());
        VBox header = new VBox(8, Ui.row(12, Ui.title("Ledger history"), availability, Ui.spacer(), reload), banner, failure,
                new ProgressStrip(model.progress(), "reading the ledger history"));
        header.setPadding(new Insets(16, 20, 8, 20));
        root.setTop(header);

        SplitPane split = new SplitPane(entriesPane(), comparePane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.30);
        root.setCenter(split);
        setPage(root, entries);
    }

    // ---- the list of ledgers -------------------------------------------------------------------

    private Node entriesPane() {
        TableColumn<HistoryEntry, Tagged> kind = Ui.badgeColumn("Kind", e -> e.current() ? Tagged.ok(e.kind() == HistoryEntry.Kind.CURRENT
                ? "current" : (e.kind() == HistoryEntry.Kind.VERSION ? "version" : "observed") + " · current") : e.kind() == HistoryEntry.Kind.VERSION ? Tagged.info("bucket version")
                : Tagged.neutral("observed"), 170);
        entries.getColumns().setAll(List.of(kind,
                Ui.textColumn("Revision", HistoryEntry::revisionText, 110),
                Ui.textColumn("Time", HistoryEntry::timeText, 200),
                Ui.textColumn("Size", HistoryEntry::sizeText, 90),
                Ui.monoColumn("CAS / ETag", HistoryEntry::identityText, 170),
                Ui.monoColumn("Version / entry", e -> e.kind() == HistoryEntry.Kind.CURRENT ? "state.json"
                        : HistoryEntry.abbreviate(e.id(), 40), 230),
                Ui.textColumn("Note", HistoryEntry::note, 300)));
        entries.setItems(model.entries());
        dev.omnigraph.console.ui.common.TableKeeper.bind(entries, model.selectedEntryProperty());
        entries.setId("history-entries");
        entries.setAccessibleText("Ledgers that can be compared");
        entries.setPlaceholder(Ui.placeholder("No ledgers listed yet."));
        entries.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        entries.setRowFactory(t -> {
            TableRow<HistoryEntry> row = new TableRow<>();
            MenuItem asA = new MenuItem("Compare as A (older)");
            asA.setOnAction(e -> pick(true, row.getItem()));
            MenuItem asB = new MenuItem("Compare as B (newer)");
            asB.setOnAction(e -> pick(false, row.getItem()));
            MenuItem copy = new MenuItem("Copy CAS");
            copy.setOnAction(e -> Ui.copy(row.getItem().cas().orElse("")));
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(new ContextMenu(asA, asB, copy)));
            return row;
        });
        Button setA = new Button("Use as A");
        setA.setAccessibleText("Use the selected ledger as side A");
        setA.setOnAction(e -> pick(true, entries.getSelectionModel().getSelectedItem()));
        Button setB = new Button("Use as B");
        setB.setAccessibleText("Use the selected ledger as side B");
        setB.setOnAction(e -> pick(false, entries.getSelectionModel().getSelectedItem()));
        setA.disableProperty().bind(entries.getSelectionModel().selectedItemProperty().isNull());
        setB.disableProperty().bind(entries.getSelectionModel().selectedItemProperty().isNull());
        Label gone = Ui.muted("");
        gone.textProperty().bind(model.selectedEntryGoneProperty());
        VBox box = new VBox(6, entries, Ui.row(8, Ui.muted("Select a ledger, then"), setA, setB, gone));
        VBox.setVgrow(entries, Priority.ALWAYS);
        box.setPadding(new Insets(0, 20, 8, 20));
        return box;
    }

    private void pick(boolean a, HistoryEntry e) {
        if (e == null) {
            return;
        }
        (a ? model.sideAProperty() : model.sideBProperty()).set(e);
        model.compare();
    }

    private void renderListing(HistoryListing l) {
        if (l == null) {
            return;
        }
        Ui.styleBadge(availability, l.availability().available()
                ? Tagged.ok(l.versionCount() + " bucket version" + (l.versionCount() == 1 ? "" : "s"))
                : Tagged.warn("history unavailable"));
        availability.setAccessibleText(l.availability().available() ? "Bucket versioning is on" : "History unavailable");
        banner.setText(l.unavailableBanner().orElse(""));
        banner.setVisible(l.unavailableBanner().isPresent());
    }

    private void showFailure(UserMessage m) {
        failure.setVisible(m != null);
        failure.setText(m == null ? "" : m.title() + ": " + m.detail() + (m.hint().isEmpty() ? "" : "\n" + m.hint()));
    }

    // ---- the comparison --------------------------------------------------------------------------

    private Node comparePane() {
        for (ComboBox<HistoryEntry> c : List.of(pickA, pickB)) {
            c.setItems(model.entries());
            c.setPrefWidth(360);
            c.setCellFactory(v -> new EntryCell());
            c.setButtonCell(new EntryCell());
        }
        pickA.setId("history-pick-a");
        pickB.setId("history-pick-b");
        pickA.setAccessibleText("Ledger A, the older side");
        pickB.setAccessibleText("Ledger B, the newer side");
        pickA.valueProperty().bindBidirectional(model.sideAProperty());
        pickB.valueProperty().bindBidirectional(model.sideBProperty());
        Button compare = new Button("Compare");
        compare.setId("history-compare");
        compare.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        compare.setDefaultButton(false);
        compare.setAccessibleText("Compare ledger A with ledger B");
        compare.setOnAction(e -> model.compare());
        compare.disableProperty().bind(model.sideAProperty().isNull().or(model.sideBProperty().isNull()));
        Button swap = new Button("⇄");
        swap.setAccessibleText("Swap A and B");
        swap.setOnAction(e -> model.swap());
        Label a = new Label("A");
        a.setLabelFor(pickA);
        Label b = new Label("B");
        b.setLabelFor(pickB);
        Label summary = new Label();
        summary.setId("history-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped lines get their height
        summary.textProperty().bind(model.summaryProperty());

        PageLayout.innerTabs(tabs, PageLayout.tab("history-tab-structure", "Structure", structurePane()),
                PageLayout.tab("history-tab-raw", "Raw JSON diff", rawPane()),
                PageLayout.tab("history-tab-restore", "How to restore…", restorePane()));
        model.diffProperty().addListener((o, x, d) -> renderSides(d));
        model.restoreProperty().addListener((o, x, g) -> renderRestore(g));
        model.restoreHintProperty().addListener((o, x, g) -> renderRestore(model.restoreProperty().get()));

        VBox box = new VBox(8, Ui.row(8, a, pickA, swap, b, pickB, compare), summary, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(8, 20, 12, 20));
        return box;
    }

    private Node structurePane() {
        sides.setHgap(14);
        sides.setVgap(3);
        sides.setId("history-sides");
        TableView<DiffRow> table = new TableView<>(model.rows());
        table.setId("history-structure");
        table.setAccessibleText("Structural differences, A beside B");
        table.getColumns().setAll(List.of(Ui.textColumn("Section", DiffRow::section, 130),
                Ui.monoColumn("Entry", DiffRow::entry, 250),
                Ui.badgeColumn("Change", DiffRow::tag, 90),
                Ui.textColumn("Field", DiffRow::field, 130),
                Ui.monoColumn("A", DiffRow::before, 260),
                Ui.monoColumn("B", DiffRow::after, 260)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(Ui.placeholder("No structural differences."));
        VBox box = new VBox(8, sides, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void renderSides(LedgerDiff d) {
        sides.getChildren().clear();
        if (d == null) {
            return;
        }
        String[] facts = {"", "Ledger", "Revision", "State CAS", "Config digest", "Size", "Time"};
        for (int i = 1; i < facts.length; i++) {
            Label l = new Label(facts[i]);
            l.getStyleClass().add("fact-label");
            sides.add(l, i, 0);
        }
        row(1, "A", d.a());
        row(2, "B", d.b());
    }

    private void row(int r, String name, LedgerSide s) {
        sides.add(Ui.section(name), 0, r);
        sides.add(new Label(s.origin() + s.problem().map(p -> "  (NOT A VALID LEDGER: " + p.code() + ")").orElse("")), 1, r);
        sides.add(Ui.mono(s.revision().map(Long::toUnsignedString).orElse("?")), 2, r);
        sides.add(Ui.mono(LedgerDiffReport.shorten(s.cas())), 3, r);
        sides.add(Ui.mono(s.configDigest().map(LedgerDiffReport::shorten).orElse("–")), 4, r);
        sides.add(new Label(Format.bytes(s.size())), 5, r);
        sides.add(new Label(s.time().map(Times::of).orElse("–")), 6, r);
    }

    private Node rawPane() {
        ListView<RawLine> list = new ListView<>(model.raw());
        list.setId("history-raw");
        list.getStyleClass().add("raw-diff");
        list.setAccessibleText("Raw JSON line diff of A and B");
        list.setFixedCellSize(20);
        list.setPlaceholder(Ui.placeholder("The two JSON texts are identical."));
        list.setCellFactory(v -> new RawDiffCell());
        Button copy = Ui.copyButton("the raw diff as a unified diff", () -> String.join("\n",
                model.raw().stream().map(RawLine::unified).toList()) + "\n");
        VBox box = new VBox(6, Ui.row(8, Ui.muted("Secrets are masked. A's lines are marked −, B's +."), Ui.spacer(), copy), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Node restorePane() {
        restoreBox.setId("history-restore");
        restoreBox.setPadding(new Insets(10, 4, 10, 4));
        ScrollPane scroll = new ScrollPane(restoreBox);
        scroll.setFitToWidth(true);
        renderRestore(null);
        return scroll;
    }

    private void renderRestore(RestoreGuidance g) {
        restoreBox.getChildren().clear();
        Label never = Ui.muted("The console never restores a ledger itself: restoring replaces the cluster's source of truth. "
                + "If you decide to, run these steps yourself; each write is conditional, so it fails instead of overwriting a "
                + "ledger that changed meanwhile.");
        restoreBox.getChildren().add(never);
        if (g == null) {
            String hint = model.restoreHintProperty().get();
            restoreBox.getChildren().add(Ui.placeholder(hint == null || hint.isEmpty() ? "Compare a ledger with \"current\" first." : hint));
            return;
        }
        Label summary = new Label(g.summary());
        summary.setWrapText(true);
        summary.setId("history-restore-summary");
        restoreBox.getChildren().add(summary);
        if (!g.commands().isEmpty()) {
            TextArea commands = new TextArea(String.join("\n", g.commands()));
            commands.setId("history-restore-commands");
            commands.setEditable(false);
            commands.getStyleClass().addAll("mono", "restore-commands");
            commands.setPrefRowCount(Math.min(14, g.commands().size() + 2));
            commands.setAccessibleText("Restore commands");
            restoreBox.getChildren().addAll(Ui.row(8, Ui.section("Exact conditional commands"), Ui.spacer(),
                    Ui.copyButton("the restore commands", () -> String.join("\n", g.commands()) + "\n")), commands);
        }
        if (!g.consequences().isEmpty()) {
            restoreBox.getChildren().add(Ui.section("What restoring it would change or invalidate"));
            for (String c : g.consequences()) {
                Label l = new Label("•  " + c);
                l.setWrapText(true);
                l.getStyleClass().add("restore-consequence");
                restoreBox.getChildren().add(l);
            }
        }
    }

    private static final class EntryCell extends ListCell<HistoryEntry> {
        @Override
        protected void updateItem(HistoryEntry item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }

    /** Selects a tab by id ({@code history-tab-raw} …), for tests and screenshots. */
    public void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
