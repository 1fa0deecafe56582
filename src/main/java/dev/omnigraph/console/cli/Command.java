package dev.omnigraph.console.cli;

import java.util.Set;

/** One headless command. Each lives in its own class and is listed in {@link Commands}. */
public interface Command {
    /** The words that select it, e.g. {@code "catalog verify"}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The usage text printed with {@code --help} and on usage errors. */
    String usage();

    /** Options that take a value (without the leading dashes). */
    Set<String> valuedOptions();

    /** Boolean options. */
    Set<String> flags();

    /**
     * Runs the command.
     *
     * @return the exit code: 0 ok, 1 findings or refused
     */
    int run(Args args, CliContext context) throws Exception;
}
