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
 * @param etags       ETag parity: per object, whether the destination's ETag equals the source's
 */
public record VerifyReport(long checked, long bytes, boolean deep, long mismatches, List<String> problems, long extras, String treeDigest,
                           Duration took, EtagParity etags) {
    public VerifyReport {
        problems = List.copyOf(problems);
        etags = etags == null ? EtagParity.notApplicable("not measured") : etags;
    }

    public VerifyReport(long checked, long bytes, boolean deep, long mismatches, List<String> problems, long extras, String treeDigest,
                        Duration took) {
        this(checked, bytes, deep, mismatches, problems, extras, treeDigest, took, null);
    }

    /**
     * Whether each destination object carries its source's ETag (some engine metadata records the
     * ETag an object had). Only S3 → S3 can keep it; a folder has no ETags, so for a direction with a
     * folder {@code applicable} is false and {@code why} says so. A difference is reported, not a
     * mismatch: the bytes are verified by the checksums.
     *
     * @param same      objects whose destination ETag equals the source's
     * @param differing objects whose ETags differ
     * @param examples  keys of differing objects, with both ETags (capped at {@link MigrationPlan#LISTED_MAX})
     */
    public record EtagParity(boolean applicable, String why, long same, long differing, List<String> examples) {
        public EtagParity {
            examples = List.copyOf(examples);
        }

        public static EtagParity notApplicable(String why) {
            return new EtagParity(false, why, 0, 0, List.of());
        }

        public boolean kept() {
            return applicable && differing == 0;
        }

        public String describe() {
            if (!applicable) {
                return "ETag parity: not applicable (" + why + ")";
            }
            return "ETag parity: " + same + " of " + (same + differing) + " object(s) carry their source's ETag"
                    + (differing == 0 ? "" : "; " + differing + " differ");
        }
    }

    public boolean ok() {
        return mismatches == 0;
    }
}
