package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.diff.LineDiff;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** A unified diff of a one-line change (replaced or inserted), with two lines of context: the ledger diff's renderer. */
final class UnifiedDiff {
    private static final int CONTEXT = 2;

    private UnifiedDiff() {}

    /** {@code index} and {@code inserted} say where the change is; the diff finds it itself (kept for the callers). */
    static String oneLine(String name, String[] before, String[] after, int index, boolean inserted) {
        return LineDiff.diff(Arrays.asList(before), Arrays.asList(after), CONTEXT, UnaryOperator.identity())
                .unified(name, name + " (edited)");
    }
}
