package dev.omnigraph.console.cluster.doctor;

import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;

/**
 * The canonical root OmniGraph v0.13 records in deployment bundles (spec §1.1): {@code file://} +
 * the symlink-resolved folder, or the normalized {@code s3://bucket/prefix}.
 */
public final class CanonicalRoot {
    private CanonicalRoot() {}

    public static String of(StoreUri uri) {
        if (uri instanceof StoreUri.Local local) {
            try {
                return "file://" + local.root().toRealPath();
            } catch (IOException e) {
                return "file://" + local.root();
            }
        }
        return uri.display();
    }
}
