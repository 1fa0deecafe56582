package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.ui.common.ClusterView;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.function.Function;

/**
 * A registered page: its id (for navigation and tests), the title in the workspace's navigation
 * (with a mnemonic, e.g. {@code "_Ledger"}), and a factory called once per open cluster.
 */
public record ClusterViewProvider(String id, String title, Function<ViewContext, ClusterView> factory) {

    /** The title without the mnemonic underscore. */
    public String plainTitle() {
        return title.replace("_", "");
    }
}
