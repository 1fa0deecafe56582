package dev.omnigraph.console.ui.graphs;

import dev.omnigraph.console.cluster.GraphSummary;
import dev.omnigraph.console.ui.common.Tagged;

/**
 * One graph root {@code graphs/<id>.omni/} with its ledger linkage in words (spec §2.3, §3.6):
 * known, missing root (graph_missing drift), tombstoned yet objects remain (an incomplete
 * delete), or unknown to the ledger.
 */
public record GraphRow(GraphSummary summary, Tagged linkage, int tables) {

    public static GraphRow of(GraphSummary g) {
        Tagged linkage = switch (g.linkage()) {
            case KNOWN -> Tagged.ok("in ledger");
            case MISSING_ROOT -> Tagged.danger("in ledger, root missing");
            case TOMBSTONED -> Tagged.warn("tombstoned, objects remain");
            case UNKNOWN_ROOT -> Tagged.warn("not in ledger");
        };
        return new GraphRow(g, linkage, g.tables().size());
    }

    public String id() {
        return summary.id();
    }

    /** A sentence for the detail pane. */
    public String explanation() {
        return switch (summary.linkage()) {
            case KNOWN -> "The ledger has graph." + id() + " and its root holds data.";
            case MISSING_ROOT -> "The ledger has graph." + id() + " but nothing exists under graphs/" + id() + ".omni/: refresh will "
                    + "mark it drifted (graph_missing).";
            case TOMBSTONED -> "The ledger holds a tombstone for graph." + id() + ", yet objects remain under its root: the delete did "
                    + "not finish. Nothing reads these objects.";
            case UNKNOWN_ROOT -> "Objects exist under graphs/" + id() + ".omni/ that the ledger knows nothing about (an import that "
                    + "never ran, or a copy from elsewhere).";
        };
    }
}
