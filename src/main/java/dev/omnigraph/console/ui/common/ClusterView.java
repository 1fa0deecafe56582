package dev.omnigraph.console.ui.common;

import javafx.scene.Node;

/**
 * One page of a cluster's workspace (Overview, Ledger, …). The workspace activates the page when
 * it comes on screen and deactivates it when it leaves, so a page only follows the cluster while
 * someone looks at it (Bisq's activatable views).
 */
public interface ClusterView {
    /** The page's root node (created once). */
    Node node();

    /** On screen: start following the session. */
    void activate();

    /** Off screen: stop following. */
    void deactivate();

    /**
     * Selects the item with this key on the page and scrolls it into view (e.g. the Deployments page
     * shows a bundle in the Catalog); false when the page has no such item or nothing to select.
     */
    default boolean reveal(String key) {
        return false;
    }

    /** The node to focus when the page is shown (keyboard users land somewhere useful). */
    default Node initialFocus() {
        return null;
    }
}
