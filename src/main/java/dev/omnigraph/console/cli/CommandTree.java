package dev.omnigraph.console.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    /**
     * One command: the group it is under (null at the top) and its class, made with its
     * {@code (CliContext)} constructor (by reflection: a lambda per command costs more at start-up).
     */
    private record Leaf(String group, Class<?> type) {
        Object create(CliContext ctx) {
            try {
                return type == HelpCommand.class ? new HelpCommand() : type.getDeclaredConstructor(CliContext.class).newInstance(ctx);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make the command " + type.getSimpleName(), e);
            }
        }

        String name() {
            return type.getAnnotation(Command.class).name();
        }

        boolean namedBy(List<String> words) {
            return group == null ? !words.isEmpty() && words.get(0).equals(name())
                    : words.size() > 1 && words.get(0).equals(group) && words.get(1).equals(name());
        }
    }

    private static final List<Leaf> LEAVES = List.of(
            new Leaf(null, StatusCommand.class),
            new Leaf(null, ForceUnlockCommand.class),
            new Leaf("catalog", CatalogVerifyCommand.class),
            new Leaf("catalog", CatalogGcCommand.class),
            new Leaf(null, DoctorCommand.class),
            new Leaf("ledger", LedgerHistoryCommand.class),
            new Leaf("ledger", LedgerDiffCommand.class),
            new Leaf(null, ProbeCommand.class),
            new Leaf("demo", DemoCommand.class),
            new Leaf(null, MigrateStorageCommand.class),
            new Leaf("backup", BackupCreateCommand.class),
            new Leaf("backup", BackupListCommand.class),
            new Leaf("backup", BackupVerifyCommand.class),
            new Leaf("backup", BackupDiffCommand.class),
            new Leaf(null, RestoreCommand.class),
            new Leaf(null, LocalS3Command.class),
            new Leaf(null, CompletionCommand.class),
            new Leaf(null, HelpCommand.class));

    private static final Map<String, String> GROUPS = Map.of(
            "catalog", "verify or collect the catalog's blobs",
            "ledger", "earlier ledgers and what changed",
            "demo", "demo clusters",
            "backup", "restore points of a cluster");

    /** The whole tree, every command built in full. */
    static CommandLine build(CliContext ctx) {
        return build(ctx, leaf -> true);
    }

    /**
     * The tree for {@code argv}: the command it names (directly, after {@code help}, or all of them
     * for {@code completion}) is built in full; the others are only named and described, which is
     * all a listing, a suggestion or a usage mistake needs, and keeps picocli's reflection to one
     * command at start-up.
     */
    static CommandLine forArguments(CliContext ctx, String[] argv) {
        List<String> words = List.of(argv);
        boolean all = !words.isEmpty() && words.get(0).equals("completion");
        List<String> helped = !words.isEmpty() && words.get(0).equals("help") ? words.subList(1, words.size()) : List.of();
        return build(ctx, leaf -> all || leaf.namedBy(words) || leaf.namedBy(helped));
    }

    private static CommandLine build(CliContext ctx, Predicate<Leaf> inFull) {
        CommandLine root = new CommandLine(new RootCommand());
        root.getCommandSpec().usageMessage().header("OmniGraph Console " + Version.current());
        Map<String, CommandLine> groups = new HashMap<>();
        for (Leaf leaf : LEAVES) {
            CommandLine parent = leaf.group() == null ? root : groups.computeIfAbsent(leaf.group(), g -> group(root, g));
            parent.addSubcommand(leaf.name(), inFull.test(leaf) ? new CommandLine(leaf.create(ctx)) : named(leaf.type()));
        }
        widen(root);
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commandList(root));
        CliErrors errors = new CliErrors(ctx);
        root.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setOut(new PrintWriter(ctx.out(), true))
                .setErr(new PrintWriter(ctx.err(), true))
                .setOverwrittenOptionsAllowed(true) // an option given twice: the last one counts, as it always did
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

    private static CommandLine group(CommandLine root, String name) {
        CommandLine group = new CommandLine(new CommandGroup());
        group.getCommandSpec().usageMessage().description(GROUPS.get(name));
        root.addSubcommand(name, group);
        return group;
    }

    /** A command by its name and description only (no options: it is not the one that runs). */
    private static CommandLine named(Class<?> type) {
        Command annotation = type.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(annotation.name());
        spec.usageMessage().description(annotation.description());
        return new CommandLine(spec);
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
