package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.ClusterConfig;
import dev.omnigraph.console.cluster.model.ClusterConfigReadResult;
import dev.omnigraph.console.cluster.model.ClusterConfigReader;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Resolves a config folder to its cluster, as upstream does (spec §2.1). */
public final class ClusterLocations {
    private ClusterLocations() {}

    /** Thrown when {@code cluster.yaml} cannot be used; carries upstream's diagnostics. */
    public static final class ConfigException extends Exception {
        private final List<Diagnostic> diagnostics;

        public ConfigException(List<Diagnostic> diagnostics) {
            super(diagnostics.stream().filter(Diagnostic::isError)
                    .map(d -> d.code() + " at " + d.path() + ": " + d.message()).collect(Collectors.joining("; ")));
            this.diagnostics = List.copyOf(diagnostics);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    /**
     * Reads {@code <dir>/cluster.yaml} (strictly, header checks included) and returns the cluster it
     * names: {@code storage:} when present, else the folder itself. Relative local {@code storage:}
     * paths resolve against {@code cwd}, like the engine.
     */
    public static ClusterLocation fromConfigDir(Path configDir, Path cwd) throws ConfigException {
        Path dir = configDir.toAbsolutePath().normalize();
        ClusterConfigReadResult read = ClusterConfigReader.read(dir);
        if (!read.ok() || read.parsed().isEmpty()) {
            throw new ConfigException(read.diagnostics());
        }
        ClusterConfig config = read.parsed().get();
        StoreUri root;
        try {
            root = StoreUri.parse(config.storageRoot(dir, cwd).display(), cwd);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(Diagnostic.error("invalid_storage_root", "storage", e.getMessage())));
        }
        String name = Optional.ofNullable(config.metadataName()).filter(n -> !n.isBlank()).orElse(ClusterLocation.defaultName(root));
        return new ClusterLocation(root, Optional.of(dir), name);
    }
}
