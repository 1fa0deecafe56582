package dev.omnigraph.console.cluster.doctor;

import java.util.List;

/**
 * A graph the server would not serve while the others run.
 *
 * @param applied whether the applied revision has the graph at all (a sidecar may name one it has not)
 * @param codes   the findings that quarantine it
 */
public record QuarantinedGraph(String graphId, boolean applied, List<String> codes) {
    public QuarantinedGraph {
        codes = List.copyOf(codes);
    }
}
