package dev.omnigraph.console.cluster.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A minimal line diff (java-diff-utils' Myers diff) as unified-diff hunks ({@link TextDiff}, rendered
 * by {@link TextDiff#unified}). Common leading and trailing lines are trimmed first; when the
 * remaining texts differ in more than {@link #MAX_EDIT_DISTANCE} lines the middle is reported as
 * one replaced block instead of searching further, which bounds time and memory for unrelated inputs.
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
        List<int[]> middle = editScript(am, bm); // each: {op, aIndex, bIndex}
        boolean collapsed = middle == null;
        if (collapsed) {
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

    /** Thrown from the diff's progress callback to stop a search beyond the edit budget. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }

    /**
     * The edit script of a against b (java-diff-utils' Myers diff), or null when it needs more than
     * {@link #MAX_EDIT_DISTANCE} edits: the search is stopped there, which bounds time and memory.
     */
    private static List<int[]> editScript(List<String> a, List<String> b) {
        Patch<String> patch;
        try {
            patch = DiffUtils.diff(a, b, new MyersDiff<>(), new DiffAlgorithmListener() {
                @Override
                public void diffStart() {}

                @Override
                public void diffStep(int value, int max) {
                    if (value > MAX_EDIT_DISTANCE) {
                        throw new OverBudget();
                    }
                }

                @Override
                public void diffEnd() {}
            });
        } catch (OverBudget tooDifferent) {
            return null;
        }
        List<int[]> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++, j++) {
                out.add(new int[] {KEEP, i, j});
            }
            for (int n = 0; n < delta.getSource().size(); n++, i++) {
                out.add(new int[] {REMOVE, i, -1});
            }
            for (int n = 0; n < delta.getTarget().size(); n++, j++) {
                out.add(new int[] {ADD, -1, j});
            }
        }
        for (; i < a.size(); i++, j++) {
            out.add(new int[] {KEEP, i, j});
        }
        return out;
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
            int stop = Math.min(script.size(), lastChangeNear(script, i, context) + context + 1);
            out.add(hunk(script, start, stop, a, b, mask));
            i = stop;
        }
        return out;
    }

    /** The last change of the run starting at {@code first}: changes closer than 2*context lines join one hunk. */
    private static int lastChangeNear(List<int[]> script, int first, int context) {
        int lastChange = first;
        for (int end = first; end < script.size(); end++) {
            if (script.get(end)[0] != KEEP) {
                lastChange = end;
            } else if (end - lastChange > 2 * context) {
                break;
            }
        }
        return lastChange;
    }

    /** The hunk of script entries {@code [start, stop)}, its line numbers counted from the entries before it. */
    private static TextDiff.Hunk hunk(List<int[]> script, int start, int stop, List<String> a, List<String> b,
                                      UnaryOperator<String> mask) {
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
        List<TextDiff.Line> lines = new ArrayList<>();
        int aCount = 0;
        int bCount = 0;
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
        int aStart = aCount == 0 ? aBefore : aBefore + 1;
        int bStart = bCount == 0 ? bBefore : bBefore + 1;
        return new TextDiff.Hunk(aStart, aCount, bStart, bCount, lines);
    }
}
