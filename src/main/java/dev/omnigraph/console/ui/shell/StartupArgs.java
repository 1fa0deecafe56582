package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.cli.Args;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.session.ConnectionResolver;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The window's command line: {@code --root URI} or {@code --config DIR} open that cluster instead
 * of the demos, with {@code --endpoint/--region/--profile/--path-style true|false} over the
 * environment's S3 settings (the same options and rules as the CLI's {@code S3Options}).
 */
public record StartupArgs(Optional<String> root, Optional<String> config, S3Settings s3) {

    public static StartupArgs parse(List<String> argv, Map<String, String> env) throws Args.UsageException {
        Args args = Args.parse(argv, Set.of("root", "config", "endpoint", "region", "profile", "path-style"), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new Args.UsageException("unexpected argument '" + args.positionals().getFirst() + "': the window takes --root URI or "
                    + "--config DIR (and --endpoint, --region, --profile, --path-style)");
        }
        if (args.value("root").isPresent() && args.value("config").isPresent()) {
            throw new Args.UsageException("give --root or --config, not both");
        }
        S3Settings s = S3Settings.fromEnvironment(env);
        try {
            if (args.value("endpoint").isPresent()) {
                s = s.withEndpoint(args.value("endpoint").get());
            }
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        if (args.value("region").isPresent()) {
            s = s.withRegion(args.value("region").get());
        }
        if (args.value("profile").isPresent()) {
            s = s.withProfile(args.value("profile").get());
        }
        if (args.value("path-style").isPresent()) {
            String v = args.value("path-style").get();
            if (!v.equals("true") && !v.equals("false")) {
                throw new Args.UsageException("--path-style takes true or false");
            }
            s = s.withPathStyle(Boolean.parseBoolean(v));
        }
        return new StartupArgs(args.value("root"), args.value("config"), s);
    }

    /** Whether a cluster was named (otherwise the demos open). */
    public boolean namesCluster() {
        return root.isPresent() || config.isPresent();
    }

    /** Resolves the named cluster (reads cluster.yaml for --config: call from a job). */
    public ConnectionSpec resolve(Path cwd) throws Exception {
        return new ConnectionSpec(config.isPresent() ? ConnectionResolver.configDir(config.get(), cwd)
                : ConnectionResolver.root(root.orElseThrow(), cwd), s3);
    }
}
