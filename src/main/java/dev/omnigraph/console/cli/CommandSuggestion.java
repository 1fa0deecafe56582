package dev.omnigraph.console.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The command an admin most likely meant by a mistyped word ({@code statsu} → {@code status}). */
final class CommandSuggestion {
    private CommandSuggestion() {}

    /** The closest name within a small edit distance (a third of the word, at least 1), if any. */
    static Optional<String> closest(String typed, List<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, t.length() / 3);
        return names.stream()
                .map(n -> new Scored(n, distance(t, n.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= allowed)
                .min(Comparator.comparingInt(Scored::distance))
                .map(Scored::name);
    }

    private record Scored(String name, int distance) {}

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
