package dev.omnigraph.console.ui.catalog;

import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.PageLayout;
import dev.omnigraph.console.ui.common.ProgressStrip;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.session.SnapshotPage;
import dev.omnigraph.console.ui.session.ViewContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Catalog page: queries by graph and policies by name, each version a blob with its ledger
 * reference (live / orphan / missing) and integrity (verified / tampered / missing / unreadable),
 * a content viewer, and "Verify all" in the background. The tree is virtualized and lazy.
 */
public final class CatalogView extends SnapshotPage<CatalogViewModel> {
    private final BorderPane root = new BorderPane();
    final TreeTableView<CatalogNode> tree = new TreeTableView<>();
    final Button verifyAll = new Button("_Verify all");
    /** True while a new tree is swapped in: the tree's own selection changes are not the admin's. */
    private boolean restoring;

    public CatalogView(ViewContext context) {
        super(new CatalogViewModel(context.session()));
        root.getStyleClass().add("page");
        root.setTop(header());
        fillTree();
        root.setCenter(PageLayout.splitCenter(tree, contentViewer(), 0.6, "catalog.content", context.preferences()));
        setPage(root, tree);
    }

    /** Title, totals, the catalog's verdict and "Verify all" with its progress. */
    private VBox header() {
        verifyAll.setMnemonicParsing(true);
        verifyAll.setId("catalog-verify-all");
        verifyAll.getStyleClass().add("accent");
        verifyAll.setAccessibleText("Verify all catalog blobs");
        verifyAll.setOnAction(e -> model.verifyAll());
        verifyAll.disableProperty().bind(model.verifyProgress().runningProperty());
        Label summary = new Label();
        summary.setId("catalog-summary");
        model.summaryProperty().addListener((o, a, b) -> Ui.styleBadge(summary, b));
        Ui.styleBadge(summary, model.summaryProperty().get());
        Label totals = Ui.muted("");
        totals.textProperty().bind(model.totalsProperty());
        VBox header = new VBox(8, Ui.row(12, Ui.title("Catalog"), totals, Ui.spacer(), summary, verifyAll),
                new ProgressStrip(model.verifyProgress(), "catalog verification"));
        header.setPadding(new Insets(16, 20, 10, 20));
        return header;
    }

    /** The blob tree's columns, and its selection kept in step with the view-model's. */
    private void fillTree() {
        TreeTableColumn<CatalogNode, String> name = new TreeTableColumn<>("Name");
        name.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().getValue().label()));
        name.setPrefWidth(260);
        TreeTableColumn<CatalogNode, Tagged> reference = new TreeTableColumn<>("Ledger");
        reference.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue().reference()));
        reference.setCellFactory(c -> new TagCell());
        reference.setPrefWidth(110);
        TreeTableColumn<CatalogNode, Tagged> integrity = new TreeTableColumn<>("Integrity");
        integrity.setCellValueFactory(cd -> {
            CatalogNode n = cd.getValue().getValue();
            return new ReadOnlyObjectWrapper<>(n.isBlob() ? n.integrityTag() : null);
        });
        integrity.setCellFactory(c -> new TagCell());
        integrity.setPrefWidth(120);
        TreeTableColumn<CatalogNode, String> size = new TreeTableColumn<>("Size");
        size.setCellValueFactory(cd -> new ReadOnlyStringWrapper(Format.bytes(cd.getValue().getValue().bytes())));
        size.setPrefWidth(90);
        size.setStyle("-fx-alignment: CENTER-RIGHT;");
        TreeTableColumn<CatalogNode, String> key = new TreeTableColumn<>("Key");
        key.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().getValue().isBlob() ? cd.getValue().getValue().entry().key() : ""));
        key.setCellFactory(c -> new TreeTableCell<>() {
            {
                getStyleClass().add("mono-cell");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        key.setPrefWidth(560);
        tree.getColumns().setAll(java.util.List.of(name, reference, integrity, size, key));
        tree.setShowRoot(false);
        tree.setId("catalog-tree");
        tree.setFixedCellSize(26);
        tree.setAccessibleText("Catalog blobs");
        tree.setPlaceholder(Ui.placeholder("The catalog is empty."));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!restoring) {
                model.selectedProperty().set(b == null ? null : b.getValue());
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (!restoring) {
                showSelection(b);
            }
        });
        model.treeProperty().addListener((o, a, b) -> show(b));
        model.verdictsProperty().addListener((o, a, b) -> tree.refresh());
    }

    /** The selected blob's bytes under the verdict on them. */
    private VBox contentViewer() {
        Label verdict = new Label();
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap long verdicts instead of cutting them
        verdict.getStyleClass().add("banner");
        model.contentVerdictProperty().addListener((o, a, b) -> {
            verdict.getStyleClass().removeIf(c -> c.startsWith("status-"));
            verdict.setText(b == null ? "" : b.text());
            if (b != null) {
                verdict.getStyleClass().add(b.severity().styleClass());
            }
        });
        verdict.visibleProperty().bind(model.contentVerdictProperty().isNotNull());
        verdict.managedProperty().bind(verdict.visibleProperty());
        TextArea content = new TextArea();
        content.setEditable(false);
        content.getStyleClass().add("mono");
        content.setAccessibleText("Blob content");
        content.textProperty().bind(model.contentProperty());
        content.setPromptText("Select a blob to see its content.");
        VBox viewer = new VBox(8, Ui.section("Content"), verdict, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        viewer.setPadding(new Insets(8, 0, 0, 0));
        return viewer;
    }

    /**
     * Swaps a new tree in as if nothing happened: the groups that were open are opened again (only
     * those: nothing else is built), the view-model's selection (kept by id) is selected, and the
     * row that was at the top stays at the top. The first tree opens the small groups instead.
     */
    private void show(CatalogTree t) {
        restoring = true;
        try {
            if (t == null) {
                tree.setRoot(null);
                return;
            }
            String top = topId();
            boolean known = model.hasExpansion(); // before the root's own expansion is noted
            LazyCatalogItem rootItem = new LazyCatalogItem(t.root());
            rootItem.addEventHandler(TreeItem.<CatalogNode>branchExpandedEvent(), e -> model.setExpanded(e.getTreeItem().getValue(), true));
            rootItem.addEventHandler(TreeItem.<CatalogNode>branchCollapsedEvent(), e -> model.setExpanded(e.getTreeItem().getValue(), false));
            rootItem.setExpanded(true);
            if (known) {
                expandKept(rootItem);
            } else {
                for (TreeItem<CatalogNode> section : rootItem.getChildren()) {
                    section.setExpanded(true);
                    if (section.getValue().blobs() <= SMALL_CATALOG) {
                        expandSmall(section);
                    }
                }
            }
            tree.setRoot(rootItem);
            CatalogNode selected = model.selectedProperty().get();
            TreeItem<CatalogNode> item = selected == null ? null : itemFor(selected.id(), false);
            if (item != null) {
                tree.getSelectionModel().select(item);
            }
            TreeItem<CatalogNode> topItem = top == null ? null : itemFor(top, false);
            if (topItem != null) {
                tree.scrollTo(tree.getRow(topItem));
            } else if (item != null) {
                tree.scrollTo(Math.max(0, tree.getRow(item) - 3));
            }
        } finally {
            restoring = false;
        }
    }

    /** Id of the node in the first row on screen, or null. */
    private String topId() {
        int first = dev.omnigraph.console.ui.common.TableKeeper.firstVisible(tree);
        TreeItem<CatalogNode> item = first < 0 ? null : tree.getTreeItem(first);
        return item == null || item.getValue() == null ? null : item.getValue().id();
    }

    /** Opens again the groups the view-model remembers as open (their children get items; others do not). */
    private void expandKept(TreeItem<CatalogNode> item) {
        for (TreeItem<CatalogNode> child : item.getChildren()) {
            if (!child.getValue().isBlob() && model.isExpanded(child.getValue())) {
                child.setExpanded(true);
                expandKept(child);
            }
        }
    }

    /** Shows the view-model's selection in the tree (when it belongs to the tree on screen). */
    private void showSelection(CatalogNode node) {
        TreeItem<CatalogNode> current = tree.getSelectionModel().getSelectedItem();
        if (current != null && current.getValue() == node) {
            return;
        }
        CatalogTree t = model.treeProperty().get();
        if (node == null) {
            tree.getSelectionModel().clearSelection();
        } else if (t != null && t.find(node.id()).orElse(null) == node) {
            reveal(node.id());
        }
    }

    /** Opens everything under a group that holds few blobs; big groups stay closed (and unbuilt). */
    private static void expandSmall(TreeItem<CatalogNode> item) {
        for (TreeItem<CatalogNode> child : item.getChildren()) {
            if (!child.getValue().isBlob() && child.getValue().blobs() <= SMALL_GROUP) {
                child.setExpanded(true);
                expandSmall(child);
            }
        }
    }

    private static final int SMALL_GROUP = 40;
    /** Sections up to this many blobs open fully; larger ones stay closed so nothing is built until asked for. */
    private static final int SMALL_CATALOG = 300;

    /** A tree-table cell showing a {@link Tagged} as a badge. */
    private static final class TagCell extends TreeTableCell<CatalogNode, Tagged> {
        private final Label label = new Label();

        TagCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Tagged item, boolean empty) {
            super.updateItem(item, empty);
            Ui.showBadge(this, label, item, empty);
        }
    }

    /** Selects the first blob in the tree (expanding its group), e.g. to show the content viewer. */
    public void selectFirstBlob() {
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<CatalogNode> item = tree.getTreeItem(i);
            if (item != null && item.getValue().isBlob()) {
                tree.getSelectionModel().select(item);
                tree.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    /**
     * Expands the way to the blob with this key, selects it and scrolls it into view; false when
     * absent. The way is found among the plain catalog nodes first, so only the tree items on it are
     * built (never the whole catalog's).
     */
    @Override
    public boolean reveal(String key) {
        TreeItem<CatalogNode> item = itemFor(key, true);
        if (item == null) {
            return false;
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        tree.scrollTo(Math.max(0, row - 3));
        return true;
    }

    /**
     * The tree item of the node with this id (blob key or group path), or null. With {@code open},
     * its way is expanded (building only the items on it); without, only visible items are found.
     */
    private TreeItem<CatalogNode> itemFor(String id, boolean open) {
        TreeItem<CatalogNode> root = tree.getRoot();
        if (root == null) {
            return null;
        }
        java.util.ArrayDeque<CatalogNode> path = new java.util.ArrayDeque<>();
        CatalogTree t = model.treeProperty().get();
        boolean group = t != null && t.groups().containsKey(id);
        if (!pathTo(root.getValue(), id, group, path)) {
            return null;
        }
        TreeItem<CatalogNode> item = root;
        path.removeFirst(); // the root itself
        for (CatalogNode step : path) {
            if (!item.isExpanded()) {
                if (!open) {
                    return null;
                }
                item.setExpanded(true);
            }
            item = item.getChildren().stream().filter(c -> c.getValue() == step).findFirst().orElse(null);
            if (item == null) {
                return null;
            }
        }
        return item;
    }

    /**
     * Fills {@code path} with the nodes from {@code node} down to the one with {@code id}. A
     * group's id is a prefix of its subgroups' ids, so looking for a group skips other branches.
     */
    private static boolean pathTo(CatalogNode node, String id, boolean group, java.util.Deque<CatalogNode> path) {
        path.addLast(node);
        if (node.id().equals(id)) {
            return true;
        }
        if (!node.isBlob()) {
            for (CatalogNode c : node.children()) {
                boolean worth = group ? !c.isBlob() && (id.equals(c.id()) || id.startsWith(c.id() + "/")) : true;
                if (worth && pathTo(c, id, group, path)) {
                    return true;
                }
            }
        }
        path.removeLast();
        return false;
    }
}
