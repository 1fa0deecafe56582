package dev.omnigraph.console.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every headless command, as picocli's tree under {@code omnigraph-console}: in the order
 * {@code help} lists them, each built with the {@link CliContext} it runs against, errors and
 * exit codes through {@link CliErrors}, help without colours (it passes the terminal-safe streams).
 */
final class CommandTree {
    static final String NAME = "omnigraph-console";
    private static final int HELP_WIDTH = 130;

    private CommandTree() {}

    static CommandLine build(CliContext ctx) {
        CommandLine root = new CommandLine(new RootCommand());
        root.getCommandSpec().usageMessage().header("OmniGraph Console " + Version.current());
        root.addSubcommand(new StatusCommand(ctx));
        root.addSubcommand(new ForceUnlockCommand(ctx));
        group(root, "catalog", "verify or collect the catalog's blobs", new CatalogVerifyCommand(ctx), new CatalogGcCommand(ctx));
        root.addSubcommand(new DoctorCommand(ctx));
        group(root, "ledger", "earlier ledgers and what changed", new LedgerHistoryCommand(ctx), new LedgerDiffCommand(ctx));
        root.addSubcommand(new ProbeCommand(ctx));
        group(root, "demo", "demo clusters", new DemoCommand(ctx));
        root.addSubcommand(new MigrateStorageCommand(ctx));
        group(root, "backup", "restore points of a cluster", new BackupCreateCommand(ctx), new BackupListCommand(ctx),
                new BackupVerifyCommand(ctx), new BackupDiffCommand(ctx));
        root.addSubcommand(new RestoreCommand(ctx));
        root.addSubcommand(new LocalS3Command(ctx));
        root.addSubcommand(new CompletionCommand(ctx));
        root.addSubcommand(new HelpCommand());
        widen(root);
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commandList(root));
        CliErrors errors = new CliErrors(ctx);
        root.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setOut(new PrintWriter(ctx.out(), true))
                .setErr(new PrintWriter(ctx.err(), true))
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .setExitCodeExceptionMapper(errors);
        return root;
    }

    /** Wide help (the synopses and command list are long lines), options under a heading. */
    private static void widen(CommandLine line) {
        line.setUsageHelpWidth(HELP_WIDTH);
        line.getCommandSpec().usageMessage().optionListHeading("%nOptions:%n");
        line.getSubcommands().values().forEach(CommandTree::widen);
    }

    private static void group(CommandLine root, String name, String description, Object... commands) {
        CommandLine group = new CommandLine(new CommandGroup());
        group.getCommandSpec().usageMessage().description(description);
        root.addSubcommand(name, group);
        for (Object command : commands) {
            group.addSubcommand(command);
        }
    }

    /** Every command to run, "catalog verify" as one, with its one-line description. */
    static List<String> commandNames(CommandLine root) {
        List<String> names = new ArrayList<>();
        for (CommandSpec leaf : leaves(root.getCommandSpec())) {
            names.add(leaf.qualifiedName(" ").substring(NAME.length() + 1));
        }
        return names;
    }

    private static List<CommandSpec> leaves(CommandSpec spec) {
        List<CommandSpec> out = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!e.getKey().equals(sub.name())) {
                continue; // an alias
            }
            if (sub.subcommands().isEmpty()) {
                out.add(sub);
            } else {
                out.addAll(leaves(sub));
            }
        }
        return out;
    }

    private static String commandList(CommandLine root) {
        StringBuilder b = new StringBuilder();
        for (CommandSpec leaf : leaves(root.getCommandSpec())) {
            String[] description = leaf.usageMessage().description();
            b.append(String.format("  %-18s %s%n", leaf.qualifiedName(" ").substring(NAME.length() + 1),
                    description.length == 0 ? "" : description[0]));
        }
        return b.toString();
    }
}
