package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;

/**
 * Which cluster to open and how to reach it. {@code s3} may hold session-only keys
 * ({@link S3Settings.StaticKeys}); this record lives in memory only and its {@code toString}
 * never shows them.
 */
public record ConnectionSpec(ClusterLocation location, S3Settings s3) {

    public StoreUri root() {
        return location.root();
    }

    /** How the connection is listed: name and root. */
    public String display() {
        return location.name() + " — " + location.root().display();
    }

    /** What the recent list remembers: the config folder when there is one, else the root. */
    public String recentEntry() {
        return location.configDir().map(d -> "config:" + d).orElse(location.root().display());
    }

    @Override
    public String toString() {
        return "ConnectionSpec[" + location.root().display() + ", " + s3 + "]";
    }
}
