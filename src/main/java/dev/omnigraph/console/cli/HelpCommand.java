package dev.omnigraph.console.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code help [COMMAND...]}: every command, or one command's options ({@code help catalog verify}); a word it does not know shows every command. */
@Command(name = "help", helpCommand = true, description = "show every command, or a command's options: help COMMAND")
final class HelpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command's words, e.g. catalog verify")
    List<String> words = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        CommandLine shown = root;
        for (String word : words) {
            CommandLine sub = shown.getSubcommands().get(word);
            if (sub == null) {
                shown = root;
                break;
            }
            shown = sub;
        }
        shown.usage(root.getOut());
        root.getOut().flush();
        return CliMain.OK;
    }
}
