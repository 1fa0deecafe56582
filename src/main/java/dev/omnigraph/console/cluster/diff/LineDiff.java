package dev.omnigraph.console.cluster.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A minimal line diff (Myers' O(ND) algorithm) rendered as unified-diff hunks. Common leading and
 * trailing lines are trimmed first; when the remaining texts differ in more than
 * {@link #MAX_EDIT_DISTANCE} lines the middle is reported as one replaced block instead of searching
 * further, which bounds time and memory for unrelated inputs.
 */
public final class LineDiff {
    public static final int DEFAULT_CONTEXT = 3;
    static final int MAX_EDIT_DISTANCE = 2_000;
    static final String NO_NEWLINE = "\\ No newline at end of file";

    private LineDiff() {}

    /** Splits text into lines; a last line without a terminator carries the unified-diff marker. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start) + "\n" + NO_NEWLINE);
        }
        return out;
    }

    public static TextDiff diff(String a, String b, int context, UnaryOperator<String> mask) {
        return diff(lines(a), lines(b), context, mask);
    }

    public static TextDiff diff(List<String> a, List<String> b, int context, UnaryOperator<String> mask) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> am = a.subList(prefix, a.size() - suffix);
        List<String> bm = b.subList(prefix, b.size() - suffix);
        List<int[]> middle = myers(am, bm); // each: {op, aIndex, bIndex}
        boolean collapsed = false;
        if (middle == null) {
            collapsed = true;
            middle = new ArrayList<>();
            for (int i = 0; i < am.size(); i++) {
                middle.add(new int[] {REMOVE, i, -1});
            }
            for (int j = 0; j < bm.size(); j++) {
                middle.add(new int[] {ADD, -1, j});
            }
        }
        List<int[]> script = new ArrayList<>(a.size() + b.size());
        for (int i = 0; i < prefix; i++) {
            script.add(new int[] {KEEP, i, i});
        }
        for (int[] e : middle) {
            script.add(new int[] {e[0], e[1] < 0 ? -1 : e[1] + prefix, e[2] < 0 ? -1 : e[2] + prefix});
        }
        for (int s = suffix; s > 0; s--) {
            script.add(new int[] {KEEP, a.size() - s, b.size() - s});
        }
        return new TextDiff(hunks(script, a, b, Math.max(0, context), mask), collapsed);
    }

    private static final int KEEP = 0;
    private static final int REMOVE = 1;
    private static final int ADD = 2;

    /** The edit script of a against b, or null when it needs more than MAX_EDIT_DISTANCE edits. */
    private static List<int[]> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        if (max == 0) {
            return new ArrayList<>();
        }
        int limit = Math.min(max, MAX_EDIT_DISTANCE);
        int offset = limit + 1;
        int[] v = new int[2 * limit + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= limit; d++) {
            // keep v[k] for k in [-d-1, d+1]: all that backtracking at step d reads
            int[] snapshot = new int[2 * d + 3];
            System.arraycopy(v, offset - d - 1, snapshot, 0, 2 * d + 3);
            trace.add(snapshot);
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
            if (found >= 0) {
                break;
            }
        }
        if (found < 0) {
            return null;
        }
        List<int[]> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d >= 0; d--) {
            int[] snap = trace.get(d);
            int k = x - y;
            int prevK;
            if (k == -d || (k != d && at(snap, d, k - 1) < at(snap, d, k + 1))) {
                prevK = k + 1;
            } else {
                prevK = k - 1;
            }
            int prevX = at(snap, d, prevK);
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(new int[] {KEEP, x - 1, y - 1});
                x--;
                y--;
            }
            if (d > 0) {
                if (x == prevX) {
                    reversed.add(new int[] {ADD, -1, prevY});
                } else {
                    reversed.add(new int[] {REMOVE, prevX, -1});
                }
            }
            x = prevX;
            y = prevY;
        }
        List<int[]> out = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            out.add(reversed.get(i));
        }
        return out;
    }

    private static int at(int[] snapshot, int d, int k) {
        return snapshot[k + d + 1];
    }

    private static List<TextDiff.Hunk> hunks(List<int[]> script, List<String> a, List<String> b, int context,
                                             UnaryOperator<String> mask) {
        List<TextDiff.Hunk> out = new ArrayList<>();
        int i = 0;
        while (i < script.size()) {
            if (script.get(i)[0] == KEEP) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            // extend while the next change is within 2*context of the last one
            int end = i;
            int lastChange = i;
            while (end < script.size()) {
                if (script.get(end)[0] != KEEP) {
                    lastChange = end;
                } else if (end - lastChange > 2 * context) {
                    break;
                }
                end++;
            }
            int stop = Math.min(script.size(), lastChange + context + 1);
            List<TextDiff.Line> lines = new ArrayList<>();
            int aStart = -1;
            int bStart = -1;
            int aCount = 0;
            int bCount = 0;
            int aBefore = 0;
            int bBefore = 0;
            for (int s = 0; s < start; s++) {
                int[] e = script.get(s);
                if (e[0] != ADD) {
                    aBefore++;
                }
                if (e[0] != REMOVE) {
                    bBefore++;
                }
            }
            for (int s = start; s < stop; s++) {
                int[] e = script.get(s);
                switch (e[0]) {
                    case KEEP -> {
                        lines.add(new TextDiff.Line(TextDiff.Op.CONTEXT, mask.apply(a.get(e[1]))));
                        aCount++;
                        bCount++;
                    }
                    case REMOVE -> {
                        lines.add(new TextDiff.Line(TextDiff.Op.REMOVED, mask.apply(a.get(e[1]))));
                        aCount++;
                    }
                    default -> {
                        lines.add(new TextDiff.Line(TextDiff.Op.ADDED, mask.apply(b.get(e[2]))));
                        bCount++;
                    }
                }
            }
            aStart = aCount == 0 ? aBefore : aBefore + 1;
            bStart = bCount == 0 ? bBefore : bBefore + 1;
            out.add(new TextDiff.Hunk(aStart, aCount, bStart, bCount, lines));
            i = stop;
        }
        return out;
    }
}
