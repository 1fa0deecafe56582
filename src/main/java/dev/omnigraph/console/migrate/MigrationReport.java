package dev.omnigraph.console.migrate;

import java.util.List;
import java.util.Map;

/**
 * The audit record of one migration run, saved as JSON and Markdown under
 * {@code <home>/migrations/} and loadable later ({@link MigrationReports}). It names who ran it,
 * when, from where to where, what was copied, how long each phase took, the checksums that tie the
 * destination to the source, and every warning. It never contains credentials (endpoints and
 * regions only).
 *
 * @param outcome      {@code succeeded}, {@code already-done}, {@code refused}, {@code failed} or {@code cancelled}
 * @param phaseMillis  phase title → wall time
 * @param sourceLock   the lock left on a v0.13 source after cutover ({@code migrated}) and how to undo it; null otherwise
 */
public record MigrationReport(int formatVersion, String id, String outcome, String message, String who, String host, String startedAt,
                              String finishedAt, String cluster, String source, String destination, String storageLine, Counts counts,
                              Map<String, Long> phaseMillis, Checksums checksums, List<String> warnings, List<String> problems,
                              SourceLockLeft sourceLock) {
    public static final int FORMAT_VERSION = 1;

    /**
     * @param planned     objects (and bytes) in scope at the source
     * @param copied      objects (bytes) written by the copy phase
     * @param identical   objects skipped because the destination already held them
     * @param overwritten objects an earlier attempt left different, replaced with If-Match
     * @param extras      destination-only objects left alone
     */
    public record Counts(long planned, long plannedBytes, long copied, long copiedBytes, long serverSide, long identical,
                         long identicalBytes, long overwritten, long alreadyThere, long extras, long failed, long retries,
                         long verified, double copyBytesPerSecond, double copyObjectsPerSecond) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * @param sourceLedgerCas      {@code state_cas} of the source ledger the copy was made under
     * @param destinationLedgerCas {@code state_cas} of the ledger written at the destination (equal when it succeeded)
     * @param treeDigest           {@link VerifyReport#treeDigest()}
     * @param deepVerify           whether verify re-read every destination object
     */
    public record Checksums(String sourceLedgerCas, String destinationLedgerCas, String treeDigest, boolean deepVerify) {}

    /**
     * @param operation {@code migrated}
     * @param lockId    the exact id to force-unlock for a rollback (null when the lock could not be left)
     * @param undo      the command that removes it
     * @param problem   why the source could not be left locked, when it could not
     */
    public record SourceLockLeft(String operation, String lockId, String undo, String problem) {}

    public MigrationReport(int formatVersion, String id, String outcome, String message, String who, String host, String startedAt,
                           String finishedAt, String cluster, String source, String destination, String storageLine, Counts counts,
                           Map<String, Long> phaseMillis, Checksums checksums, List<String> warnings, List<String> problems) {
        this(formatVersion, id, outcome, message, who, host, startedAt, finishedAt, cluster, source, destination, storageLine, counts,
                phaseMillis, checksums, warnings, problems, null);
    }

    public MigrationReport {
        phaseMillis = Map.copyOf(phaseMillis);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }
}
