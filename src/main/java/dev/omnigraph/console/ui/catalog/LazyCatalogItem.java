package dev.omnigraph.console.ui.catalog;

import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree item whose children are created the first time the tree asks for them (when it is
 * expanded), so a catalog of 100,000 blobs costs tree items only for the groups that are open.
 */
final class LazyCatalogItem extends TreeItem<CatalogNode> {
    private boolean built;

    LazyCatalogItem(CatalogNode node) {
        super(node);
    }

    @Override
    public boolean isLeaf() {
        return getValue().isBlob() || getValue().children().isEmpty();
    }

    @Override
    public ObservableList<TreeItem<CatalogNode>> getChildren() {
        if (!built) {
            built = true;
            var list = getValue().children().stream().map(c -> (TreeItem<CatalogNode>) new LazyCatalogItem(c)).toList();
            super.getChildren().setAll(list);
        }
        return super.getChildren();
    }

    /** The children built so far, without building any (for tests of laziness). */
    java.util.List<TreeItem<CatalogNode>> builtChildren() {
        return built ? super.getChildren() : java.util.List.of();
    }

    /** Whether the children exist yet (for tests of laziness). */
    boolean built() {
        return built;
    }
}
