package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.cluster.diff.TextDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the raw JSON diff as the page lists it: a hunk header, or a context / removed /
 * added line with its line numbers in A and B (blank where the line is not on that side).
 */
public record RawLine(Kind kind, String aLine, String bLine, String text) {

    public enum Kind { HEADER, CONTEXT, REMOVED, ADDED }

    /** The style class of the line ({@code diff-removed} …). */
    public String styleClass() {
        return "diff-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The line as a unified diff shows it (for copying). */
    public String unified() {
        return switch (kind) {
            case HEADER -> text;
            case CONTEXT -> " " + text;
            case REMOVED -> "-" + text;
            case ADDED -> "+" + text;
        };
    }

    /** Numbers the hunks' lines; secrets were masked by the differ. */
    public static List<RawLine> of(TextDiff diff) {
        List<RawLine> out = new ArrayList<>();
        for (TextDiff.Hunk h : diff.hunks()) {
            out.add(new RawLine(Kind.HEADER, "", "", h.header()));
            int a = h.aStart();
            int b = h.bStart();
            for (TextDiff.Line l : h.lines()) {
                switch (l.op()) {
                    case CONTEXT -> out.add(new RawLine(Kind.CONTEXT, String.valueOf(a++), String.valueOf(b++), l.text()));
                    case REMOVED -> out.add(new RawLine(Kind.REMOVED, String.valueOf(a++), "", l.text()));
                    case ADDED -> out.add(new RawLine(Kind.ADDED, "", String.valueOf(b++), l.text()));
                }
            }
        }
        return List.copyOf(out);
    }
}
