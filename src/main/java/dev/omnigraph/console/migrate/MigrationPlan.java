package dev.omnigraph.console.migrate;

import java.time.Duration;
import java.util.List;

/**
 * Phase 3's result: what the copy will do, in totals, with the objects an admin must know about
 * listed (capped at {@link #LISTED_MAX} each; the totals are always complete). The work list
 * itself is in {@link #spool()}, on disk.
 *
 * @param sourceObjects  objects in the migration's scope at the source (the ledger and lock excluded)
 * @param copy           new objects (create-only)
 * @param overwrite      objects an earlier attempt left different at the destination (If-Match), listed
 * @param identical      objects already identical at the destination (skipped)
 * @param extras         destination-only objects, listed and left alone
 * @param blocking       findings that stop the migration (unsafe keys, stray recovery sidecars at the destination)
 * @param notes          things worth knowing that change nothing (objects outside the cluster's scope)
 * @param serverSide     both roots share an S3 endpoint and credentials: objects are copied without passing through here
 * @param estimate       a rough duration before anything was measured
 * @param copyPreconditionsProven the destination proved that its server-side copies honour preconditions; when not
 *                       (and {@code serverSide}), only new objects are copied server-side, each checked by the ETag its
 *                       copy returns and by verify's listing (size and ETag), and objects to replace are streamed
 */
public record MigrationPlan(Totals sourceObjects, Totals copy, Totals overwrite, Totals identical, Totals extras,
                            List<Listed> overwrites, List<Listed> extraObjects, List<String> blocking, List<String> notes,
                            boolean serverSide, Duration listingTook, Duration estimate, PlanSpool spool,
                            boolean copyPreconditionsProven) {
    public static final int LISTED_MAX = 200;

    /** A plan whose server-side copies (if any) rest on proven copy preconditions. */
    public MigrationPlan(Totals sourceObjects, Totals copy, Totals overwrite, Totals identical, Totals extras,
                         List<Listed> overwrites, List<Listed> extraObjects, List<String> blocking, List<String> notes,
                         boolean serverSide, Duration listingTook, Duration estimate, PlanSpool spool) {
        this(sourceObjects, copy, overwrite, identical, extras, overwrites, extraObjects, blocking, notes, serverSide, listingTook,
                estimate, spool, true);
    }

    /** A count of objects and their bytes. */
    public record Totals(long objects, long bytes) {
        public static final Totals ZERO = new Totals(0, 0);

        public Totals plus(long size) {
            return new Totals(objects + 1, bytes + size);
        }
    }

    /** One object named in the plan, with why. */
    public record Listed(String key, long size, String reason) {}

    public MigrationPlan {
        overwrites = List.copyOf(overwrites);
        extraObjects = List.copyOf(extraObjects);
        blocking = List.copyOf(blocking);
        notes = List.copyOf(notes);
    }

    /** Objects and bytes the copy phase writes. */
    public Totals work() {
        return new Totals(copy.objects + overwrite.objects, copy.bytes + overwrite.bytes);
    }

    public boolean ok() {
        return blocking.isEmpty();
    }

    /**
     * A rough duration from the work's size before anything is measured: a per-request cost spread
     * over the workers, plus the bytes at a conservative rate (higher when copied server-side).
     */
    static Duration estimate(Totals work, int concurrency, boolean serverSide) {
        double perObject = 0.02 / Math.max(1, concurrency);
        double bytesPerSecond = (serverSide ? 150.0 : 60.0) * 1024 * 1024;
        double seconds = work.objects() * perObject + work.bytes() / bytesPerSecond;
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
