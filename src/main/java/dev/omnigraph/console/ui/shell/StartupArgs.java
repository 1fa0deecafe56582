package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.runtime.CommandLine;
import dev.omnigraph.console.storage.S3Input;
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
 * environment's S3 settings (the same options and rules as the CLI's: one {@link S3Input}).
 */
public record StartupArgs(Optional<String> root, Optional<String> config, S3Settings s3) {

    public static StartupArgs parse(List<String> argv, Map<String, String> env) throws CommandLine.UsageException {
        CommandLine args = CommandLine.parse(argv, Set.of("root", "config", "endpoint", "region", "profile", "path-style"), Set.of());
        if (!args.positionals().isEmpty()) {
            throw new CommandLine.UsageException("unexpected argument '" + args.positionals().getFirst() + "': the window takes --root URI or "
                    + "--config DIR (and --endpoint, --region, --profile, --path-style)");
        }
        if (args.value("root").isPresent() && args.value("config").isPresent()) {
            throw new CommandLine.UsageException("give --root or --config, not both");
        }
        S3Settings s;
        try {
            s = S3Input.fromOptions(args::value, "").over(S3Input.environment(env));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
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
