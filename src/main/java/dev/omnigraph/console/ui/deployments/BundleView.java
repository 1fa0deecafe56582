package dev.omnigraph.console.ui.deployments;

import dev.omnigraph.console.cluster.model.CapturedSources;
import dev.omnigraph.console.cluster.model.DeploymentBundle;
import dev.omnigraph.console.cluster.model.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * A deployment's bundle as read for display: the parsed bundle and its captured files, or why it
 * could not be shown (missing, name ≠ sha256 of its bytes, not a valid bundle).
 *
 * @param problem the upstream code and sentence ({@code deployment_bundle_missing}, {@code deployment_bundle_digest} …)
 */
public record BundleView(String digest, Optional<DeploymentBundle> bundle, List<CapturedSources.File> files, Optional<Diagnostic> problem) {

    static BundleView of(DeploymentBundle b) {
        return new BundleView(b.digest(), Optional.of(b), b.capturedFiles(), Optional.empty());
    }

    static BundleView failed(String digest, Diagnostic d) {
        return new BundleView(digest, Optional.empty(), List.of(), Optional.of(d));
    }

    /** The text compared between two deployments: every captured file under its path, then the resource digests. */
    public String configText() {
        StringBuilder out = new StringBuilder();
        files.stream().sorted(java.util.Comparator.comparing(CapturedSources.File::path)).forEach(f -> {
            out.append("### ").append(f.path()).append('\n').append(f.text());
            if (!f.text().endsWith("\n")) {
                out.append('\n');
            }
        });
        bundle.ifPresent(b -> {
            out.append("### resources (address → digest)\n");
            b.resources().forEach((a, r) -> out.append(a).append(' ').append(r.digest()).append('\n'));
        });
        return out.toString();
    }
}
