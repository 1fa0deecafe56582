package dev.omnigraph.console.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * One headless command: a picocli {@code @Command} whose options are its fields (shared ones as
 * {@code @Mixin}s) and which runs against the {@link CliContext} it was built with. The tree of
 * commands is {@link CommandTree}.
 *
 * @see CliErrors for how its exceptions become exit codes
 */
abstract class CliCommand implements Callable<Integer> {
    protected final CliContext ctx;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    CliCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /**
     * Runs the command.
     *
     * @return the exit code: 0 ok, 1 findings or refused
     * @throws UsageException a command-line mistake (exit 2)
     * @throws CliFailure a failure with its own exit code
     */
    abstract int run() throws Exception;
}
