package dev.omnigraph.console.migrate;

/**
 * The order objects are copied in, so that whatever an interruption leaves at the destination
 * never has a commit pointing at missing data (spec §8.3: a Lance dataset's latest version is
 * defined by its {@code _versions/} manifests). Tiers are copied one after the other, each tier
 * finishing before the next starts:
 * <ol start="0">
 *   <li>data, indices, transactions, deletion files, the catalog and approvals;</li>
 *   <li>the {@code _versions/} manifests of every table dataset;</li>
 *   <li>the {@code _refs/} (branches, tags) that name those versions;</li>
 *   <li>the graph catalog's own commits ({@code __manifest/_versions/}, {@code __manifest/_refs/}),
 *       which reference table versions: a graph's head moves last.</li>
 * </ol>
 */
final class CopyOrder {
    static final int TIERS = 4;

    private CopyOrder() {}

    static int tierOf(String key) {
        boolean versions = hasSegment(key, "_versions");
        boolean refs = hasSegment(key, "_refs");
        if (!versions && !refs) {
            return 0;
        }
        if (key.startsWith("__manifest/") || key.contains("/__manifest/")) {
            return 3;
        }
        return versions ? 1 : 2;
    }

    private static boolean hasSegment(String key, String segment) {
        return key.startsWith(segment + "/") || key.contains("/" + segment + "/");
    }

    static String describe(int tier) {
        return switch (tier) {
            case 0 -> "data";
            case 1 -> "table manifests";
            case 2 -> "table refs";
            default -> "graph catalog commits";
        };
    }
}
