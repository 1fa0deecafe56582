package dev.omnigraph.console.prefs;

import java.util.Map;

/**
 * Where the window was and how its panes were split, restored on the next start.
 *
 * @param x         left edge, or NaN when never saved
 * @param y         top edge, or NaN
 * @param width     width in pixels
 * @param height    height in pixels
 * @param maximized whether the window was maximized
 * @param splits    divider positions (0..1) by split-pane id, e.g. {@code ledger.detail}
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized, Map<String, Double> splits) {

    public static final WindowLayout DEFAULT = new WindowLayout(Double.NaN, Double.NaN, 1280, 820, false, Map.of());

    public WindowLayout {
        splits = Map.copyOf(splits == null ? Map.of() : splits);
        if (!(width >= 640) || width > 20_000) {
            width = DEFAULT_WIDTH;
        }
        if (!(height >= 420) || height > 20_000) {
            height = DEFAULT_HEIGHT;
        }
    }

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 820;

    public WindowLayout withSplit(String id, double position) {
        java.util.HashMap<String, Double> copy = new java.util.HashMap<>(splits);
        copy.put(id, Math.max(0.05, Math.min(0.95, position)));
        return new WindowLayout(x, y, width, height, maximized, copy);
    }

    public WindowLayout withBounds(double nx, double ny, double nw, double nh, boolean max) {
        return new WindowLayout(nx, ny, nw, nh, max, splits);
    }
}
