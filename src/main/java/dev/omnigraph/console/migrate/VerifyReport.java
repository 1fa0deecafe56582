package dev.omnigraph.console.migrate;

import java.time.Duration;
import java.util.List;

/**
 * Phase 5's result. Any mismatch blocks cutover.
 *
 * @param checked     source objects checked against the destination
 * @param bytes       their bytes
 * @param deep        the destination's bytes were re-read and hashed
 * @param mismatches  how many objects failed the check
 * @param problems    one sentence per mismatch (capped at {@link MigrationPlan#LISTED_MAX})
 * @param treeDigest  SHA-256 over "key, size, checksum" lines of every verified object, in key order: one value that
 *                    names the migrated tree in the report
 */
public record VerifyReport(long checked, long bytes, boolean deep, long mismatches, List<String> problems, long extras, String treeDigest,
                           Duration took) {
    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return mismatches == 0;
    }
}
