package dev.omnigraph.console.migrate;

/** A unified diff of a one-line change (replaced or inserted), with two lines of context. */
final class UnifiedDiff {
    private static final int CONTEXT = 2;

    private UnifiedDiff() {}

    static String oneLine(String name, String[] before, String[] after, int index, boolean inserted) {
        int from = Math.max(0, index - CONTEXT);
        int toBefore = Math.min(before.length, (inserted ? index : index + 1) + CONTEXT);
        int toAfter = Math.min(after.length, index + 1 + CONTEXT);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(name).append('\n');
        out.append("+++ ").append(name).append(" (edited)\n");
        out.append("@@ -").append(from + 1).append(',').append(toBefore - from)
                .append(" +").append(from + 1).append(',').append(toAfter - from).append(" @@\n");
        for (int i = from; i < index; i++) {
            out.append(' ').append(before[i]).append('\n');
        }
        if (!inserted) {
            out.append('-').append(before[index]).append('\n');
        }
        out.append('+').append(after[index]).append('\n');
        for (int i = index + 1; i < toAfter; i++) {
            out.append(' ').append(after[i]).append('\n');
        }
        return out.toString();
    }
}
