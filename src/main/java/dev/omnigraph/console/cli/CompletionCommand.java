package dev.omnigraph.console.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code completion}: prints the bash (and zsh, with bashcompinit) completion script for every command and option. */
@Command(name = "completion", description = "print the bash completion script: source <(omnigraph-console completion)",
        footer = {"", "Install for every new shell:", "  omnigraph-console completion > ~/.local/share/bash-completion/completions/omnigraph-console"})
final class CompletionCommand extends CliCommand {
    @Spec
    CommandSpec spec;

    CompletionCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() {
        ctx.out().print(AutoComplete.bash(CommandTree.NAME, spec.root().commandLine()));
        ctx.out().flush();
        return CliMain.OK;
    }
}
