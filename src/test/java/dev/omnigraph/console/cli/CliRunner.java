package dev.omnigraph.console.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process and captures what it prints. */
public final class CliRunner {
    public record Outcome(int exitCode, String out, String err) {}

    private CliRunner() {}

    public static Outcome run(Path cwd, Map<String, String> env, String stdin, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader(stdin)), env, cwd, false);
        int code = CliMain.run(argv, ctx);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Outcome run(Path cwd, String... argv) {
        return run(cwd, Map.of(), "", argv);
    }
}
