package dev.omnigraph.console.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the CLI's mistakes and failures reach the admin: one line on stderr and an exit code. A
 * usage mistake (picocli's, or a {@link UsageException} a command finds) says what is wrong and
 * where the help is, exit 2; an unknown command suggests the closest one; a {@link CliFailure}
 * keeps its code; anything else is one redacted sentence, exit 1.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler, IExitCodeExceptionMapper {
    private final CliContext ctx;

    CliErrors(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof CliFailure f) {
            return f.exitCode();
        }
        return e instanceof UsageException || e instanceof ParameterException ? CliMain.USAGE : CliMain.FINDINGS;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException u && !u.isUnknownOption() && !where.getSubcommands().isEmpty()) {
            return unknownCommand(u, where);
        }
        ctx.err().println("error: " + message(e, where));
        hint(where);
        return getExitCode(e);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine where, ParseResult parsed) {
        if (e instanceof UsageException) {
            ctx.err().println("error: " + e.getMessage());
            hint(where);
        } else if (e instanceof CliFailure) {
            ctx.err().println("error: " + ErrorMessages.redact(e.getMessage()));
        } else {
            ctx.err().println("error: " + ErrorMessages.describe(e));
        }
        return getExitCode(e);
    }

    private static String message(ParameterException e, CommandLine where) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().getFirst();
            return first.startsWith("-") ? "unknown option " + first.split("=", 2)[0] : "unexpected argument '" + first + "'";
        }
        if (!where.getSubcommands().isEmpty() && e.getMessage().startsWith("Missing required subcommand")) {
            return "'" + words(where) + "' needs one of: " + String.join(", ", where.getSubcommands().keySet());
        }
        return e.getMessage();
    }

    private int unknownCommand(UnmatchedArgumentException e, CommandLine where) {
        String typed = e.getUnmatched().getFirst();
        String prefix = words(where);
        ctx.err().println("error: unknown command '" + (prefix.isEmpty() ? "" : prefix + " ") + typed + "'");
        List<String> suggestions = e.getSuggestions();
        if (suggestions.isEmpty()) {
            where.usage(ctx.out());
        } else {
            ctx.err().println("Did you mean '" + (prefix.isEmpty() ? "" : prefix + " ") + suggestions.getFirst() + "'? Run '"
                    + CommandTree.NAME + " help' for every command.");
        }
        return CliMain.USAGE;
    }

    private void hint(CommandLine where) {
        String words = words(where);
        ctx.err().println(words.isEmpty() ? "Run '" + CommandTree.NAME + " help' for every command."
                : "Run '" + CommandTree.NAME + " " + words + " --help' for its options.");
    }

    /** The command's words after the program name ("catalog verify"), empty for the root. */
    static String words(CommandLine where) {
        String qualified = where.getCommandSpec().qualifiedName(" ");
        return qualified.equals(CommandTree.NAME) ? "" : qualified.substring(CommandTree.NAME.length() + 1);
    }
}
