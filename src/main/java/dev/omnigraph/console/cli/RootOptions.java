package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --root URI} or {@code --config DIR}, with the S3 options: which cluster a command works on. */
public final class RootOptions {
    @Option(names = "--root", paramLabel = "URI", description = "storage root: s3://bucket/prefix, file:///path or a folder")
    String root;

    @Option(names = "--config", paramLabel = "DIR",
            description = "cluster config folder: its cluster.yaml's storage: (absent = the folder itself); give --root or --config")
    String config;

    @Mixin
    S3Options s3;

    /** A resolved cluster location, with the S3 settings to reach it. */
    public record Resolved(ClusterLocation location, S3Settings s3) {
        public ObjectStore open() {
            return ObjectStores.open(location.root(), s3);
        }

        public StoreUri uri() {
            return location.root();
        }

        public Optional<Path> configDir() {
            return location.configDir();
        }
    }

    Resolved resolve(CliContext ctx) throws UsageException, CliFailure {
        if ((root == null) == (config == null)) {
            throw new UsageException("give exactly one of --root URI or --config DIR");
        }
        S3Settings settings = s3.settings(ctx);
        if (root != null) {
            return new Resolved(ClusterLocation.ofRoot(StoreUris.parse(root, ctx)), settings);
        }
        Path dir = ctx.cwd().resolve(config);
        return new Resolved(ConfigRoots.location(dir, ctx.cwd()), settings);
    }

    /** The options that name this cluster again, for a follow-up command line. */
    String asArguments() {
        return root != null ? "--root " + root : "--config " + (config == null ? "." : config);
    }
}
