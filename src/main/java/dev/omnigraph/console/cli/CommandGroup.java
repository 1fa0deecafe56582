package dev.omnigraph.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The first word of a two-word command ({@code catalog}, {@code ledger}, {@code backup}, {@code demo}); alone it is a usage mistake. */
@Command(synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n")
final class CommandGroup {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;
}
