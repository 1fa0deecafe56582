package dev.omnigraph.console.cluster;

/** How a graph root relates to the ledger. */
public enum GraphLinkage {
    /** The ledger has a {@code graph.<id>} resource and the root has objects. */
    KNOWN,
    /** The ledger has the resource but no object exists under the root (upstream: graph_missing drift). */
    MISSING_ROOT,
    /** The ledger holds a tombstone for it, yet objects remain (an incomplete delete). */
    TOMBSTONED,
    /** Objects exist that the ledger knows nothing about. */
    UNKNOWN_ROOT
}
