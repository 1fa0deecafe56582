package dev.omnigraph.console.migrate;

/**
 * One object the copy phase must write.
 *
 * @param action            copy a new object (create-only) or replace one an earlier attempt left
 *                          different (If-Match on {@code destinationToken})
 * @param sourceFingerprint the source version the plan saw ({@link Fingerprint})
 * @param destinationToken  the destination version to replace (OVERWRITE only)
 */
public record PlanEntry(Action action, String key, long size, String sourceFingerprint, String destinationToken) {

    public enum Action { COPY, OVERWRITE }

    String toLine() {
        return (action == Action.COPY ? "C" : "O") + "\t" + size + "\t" + sourceFingerprint + "\t"
                + (destinationToken == null ? "-" : destinationToken) + "\t" + key;
    }

    static PlanEntry fromLine(String line) {
        String[] f = line.split("\t", 5);
        return new PlanEntry(f[0].equals("C") ? Action.COPY : Action.OVERWRITE, f[4], Long.parseLong(f[1]), f[2],
                f[3].equals("-") ? null : f[3]);
    }
}
