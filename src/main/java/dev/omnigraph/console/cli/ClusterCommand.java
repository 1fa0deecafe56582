package dev.omnigraph.console.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * A command that works on one cluster: takes {@code --root URI | --config DIR}, the S3 options and
 * {@code --json}. Subclasses add their own options through {@link #extraValued()} and {@link #extraFlags()}.
 */
abstract class ClusterCommand implements Command {

    /** Options beyond the shared ones that take a value. */
    protected Set<String> extraValued() {
        return Set.of();
    }

    /** Boolean options beyond {@code --json}. */
    protected Set<String> extraFlags() {
        return Set.of();
    }

    @Override
    public final Set<String> valuedOptions() {
        return ClusterOptions.valued(extraValued().toArray(String[]::new));
    }

    @Override
    public final Set<String> flags() {
        Set<String> s = new HashSet<>(extraFlags());
        s.add("json");
        return s;
    }

    /** The usage text: the first line, then the shared options. */
    protected static String usageOf(String first, String... extraLines) {
        StringBuilder sb = new StringBuilder(ClusterOptions.usage(first));
        for (String line : extraLines) {
            sb.append("\n  ").append(line);
        }
        return sb.toString();
    }
}
