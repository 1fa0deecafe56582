package dev.omnigraph.console.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command talks to: standard streams, the environment (for the S3 contract), the working
 * directory (relative {@code storage:} paths resolve against it, as upstream does) and whether a
 * person is at a terminal (typed confirmations, progress bars).
 */
public record CliContext(PrintStream out, PrintStream err, BufferedReader in, Map<String, String> env, Path cwd,
                         boolean interactive) {

    public static CliContext system() {
        return new CliContext(System.out, System.err,
                new BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
                System.getenv(), Path.of("").toAbsolutePath(), System.console() != null);
    }
}
