package dev.omnigraph.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** {@code omnigraph-console}: the window without a command, else one of the commands of {@link CommandTree}. */
@Command(name = CommandTree.NAME, versionProvider = RootCommand.VersionText.class,
        customSynopsis = {
            "omnigraph-console                      open the console window (a demo cluster when no root is given)",
            "       omnigraph-console --root URI | --config DIR   open the window on that cluster",
            "       omnigraph-console COMMAND [options]     run headless"},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'omnigraph-console help COMMAND' (or COMMAND --help) for a command's options.",
            "Exit codes: 0 ok, 1 findings or refused, 2 usage.", "Bash completion: source <(omnigraph-console completion)"})
final class RootCommand {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "print the version")
    boolean version;

    /** {@code omnigraph-console VERSION}. */
    static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {CommandTree.NAME + " " + Version.current()};
        }
    }
}
