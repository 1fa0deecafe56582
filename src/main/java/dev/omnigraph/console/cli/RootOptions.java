package dev.omnigraph.console.cli;

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

    /** A resolved root, with the config folder when one was given. */
    public record Resolved(StoreUri uri, Optional<Path> configDir, S3Settings s3) {
        public ObjectStore open() {
            return ObjectStores.open(uri, s3);
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
                return new Resolved(StoreUri.parse(root.get(), ctx.cwd()), Optional.empty(), s3);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
        }
        Path dir = ctx.cwd().resolve(config.get());
        return new Resolved(ConfigRoots.storageRoot(dir, ctx.cwd()), Optional.of(dir), s3);
    }
}
