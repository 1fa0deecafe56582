package dev.omnigraph.console.cluster.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    private static final UnaryOperator<String> SAME = UnaryOperator.identity();

    @Test
    void identicalTextsHaveNoHunks() {
        assertThat(LineDiff.diff("a\nb\n", "a\nb\n", 3, SAME).identical()).isTrue();
    }

    @Test
    void oneChangedLineIsAUnifiedHunkWithContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        TextDiff d = LineDiff.diff(a, b, 3, SAME);
        assertThat(d.hunks()).singleElement().satisfies(h -> {
            assertThat(h.header()).isEqualTo("@@ -2,7 +2,7 @@");
            assertThat(h.lines()).extracting(l -> l.op().prefix() + l.text())
                    .containsExactly(" 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8");
        });
        assertThat(d.added()).isEqualTo(1);
        assertThat(d.removed()).isEqualTo(1);
    }

    @Test
    void distantChangesMakeSeparateHunksAndNearOnesMerge() {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            a.add("line " + i);
        }
        List<String> b = new ArrayList<>(a);
        b.set(2, "changed 2");
        b.set(5, "changed 5");
        b.set(25, "changed 25");
        TextDiff d = LineDiff.diff(a, b, 3, SAME);
        assertThat(d.hunks()).extracting(TextDiff.Hunk::header).containsExactly("@@ -1,9 +1,9 @@", "@@ -23,7 +23,7 @@");
    }

    @Test
    void aMissingFinalNewlineIsShownTheUnifiedWay() {
        TextDiff d = LineDiff.diff("a\nb\n", "a\nb", 3, SAME);
        assertThat(d.hunks()).singleElement().satisfies(h -> assertThat(h.lines()).extracting(l -> l.op().prefix() + l.text())
                .containsExactly(" a", "-b", "+b\n\\ No newline at end of file"));
    }

    @Test
    void insertionsIntoAnEmptyTextStartAtLineOne() {
        TextDiff d = LineDiff.diff("", "x\ny\n", 3, SAME);
        assertThat(d.hunks()).singleElement().satisfies(h -> assertThat(h.header()).isEqualTo("@@ -0,0 +1,2 @@"));
    }

    @Test
    void applyingTheHunksToARebuildsBExactlyForRandomEdits() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> a = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                a.add("l" + random.nextInt(8));
            }
            List<String> b = new ArrayList<>(a);
            int edits = random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int op = random.nextInt(3);
                if (op == 0 || b.isEmpty()) {
                    b.add(b.isEmpty() ? 0 : random.nextInt(b.size() + 1), "new" + random.nextInt(5));
                } else if (op == 1) {
                    b.remove(random.nextInt(b.size()));
                } else {
                    b.set(random.nextInt(b.size()), "chg" + random.nextInt(5));
                }
            }
            TextDiff d = LineDiff.diff(a, b, random.nextInt(4), SAME);
            assertThat(apply(a, d)).as("round %d: %s -> %s", round, a, b).isEqualTo(b);
            // minimal: never more edits than a full replace of the differing lines
            assertThat(d.added() + d.removed()).isLessThanOrEqualTo(a.size() + b.size());
        }
    }

    @Test
    void unrelatedTextsBeyondTheEditBudgetCollapseIntoOneReplacement() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < LineDiff.MAX_EDIT_DISTANCE; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }
        TextDiff d = LineDiff.diff(a, b, 3, SAME);
        assertThat(d.collapsed()).isTrue();
        assertThat(apply(a, d)).isEqualTo(b);
    }

    @Test
    void theMaskIsAppliedToEveryShownLine() {
        TextDiff d = LineDiff.diff("\"api_key\": \"sk-1\"\n", "\"api_key\": \"${KEY}\"\n", 3, SecretMask::line);
        assertThat(d.hunks().get(0).lines()).extracting(TextDiff.Line::text)
                .containsExactly("\"api_key\": \"" + SecretMask.HIDDEN + "\"", "\"api_key\": \"${KEY}\"");
    }

    @Test
    void theUnifiedTextIsWhatPatchReads() {
        // changes two lines apart share a hunk with one line of context (as GNU diff -U1 does)
        TextDiff d = LineDiff.diff("a\nb\nc\nd\ne\nf\n", "a\nb\nc\nD\ne\nf\ng\n", 1, SAME);
        assertThat(d.unified("cluster.yaml", "cluster.yaml (edited)")).isEqualTo("""
                --- cluster.yaml
                +++ cluster.yaml (edited)
                @@ -3,4 +3,5 @@
                 c
                -d
                +D
                 e
                 f
                +g
                """);
        TextDiff apart = LineDiff.diff("1\n2\n3\n4\n5\n6\n7\n8\n", "X\n2\n3\n4\n5\n6\n7\nY\n", 1, SAME);
        assertThat(apart.hunks()).extracting(TextDiff.Hunk::header).containsExactly("@@ -1,2 +1,2 @@", "@@ -7,2 +7,2 @@");
    }

    /** Rebuilds B from A and the hunks (what `patch` would do). */
    static List<String> apply(List<String> a, TextDiff d) {
        List<String> out = new ArrayList<>();
        int next = 0; // index into a
        for (TextDiff.Hunk h : d.hunks()) {
            int start = h.aCount() == 0 ? h.aStart() : h.aStart() - 1;
            while (next < start) {
                out.add(a.get(next++));
            }
            for (TextDiff.Line l : h.lines()) {
                switch (l.op()) {
                    case CONTEXT -> {
                        assertThat(a.get(next)).isEqualTo(l.text());
                        out.add(a.get(next++));
                    }
                    case REMOVED -> {
                        assertThat(a.get(next)).isEqualTo(l.text());
                        next++;
                    }
                    case ADDED -> out.add(l.text());
                }
            }
        }
        while (next < a.size()) {
            out.add(a.get(next++));
        }
        return out;
    }
}
