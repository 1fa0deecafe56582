package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.storage.StoreUri;
import java.util.List;

/**
 * Tab titles that tell open clusters apart: the name alone when it is unique, else the name and
 * where it lives ("analytics — folder", "analytics — s3://omnigraph"), and the whole root when even
 * that is shared. The tooltip always carries the full root.
 */
final class TabLabels {
    private TabLabels() {}

    static String label(ClusterLocation location, List<ClusterLocation> open) {
        List<ClusterLocation> sameName = open.stream().filter(o -> o.name().equals(location.name())).toList();
        if (sameName.size() <= 1) {
            return location.name();
        }
        String where = where(location.root());
        long sameWhere = sameName.stream().filter(o -> where(o.root()).equals(where)).count();
        return location.name() + " — " + (sameWhere <= 1 ? where : location.root().display());
    }

    private static String where(StoreUri root) {
        return switch (root) {
            case StoreUri.Local l -> "folder";
            case StoreUri.S3 s -> "s3://" + s.bucket();
        };
    }
}
