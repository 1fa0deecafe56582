package dev.omnigraph.console.app;

import dev.omnigraph.console.cli.CliContext;
import dev.omnigraph.console.cli.CliMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command-line half of a start-up cache's training run ({@code packaging/build.sh}). The
 * packaged launcher has one JDK AOT cache for the window and for commands, recorded by one
 * training process; with {@code -Domnigraph.console.trainingCommands=FILE} that process first runs
 * the commands listed in FILE in itself (their output discarded), so the classes, linked call
 * sites and method profiles of representative commands (status, migrate-storage to S3, …) are in
 * the cache next to the window's. Never set outside a training run; a command that fails is noted
 * and the next one runs.
 */
public final class CommandTraining {
    /** System property naming the file of commands: one a line, words separated by spaces or tabs; blank and {@code #} lines skipped. */
    public static final String PROPERTY = "omnigraph.console.trainingCommands";

    private CommandTraining() {}

    /** Runs the commands of the file the property names, if it names one; returns their exit codes in order. */
    public static List<Integer> runIfAsked(String commandFile, Map<String, String> env, PrintStream notes) {
        if (commandFile == null || commandFile.isBlank()) {
            return List.of();
        }
        List<List<String>> commands;
        try {
            commands = parse(Files.readString(Path.of(commandFile), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            notes.println("training: cannot read the commands in " + commandFile + ": " + e.getMessage());
            return List.of();
        }
        List<Integer> codes = new ArrayList<>();
        for (List<String> words : commands) {
            int code = runSilently(words, env);
            notes.println("training: '" + String.join(" ", words) + "' exited with " + code);
            codes.add(code);
        }
        return codes;
    }

    /** The commands of a training file, each as its words. */
    static List<List<String>> parse(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                out.add(List.copyOf(Arrays.asList(trimmed.split("[ \\t]+"))));
            }
        }
        return out;
    }

    private static int runSilently(List<String> words, Map<String, String> env) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        CliContext silent = new CliContext(discard, discard, new BufferedReader(new StringReader("")), env,
                Path.of("").toAbsolutePath(), false);
        try {
            return CliMain.run(words.toArray(String[]::new), silent);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
