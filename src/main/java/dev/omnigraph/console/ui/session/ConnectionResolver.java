package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterLocations;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns what the admin typed into a {@link ClusterLocation}: a storage-root URI
 * ({@code s3://bucket/prefix}, {@code file:///path} or a plain path, parsed by {@link StoreUri}) or a
 * config folder ({@link ClusterLocations#fromConfigDir}: {@code storage:} absent means the folder
 * itself). Reads only local files (cluster.yaml), never storage.
 */
public final class ConnectionResolver {
    /** Prefix the recent list uses for config folders. */
    public static final String CONFIG_PREFIX = "config:";

    private ConnectionResolver() {}

    public static ClusterLocation root(String text, Path cwd) {
        return ClusterLocation.ofRoot(StoreUri.parse(text, cwd));
    }

    public static ClusterLocation configDir(String text, Path cwd) throws ClusterLocations.ConfigException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Choose the folder that holds cluster.yaml.");
        }
        Path dir = cwd.resolve(text.trim()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("The folder " + dir + " does not exist.");
        }
        if (!Files.isRegularFile(dir.resolve("cluster.yaml"))) {
            throw new IllegalArgumentException("The folder " + dir + " has no cluster.yaml: choose the cluster's config folder, "
                    + "or open its storage root instead.");
        }
        return ClusterLocations.fromConfigDir(dir, cwd);
    }

    /** A recent-list entry back to a location ({@code config:<dir>} or a root). */
    public static ClusterLocation recent(String entry, Path cwd) throws ClusterLocations.ConfigException {
        return entry.startsWith(CONFIG_PREFIX) ? configDir(entry.substring(CONFIG_PREFIX.length()), cwd) : root(entry, cwd);
    }
}
