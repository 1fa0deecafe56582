package dev.omnigraph.console.cluster.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Result of {@link ClusterConfigReader#read}: the parsed config when the strict parse succeeded
 * (even if header checks then reported errors, as upstream's {@code ParsedConfig.raw} is set),
 * plus every diagnostic in upstream pipeline order.
 *
 * @param configDir   the directory given
 * @param configFile  {@code configDir/cluster.yaml}
 * @param config      parsed config, or null
 * @param diagnostics findings, in order
 */
public record ClusterConfigReadResult(Path configDir, Path configFile, ClusterConfig config,
        List<Diagnostic> diagnostics) {

    public ClusterConfigReadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<ClusterConfig> parsed() {
        return Optional.ofNullable(config);
    }

    /** True when no diagnostic has error severity. */
    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
