package dev.omnigraph.console.cli;

import java.util.HashSet;
import java.util.Set;

/** Option sets shared by the commands that work on one cluster. */
final class ClusterOptions {
    private ClusterOptions() {}

    static Set<String> valued(String... extra) {
        Set<String> s = new HashSet<>(RootOptions.VALUED);
        s.addAll(S3Options.VALUED);
        s.addAll(Set.of(extra));
        return s;
    }

    static String usage(String first) {
        return "Usage: omnigraph-console " + first + "\n" + RootOptions.USAGE + "\n" + S3Options.USAGE;
    }
}
