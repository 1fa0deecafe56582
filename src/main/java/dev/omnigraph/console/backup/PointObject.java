package dev.omnigraph.console.backup;

import java.util.Optional;

/**
 * One object of a restore point: its key in the cluster root, its size and SHA-256 (which names
 * its blob), and the source's ETag when the source had one (a later point reuses the hash of an
 * object whose ETag is unchanged instead of reading it again).
 */
public record PointObject(String key, long size, String sha256, Optional<String> sourceEtag) {
    public String blobKey() {
        return BackupLayout.blobKey(sha256);
    }

    /** The graph a key belongs to ({@code graphs/<id>.omni/…}), or {@code __cluster} for the control plane. */
    public String group() {
        return groupOf(key);
    }

    /** As {@link #group()}, for any key of a cluster root. */
    public static String groupOf(String key) {
        return dev.omnigraph.console.cluster.ClusterLayout.graphIdOf(key).orElse(key.startsWith("__cluster/") ? "__cluster" : "(other)");
    }
}
