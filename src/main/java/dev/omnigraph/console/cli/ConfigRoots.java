package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterLocations;
import java.nio.file.Path;

/** Resolves {@code --config DIR} to its cluster, turning config problems into exit code 1 with upstream's codes. */
final class ConfigRoots {
    private ConfigRoots() {}

    static ClusterLocation location(Path configDir, Path cwd) throws CliFailure {
        try {
            return ClusterLocations.fromConfigDir(configDir, cwd);
        } catch (ClusterLocations.ConfigException e) {
            throw new CliFailure(CliMain.FINDINGS, "cannot use " + configDir.resolve("cluster.yaml") + ": " + e.getMessage());
        }
    }
}
