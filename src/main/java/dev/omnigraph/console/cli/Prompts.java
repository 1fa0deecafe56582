package dev.omnigraph.console.cli;

import java.io.IOException;

/** Questions to the admin at a terminal (typed confirmations); scripts and {@code --json} runs are never asked. */
final class Prompts {
    private Prompts() {}

    /** Asks on stderr and reads one line, trimmed; empty when there is no terminal, with {@code --json}, or at end of input. */
    static String ask(CliContext ctx, boolean json, String prompt) {
        if (!ctx.interactive() || json) {
            return "";
        }
        ctx.err().print(prompt);
        ctx.err().flush();
        try {
            String line = ctx.in().readLine();
            return line == null ? "" : line.trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Writers confirmed stopped: the flag, or "yes" typed at the prompt. */
    static boolean writersStopped(CliContext ctx, boolean json, boolean flag, String question) {
        return flag || ask(ctx, json, question + " Type 'yes': ").equals("yes");
    }
}
