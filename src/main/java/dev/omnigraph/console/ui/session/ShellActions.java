package dev.omnigraph.console.ui.session;

/** What a page or an action may ask of the window beyond its own cluster. */
public interface ShellActions {
    /** Does nothing (contexts built without a window). */
    ShellActions NONE = new ShellActions() {
        @Override
        public void open(ConnectionSpec spec) {}

        @Override
        public void moved(ClusterSession source, String destination) {}
    };

    /** Opens a cluster in a tab (or switches to its tab when it is open already). */
    void open(ConnectionSpec spec);

    /** A migration cut {@code source} over to {@code destination}: its tab says the root is no longer authoritative. */
    void moved(ClusterSession source, String destination);
}
