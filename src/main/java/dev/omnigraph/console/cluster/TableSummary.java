package dev.omnigraph.console.cluster;

/**
 * One Lance dataset inside a graph root (spec §2.3).
 *
 * @param path          path inside the graph root, e.g. {@code nodes/00ab…-00cd…} or {@code __manifest}
 * @param kind          what the dataset is for
 * @param objects       objects in it
 * @param bytes         their total size
 * @param versions      {@code _versions/*.manifest} objects
 * @param latestVersion the highest numbered manifest, or -1
 */
public record TableSummary(String path, Kind kind, long objects, long bytes, long versions, long latestVersion) {
    public enum Kind { MANIFEST, NODES, EDGES, RECOVERY_AUDIT, ROOT_FILES, OTHER }
}
