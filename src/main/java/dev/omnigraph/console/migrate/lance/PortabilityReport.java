package dev.omnigraph.console.migrate.lance;

import java.util.List;

/**
 * What the portability check found in a root's graph data.
 *
 * @param graphs        graph roots seen
 * @param datasets      Lance datasets seen (a folder holding {@code _versions/})
 * @param manifests     manifest files decoded
 * @param problems      why some datasets would not be the same data after a copy (at most {@link GraphDataPortability#MAX_PROBLEMS})
 * @param moreProblems  problems found beyond those listed
 */
public record PortabilityReport(int graphs, int datasets, int manifests, List<Problem> problems, int moreProblems) {
    public PortabilityReport {
        problems = List.copyOf(problems);
    }

    /** One dataset that is not portable, and why. */
    public record Problem(String graph, String dataset, String reason) {
        /** {@code graph <g>, dataset <d>: <reason>} */
        public String describe() {
            return "graph " + graph + ", dataset " + (dataset.isEmpty() ? "(graph root)" : dataset) + ": " + reason;
        }
    }

    public boolean portable() {
        return problems.isEmpty();
    }
}
