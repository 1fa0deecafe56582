package dev.omnigraph.console.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small, strict command-line parser shared by both user interfaces (the CLI's {@code Args} and
 * the window's start-up options): {@code --name value}, {@code --name=value}, boolean
 * {@code --flag}s, and positionals. Unknown options are usage errors, never ignored.
 */
public final class CommandLine {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private CommandLine() {}

    /**
     * Parses {@code argv} given the options that take a value and the boolean flags.
     *
     * @throws UsageException on an unknown option or a missing value
     */
    public static CommandLine parse(List<String> argv, Set<String> valued, Set<String> flags) throws UsageException {
        CommandLine line = new CommandLine();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                line.positionals.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (!a.startsWith("--")) {
                line.positionals.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = argv.get(++i);
                }
                line.options.put(name, value);
            } else if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                line.options.put(name, "true");
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return line;
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    public int intValue(String name, int fallback) throws UsageException {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + v + "'");
        }
    }

    /** A command-line mistake: shown with the usage (the CLI exits with code 2). */
    public static class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }
}
