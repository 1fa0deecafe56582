package dev.omnigraph.console.cli;

/**
 * The headless entry point: picocli picks the command named by the first words ({@link CommandTree}),
 * parses its options and runs it; failures map to exit codes (0 ok, 1 findings or refused,
 * 2 usage) in {@link CliErrors}. Errors name the object and what to do, never a stack trace.
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
        String[] words = argv.length == 0 ? new String[] {"help"} : argv;
        int code = CommandTree.forArguments(ctx, words).execute(words);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }
}
