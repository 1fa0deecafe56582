package dev.omnigraph.console.reliability;

/** Lets reliability tests in other packages add their figures to the same file. */
public final class ReliabilityFiguresAccess {
    private ReliabilityFiguresAccess() {}

    public static void line(String text) {
        ReliabilityFigures.line(text);
    }
}
