package dev.omnigraph.console.cluster.gc;

import java.util.List;
import java.util.Optional;

/**
 * What a catalog GC run did.
 *
 * @param deleted     blobs that are gone
 * @param skipped     planned blobs that were not deleted, with why
 * @param restored    blobs deleted and then put back (create-only, same bytes) because the ledger, an
 *                    approval or a sidecar started referring to them while the GC ran
 * @param lockId      the lock the run held, when it took one
 * @param lockReleased whether that lock was released (if not, {@code message} names it for force-unlock)
 * @param message     one sentence for the admin
 */
public record GcResult(Outcome outcome, List<Deleted> deleted, List<Skipped> skipped, List<String> restored,
                       Optional<String> lockId, boolean lockReleased, String message) {
    public GcResult {
        deleted = List.copyOf(deleted);
        skipped = List.copyOf(skipped);
        restored = List.copyOf(restored);
    }

    public enum Outcome {
        /** Every planned blob was handled (deleted or skipped with a reason). */
        COMPLETED,
        /** The plan had nothing to delete; no lock was taken. */
        NOTHING_TO_DELETE,
        /** The plan (or the state re-read under the lock) has a blocker; nothing was deleted. */
        REFUSED_BLOCKED,
        /** Another process holds the cluster lock; nothing was deleted. */
        REFUSED_LOCK_HELD,
        /** Stopped part-way (a storage failure, or the ledger changed under the lock); see the message. */
        ABORTED,
        /** Cancelled part-way; what was deleted so far is listed. */
        CANCELLED
    }

    /** @param conditional whether the server itself checked the ETag (DELETE If-Match) */
    public record Deleted(String key, long size, boolean conditional) {}

    public record Skipped(String key, String reason) {}

    public long bytesFreed() {
        return deleted.stream().filter(d -> !restored.contains(d.key())).mapToLong(Deleted::size).sum();
    }
}
