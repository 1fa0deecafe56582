package dev.omnigraph.console.cluster.diff;

import java.util.List;

/**
 * A line diff of two texts as unified-diff hunks.
 *
 * @param hunks     the changed regions with their context, in order
 * @param collapsed true when the texts were too different for a minimal diff and the differing
 *                  middle is shown as one removed block and one added block
 */
public record TextDiff(List<Hunk> hunks, boolean collapsed) {
    public TextDiff {
        hunks = List.copyOf(hunks);
    }

    public boolean identical() {
        return hunks.isEmpty();
    }

    public long added() {
        return hunks.stream().flatMap(h -> h.lines().stream()).filter(l -> l.op() == Op.ADDED).count();
    }

    public long removed() {
        return hunks.stream().flatMap(h -> h.lines().stream()).filter(l -> l.op() == Op.REMOVED).count();
    }

    /** The unified diff text: {@code --- a}, {@code +++ b}, then each hunk's header and lines. */
    public String unified(String a, String b) {
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(a).append('\n');
        out.append("+++ ").append(b).append('\n');
        for (Hunk h : hunks) {
            out.append(h.header()).append('\n');
            for (Line l : h.lines()) {
                out.append(l.op().prefix()).append(l.text()).append('\n');
            }
        }
        return out.toString();
    }

    /** What a line is in a hunk. */
    public enum Op {
        CONTEXT(" "), REMOVED("-"), ADDED("+");

        private final String prefix;

        Op(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** One line of a hunk; {@code text} has no line terminator (secrets already masked). */
    public record Line(Op op, String text) {}

    /**
     * One hunk: {@code aStart}/{@code bStart} are 1-based first line numbers (0 when the side is
     * empty there), as in a unified diff header {@code @@ -aStart,aCount +bStart,bCount @@}.
     */
    public record Hunk(int aStart, int aCount, int bStart, int bCount, List<Line> lines) {
        public Hunk {
            lines = List.copyOf(lines);
        }

        public String header() {
            return "@@ -" + aStart + "," + aCount + " +" + bStart + "," + bCount + " @@";
        }
    }
}
