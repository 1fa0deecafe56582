package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** {@code --root URI} or {@code --config DIR}: which cluster a command works on. */
public final class RootOptions {
    public static final Set<String> VALUED = Set.of("root", "config");

    public static final String USAGE = String.join("\n",
            "  --root URI           storage root: s3://bucket/prefix, file:///path or a folder",
            "  --config DIR         cluster config folder: its cluster.yaml's storage: (absent = the folder itself)");

    private RootOptions() {}

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

    public static Resolved resolve(Args args, CliContext ctx) throws Args.UsageException, CliFailure {
        Optional<String> root = args.value("root");
        Optional<String> config = args.value("config");
        if (root.isPresent() == config.isPresent()) {
            throw new Args.UsageException("give exactly one of --root URI or --config DIR");
        }
        S3Settings s3 = S3Options.from(args, ctx);
        if (root.isPresent()) {
            try {
                return new Resolved(ClusterLocation.ofRoot(StoreUri.parse(root.get(), ctx.cwd())), s3);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
        }
        Path dir = ctx.cwd().resolve(config.get());
        return new Resolved(ConfigRoots.location(dir, ctx.cwd()), s3);
    }
}
