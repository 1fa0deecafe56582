package dev.omnigraph.console.cluster.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DesiredConfig#load} returns, like upstream's {@code LoadOutcome}: the desired config
 * whenever {@code cluster.yaml} parsed strictly (even with validation errors — upstream still
 * computes digests then), and every diagnostic in upstream order.
 *
 * @param read        the {@code cluster.yaml} read step
 * @param desired     desired config, or null when {@code cluster.yaml} did not parse
 * @param diagnostics all findings (the read step's first)
 */
public record DesiredConfigResult(ClusterConfigReadResult read, DesiredConfig desired, List<Diagnostic> diagnostics) {

    public DesiredConfigResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<DesiredConfig> parsed() {
        return Optional.ofNullable(desired);
    }

    /** True when no diagnostic has error severity. */
    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /**
     * The diagnostics {@code cluster validate} prints ({@code lib.rs::validate_config_dir}): these
     * plus, when error-free, warning {@code external_blob_ingress_default_deny} per graph whose
     * effective policy is deny.
     */
    public List<Diagnostic> validateDiagnostics() {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        if (ok() && desired != null) {
            for (DesiredGraph graph : desired.graphs()) {
                if (graph.externalBlobPolicy().isDeny()) {
                    all.add(Diagnostic.warning("external_blob_ingress_default_deny",
                            "graphs." + graph.id() + ".external_blobs",
                            "no external Blob allow-list, so the graph refuses new external Blob references "
                                    + "(references already stored stay readable)"));
                }
            }
        }
        return List.copyOf(all);
    }
}
