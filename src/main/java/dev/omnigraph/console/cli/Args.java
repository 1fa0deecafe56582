package dev.omnigraph.console.cli;

import dev.omnigraph.console.runtime.CommandLine;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CLI's view of a {@link CommandLine} (the strict parser both user interfaces share):
 * {@code --name value}, {@code --name=value}, boolean {@code --flag}s, and positionals. Unknown
 * options are usage errors (exit 2), never ignored.
 */
public final class Args {
    private final CommandLine line;

    private Args(CommandLine line) {
        this.line = line;
    }

    /**
     * Parses {@code argv} given the options that take a value and the boolean flags.
     *
     * @throws UsageException on an unknown option or a missing value
     */
    public static Args parse(List<String> argv, Set<String> valued, Set<String> flags) throws UsageException {
        try {
            return new Args(CommandLine.parse(argv, valued, flags));
        } catch (CommandLine.UsageException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public Optional<String> value(String name) {
        return line.value(name);
    }

    public boolean flag(String name) {
        return line.flag(name);
    }

    public List<String> positionals() {
        return line.positionals();
    }

    public int intValue(String name, int fallback) throws UsageException {
        try {
            return line.intValue(name, fallback);
        } catch (CommandLine.UsageException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A command-line mistake: printed with the command's usage, exit code 2. */
    public static final class UsageException extends CommandLine.UsageException {
        public UsageException(String message) {
            super(message);
        }
    }
}
