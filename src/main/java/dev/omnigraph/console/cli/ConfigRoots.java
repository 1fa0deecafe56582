package dev.omnigraph.console.cli;

import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;

/** Resolves a config folder to its storage root (placeholder until the strict config reader lands). */
final class ConfigRoots {
    private ConfigRoots() {}

    static StoreUri storageRoot(Path configDir, Path cwd) throws CliFailure {
        throw new CliFailure(CliMain.USAGE, "--config is not available yet");
    }
}
