package dev.omnigraph.console.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The headless entry point: picks the command named by the first words, parses its options and
 * maps failures to exit codes (0 ok, 1 findings or refused, 2 usage). Errors name the object and
 * what to do, never a stack trace.
 */
public final class CliMain {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    private CliMain() {}

    /**
     * True when {@code argv} is for the command line (else the window opens). The window takes
     * options only, so any first word is a command, a mistyped one included: that gets "unknown
     * command" and exit 2 rather than a window.
     */
    public static boolean isCommand(String[] argv) {
        return argv.length > 0 && (!argv[0].startsWith("-") || argv[0].equals("--help") || argv[0].equals("-h")
                || argv[0].equals("--version"));
    }

    public static int run(String[] argv, CliContext given) {
        // nothing read from storage may drive the terminal: control characters are printed escaped
        CliContext ctx = new CliContext(TerminalSafeOutput.wrap(given.out()), TerminalSafeOutput.wrap(given.err()), given.in(),
                given.env(), given.cwd(), given.interactive());
        List<String> words = Arrays.asList(argv);
        if (words.isEmpty() || words.get(0).equals("help") || words.get(0).equals("--help") || words.get(0).equals("-h")) {
            if (words.size() > 1) {
                Optional<Command> c = find(words.subList(1, words.size()));
                if (c.isPresent()) {
                    ctx.out().println(c.get().usage());
                    return OK;
                }
            }
            printHelp(ctx);
            return OK;
        }
        if (words.get(0).equals("--version")) {
            ctx.out().println("omnigraph-console " + Version.current());
            return OK;
        }
        Optional<Command> found = find(words);
        if (found.isEmpty()) {
            ctx.err().println("error: unknown command '" + String.join(" ", words.subList(0, Math.min(2, words.size()))) + "'");
            Optional<String> meant = CommandSuggestion.closest(words.get(0),
                    Commands.all().stream().map(c -> c.name().split(" ")[0]).distinct().toList());
            if (meant.isPresent()) {
                ctx.err().println("Did you mean '" + meant.get() + "'? Run 'omnigraph-console help' for every command.");
            } else {
                printHelp(ctx);
            }
            return USAGE;
        }
        Command command = found.get();
        List<String> rest = words.subList(command.name().split(" ").length, words.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            ctx.out().println(command.usage());
            return OK;
        }
        try {
            Args args = Args.parse(rest, command.valuedOptions(), command.flags());
            return command.run(args, ctx);
        } catch (Args.UsageException e) {
            ctx.err().println("error: " + e.getMessage());
            ctx.err().println(command.usage());
            return USAGE;
        } catch (CliFailure e) {
            ctx.err().println("error: " + ErrorMessages.redact(e.getMessage()));
            return e.exitCode();
        } catch (Exception e) {
            ctx.err().println("error: " + ErrorMessages.describe(e));
            return FINDINGS;
        }
    }

    private static Optional<Command> find(List<String> words) {
        return Commands.all().stream()
                .sorted(Comparator.comparingInt((Command c) -> -c.name().split(" ").length))
                .filter(c -> {
                    String[] name = c.name().split(" ");
                    if (words.size() < name.length) {
                        return false;
                    }
                    for (int i = 0; i < name.length; i++) {
                        if (!name[i].equals(words.get(i))) {
                            return false;
                        }
                    }
                    return true;
                })
                .findFirst();
    }

    private static void printHelp(CliContext ctx) {
        ctx.out().println("OmniGraph Console " + Version.current());
        ctx.out().println("Usage: omnigraph-console                      open the console window (a demo cluster when no root is given)");
        ctx.out().println("       omnigraph-console --root URI | --config DIR   open the window on that cluster");
        ctx.out().println("       omnigraph-console COMMAND [options]     run headless");
        ctx.out().println();
        ctx.out().println("Commands:");
        for (Command c : Commands.all()) {
            ctx.out().printf("  %-18s %s%n", c.name(), c.summary());
        }
        ctx.out().println();
        ctx.out().println("Run 'omnigraph-console help COMMAND' for a command's options. Exit codes: 0 ok, 1 findings or refused, 2 usage.");
    }
}
