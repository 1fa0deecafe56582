package dev.omnigraph.console.cluster;

import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which cluster: its storage root, and the config folder when the admin opened it through one
 * (then approvals can be compared with the desired config). {@code name} is
 * {@code metadata.name} from {@code cluster.yaml} when known, else the root's last segment.
 */
public record ClusterLocation(StoreUri root, Optional<Path> configDir, String name) {

    public static ClusterLocation ofRoot(StoreUri root) {
        return new ClusterLocation(root, Optional.empty(), defaultName(root));
    }

    public static String defaultName(StoreUri root) {
        String display = root.display();
        String trimmed = display.endsWith("/") ? display.substring(0, display.length() - 1) : display;
        int slash = trimmed.lastIndexOf('/');
        String last = slash < 0 ? trimmed : trimmed.substring(slash + 1);
        return last.isEmpty() ? display : last;
    }
}
