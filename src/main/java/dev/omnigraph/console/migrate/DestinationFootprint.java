package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a run may create at a local destination before it copies anything (the root, its
 * missing parents, the probe's {@code __cluster/}), noted before the destination check so that a
 * refused or abandoned run can remove them again, each only if it is still empty: a refused run
 * leaves no empty destination folder behind. Buckets have no folders; nothing to do there.
 */
final class DestinationFootprint {
    private final List<Path> missingBefore;

    private DestinationFootprint(List<Path> missingBefore) {
        this.missingBefore = List.copyOf(missingBefore);
    }

    static DestinationFootprint note(Endpoint destination) {
        if (!(destination.uri() instanceof StoreUri.Local local)) {
            return new DestinationFootprint(List.of());
        }
        List<Path> missing = new ArrayList<>();
        Path root = local.root().toAbsolutePath().normalize();
        Path cluster = root.resolve(ClusterLayout.CLUSTER_DIR);
        if (!Files.exists(cluster, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(cluster);
        }
        for (Path p = root; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(p);
        }
        return new DestinationFootprint(missing);
    }

    /** Removes, deepest first, every noted folder that exists now and is empty; never anything else. */
    void tidy() {
        for (Path dir : missingBefore) {
            try {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(dir); // rmdir: refused unless empty
                }
            } catch (DirectoryNotEmptyException e) {
                return; // something is there now: keep it and everything above it
            } catch (IOException e) {
                return;
            }
        }
    }
}
