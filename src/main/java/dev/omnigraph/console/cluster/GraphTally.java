package dev.omnigraph.console.cluster;

import dev.omnigraph.console.storage.ObjectInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates one graph root's listing into counts per Lance table, without keeping the keys. */
final class GraphTally {
    private final String id;
    private final String prefix;
    private long objects;
    private long bytes;
    private Instant lastModified = Instant.EPOCH;
    private boolean directChild;
    private final Map<String, long[]> tables = new TreeMap<>(); // path -> objects, bytes, versions, latest

    GraphTally(String id) {
        this.id = id;
        this.prefix = ClusterLayout.graphPrefix(id);
    }

    void add(ObjectInfo o) {
        objects++;
        bytes += o.size();
        if (o.lastModified() != null && o.lastModified().isAfter(lastModified)) {
            lastModified = o.lastModified();
        }
        String rest = o.key().substring(prefix.length());
        String[] parts = rest.split("/", -1);
        String table;
        if (parts.length == 1) {
            directChild = true;
            table = "";
        } else if ((parts[0].equals("nodes") || parts[0].equals("edges")) && parts.length > 2) {
            table = parts[0] + "/" + parts[1];
        } else {
            table = parts[0];
        }
        long[] t = tables.computeIfAbsent(table, k -> new long[] {0, 0, 0, -1});
        t[0]++;
        t[1] += o.size();
        int v = rest.indexOf("/_versions/");
        if (v >= 0 && rest.endsWith(".manifest") && rest.indexOf('/', v + 11) < 0) {
            t[2]++;
            String num = rest.substring(v + 11, rest.length() - ".manifest".length());
            try {
                t[3] = Math.max(t[3], Long.parseLong(num));
            } catch (NumberFormatException ignored) {
                // Lance v2 manifests may use other names; they still count as versions
            }
        }
    }

    GraphSummary summary(GraphLinkage linkage) {
        List<TableSummary> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : tables.entrySet()) {
            long[] t = e.getValue();
            out.add(new TableSummary(e.getKey().isEmpty() ? "(root files)" : e.getKey(), kind(e.getKey()), t[0], t[1], t[2], t[3]));
        }
        return new GraphSummary(id, objects, bytes, lastModified, List.copyOf(out), linkage, directChild);
    }

    private static TableSummary.Kind kind(String table) {
        if (table.isEmpty()) {
            return TableSummary.Kind.ROOT_FILES;
        }
        if (table.equals("__manifest")) {
            return TableSummary.Kind.MANIFEST;
        }
        if (table.startsWith("nodes/")) {
            return TableSummary.Kind.NODES;
        }
        if (table.startsWith("edges/")) {
            return TableSummary.Kind.EDGES;
        }
        if (table.equals("_graph_commit_recoveries.lance")) {
            return TableSummary.Kind.RECOVERY_AUDIT;
        }
        return TableSummary.Kind.OTHER;
    }

    long objects() {
        return objects;
    }
}
