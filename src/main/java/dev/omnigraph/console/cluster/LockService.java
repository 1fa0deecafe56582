package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.ReleasedLockRecord;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ConditionalRead;
import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.time.Instant;
import java.util.Optional;

/**
 * The cluster state lock, exactly as upstream takes and releases it (spec §5, §10):
 * acquire = a fresh ULID in a five-field lock object written create-only; release = delete only
 * while the lock id is still ours; force-unlock = the same, for an id the admin typed.
 *
 * <p>Deletes are conditional where the server honours {@code DELETE If-Match} (the capability
 * probe proves it). Elsewhere (local folders, servers answering 501, servers that ignore the
 * header) release and force-unlock first <em>claim</em> the lock: an {@code If-Match} put replaces
 * exactly the lock that was read with a claim lock of our own (operation {@value #CLAIM_OPERATION});
 * only that claim is then re-read and deleted. While the claim stands nobody can acquire
 * (create-only fails) and a second claimant's If-Match fails, so a lock re-acquired after it was
 * read is never the one deleted. Residual window: a process that does not claim (upstream's
 * release: read, compare, plain delete) and read its old lock before our claim may delete the claim
 * after our re-read of it; a newcomer acquiring inside the one round trip before our delete would
 * then lose its lock. On local folders the If-Match put is itself a check-then-rename, atomic only
 * within one process. Measured figures: docs/reliability.md (Races).
 */
public final class LockService {
    /** The operation label of the claim lock a force-unlock writes before deleting. */
    public static final String CLAIM_OPERATION = "console-unlock";

    private final ObjectStore store;
    private final boolean conditionalDelete;

    /**
     * @param conditionalDelete whether the store's server proved it honours DELETE with If-Match
     *                          (see {@code CapabilityProbe.Report#supportsConditionalDelete})
     */
    public LockService(ObjectStore store, boolean conditionalDelete) {
        this.store = store;
        this.conditionalDelete = conditionalDelete;
    }

    /**
     * Whether a DELETE with If-Match can be trusted on {@code store} without probing it: only on AWS
     * S3 itself (no endpoint override), which documents conditional deletes. An S3-compatible server
     * may answer 501 (handled) or, worse, ignore the header and delete whatever is there; so anywhere
     * else, unless the capability probe proved it, locks are removed by claim-then-delete, which needs
     * only the If-Match put every OmniGraph root must support.
     */
    public static boolean conditionalDeleteTrustedWithoutProbe(ObjectStore store) {
        return store instanceof S3ObjectStore s3 && s3.settings().endpoint() == null;
    }

    /** What acquiring found. */
    public sealed interface Acquired {
        /** We hold it; keep {@code lock} to release it. */
        record Ours(LockFile lock) implements Acquired {}

        /** Someone else holds it (or an unreadable lock object blocks it). Nothing was written. */
        record HeldByOther(LockState holder) implements Acquired {}
    }

    /** What releasing or force-unlocking did. */
    public enum UnlockKind {
        /** The lock with the expected id was deleted. */
        REMOVED,
        /** There was no lock (any more). Nothing deleted. */
        ALREADY_GONE,
        /** The lock has another id than the one given. Nothing deleted. */
        ID_MISMATCH,
        /** Between reading and deleting, the lock was replaced by a new one. Nothing deleted. */
        REACQUIRED,
        /** The lock object cannot be parsed (invalid_state_lock / unsupported_state_lock_version). Nothing deleted. */
        INVALID_LOCK,
        /** The object is the post-v0.13 released record, not a lock v0.13 can remove. Nothing deleted. */
        RELEASED_RECORD,
        /** A v2 root's lock, and the admin did not confirm its owner is stopped. Nothing read or deleted. */
        OWNER_NOT_CONFIRMED
    }

    /**
     * @param conditional   true when the server itself checked the version (DELETE If-Match)
     * @param lockSeen      the lock that was found, when one was parsed
     * @param message       one sentence for the admin
     */
    public record UnlockOutcome(UnlockKind kind, boolean conditional, Optional<LockFile> lockSeen, String message) {
        public boolean removed() {
            return kind == UnlockKind.REMOVED;
        }
    }

    /** Takes the lock for {@code operation}. */
    public Acquired acquire(String operation) throws StorageException {
        LockFile lock = LockFile.create(operation, Instant.now(), ProcessHandle.current().pid());
        PutResult r = store.put(ClusterLayout.LOCK, lock.toBytes(), WriteCondition.IF_ABSENT);
        if (r instanceof PutResult.Written) {
            return new Acquired.Ours(lock);
        }
        LockState holder = ClusterReader.readLock(store);
        return new Acquired.HeldByOther(holder);
    }

    /** Releases a lock we took: deletes it only if its id is still ours. */
    public UnlockOutcome release(LockFile ours) throws StorageException {
        return unlock(ours.lockId());
    }

    /**
     * Force-unlock by exact id (upstream {@code cluster force-unlock <LOCK_ID>}): never a blind
     * delete. The outcome says whether the lock was removed, already gone, held under another id,
     * re-acquired in between, or unreadable; in every case but REMOVED nothing was deleted.
     */
    public UnlockOutcome forceUnlock(String lockId) throws StorageException {
        if (lockId == null || lockId.isBlank()) {
            throw new IllegalArgumentException("a lock id is required");
        }
        return unlock(lockId.trim());
    }

    private UnlockOutcome unlock(String lockId) throws StorageException {
        Optional<StoredObject> current = store.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        if (current.isEmpty()) {
            return new UnlockOutcome(UnlockKind.ALREADY_GONE, false, Optional.empty(),
                    "There is no lock at " + ClusterLayout.LOCK + " (state_lock_missing): nothing to remove.");
        }
        LockFile found;
        try {
            found = LockFile.parse(current.get().bytes());
        } catch (WireFormatException e) {
            Optional<ReleasedLockRecord> released = ReleasedLockRecord.detect(current.get().bytes());
            if (released.isPresent()) {
                return new UnlockOutcome(UnlockKind.RELEASED_RECORD, false, Optional.empty(),
                        "The lock object is " + released.get().describe() + ". Nothing was deleted.");
            }
            return new UnlockOutcome(UnlockKind.INVALID_LOCK, false, Optional.empty(),
                    "The lock object cannot be read (" + e.diagnostic().code() + "): " + e.getMessage()
                            + ". It was left in place; inspect it before removing it by hand.");
        }
        if (!found.lockId().equals(lockId)) {
            return new UnlockOutcome(UnlockKind.ID_MISMATCH, false, Optional.of(found),
                    "The lock is held under id " + found.lockId() + " (" + found.operation() + "), not " + lockId
                            + " (state_lock_id_mismatch): nothing was deleted.");
        }
        String token = current.get().token();
        if (conditionalDelete) {
            DeleteResult r = conditionalDeleteResolved(token);
            switch (r) {
                case DeleteResult.Deleted d -> {
                    return removed(found, d.conditional());
                }
                case DeleteResult.NotFound nf -> {
                    return gone(found);
                }
                case DeleteResult.PreconditionFailed pf -> {
                    return afterRace(lockId, found);
                }
                case DeleteResult.ConditionNotSupported ns -> {
                    // fall through to re-read and compare
                }
            }
        }
        return claimThenDelete(lockId, found, token);
    }

    /**
     * The previous no-conditional-delete algorithm (read, compare, re-read unchanged, plain delete),
     * kept only so the race tests can measure what claiming changed. Not used by the console.
     */
    UnlockOutcome rereadThenDelete(String lockId) throws StorageException {
        Optional<StoredObject> current = store.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        if (current.isEmpty()) {
            return gone(null);
        }
        LockFile found;
        try {
            found = LockFile.parse(current.get().bytes());
        } catch (WireFormatException e) {
            return new UnlockOutcome(UnlockKind.INVALID_LOCK, false, Optional.empty(), e.getMessage());
        }
        if (!found.lockId().equals(lockId)) {
            return new UnlockOutcome(UnlockKind.ID_MISMATCH, false, Optional.of(found), "id mismatch");
        }
        ConditionalRead again = store.readIfChanged(ClusterLayout.LOCK, current.get().token(), WireLimits.LOCK_MAX_BYTES);
        return switch (again) {
            case ConditionalRead.Absent a -> gone(found);
            case ConditionalRead.Changed c -> afterRace(lockId, found);
            case ConditionalRead.Unchanged u -> {
                DeleteResult d = store.deleteUnconditionally(ClusterLayout.LOCK);
                yield d instanceof DeleteResult.NotFound ? gone(found) : removed(found, false);
            }
        };
    }

    /**
     * Replaces exactly the lock read (If-Match on its token) with a claim lock of ours, then deletes
     * only that claim after re-reading it unchanged. A lock re-acquired after the read makes the
     * claim fail, and nothing is deleted.
     */
    private UnlockOutcome claimThenDelete(String lockId, LockFile found, String token) throws StorageException {
        LockFile claim = LockFile.create(CLAIM_OPERATION, Instant.now(), ProcessHandle.current().pid());
        PutResult claimed = store.put(ClusterLayout.LOCK, claim.toBytes(), WriteCondition.ifMatch(token));
        if (claimed instanceof PutResult.PreconditionFailed) {
            return afterRace(lockId, found);
        }
        String claimToken = ((PutResult.Written) claimed).token();
        ConditionalRead again = store.readIfChanged(ClusterLayout.LOCK, claimToken, WireLimits.LOCK_MAX_BYTES);
        return switch (again) {
            // our claim was removed by the old holder's own release: the lock it held is gone
            case ConditionalRead.Absent a -> removedAfterClaim(found);
            // someone removed our claim and acquired anew: theirs is left alone
            case ConditionalRead.Changed c -> afterRace(lockId, found);
            case ConditionalRead.Unchanged u -> deleteClaim(lockId, found, claimToken);
        };
    }

    /** How often a delete whose outcome is unknown (the connection broke) is resolved and re-tried. */
    private static final int DELETE_ATTEMPTS = 3;

    /**
     * DELETE If-Match; when the connection fails with the outcome unknown, re-read: gone means our
     * delete (or the holder's release) took it, the same token means nothing happened and the
     * conditional delete is sent again, anything else is a newer lock and is reported as a lost race.
     */
    private DeleteResult conditionalDeleteResolved(String token) throws StorageException {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.deleteIfMatch(ClusterLayout.LOCK, token);
            } catch (StorageException e) {
                if (attempt >= DELETE_ATTEMPTS || !unknownOrTransient(e)) {
                    throw e;
                }
                ConditionalRead now = store.readIfChanged(ClusterLayout.LOCK, token, WireLimits.LOCK_MAX_BYTES);
                if (now instanceof ConditionalRead.Absent) {
                    return new DeleteResult.Deleted(true);
                }
                if (now instanceof ConditionalRead.Changed) {
                    return new DeleteResult.PreconditionFailed();
                }
            }
        }
    }

    /**
     * Deletes our claim (a plain DELETE: the server offers nothing better). Never re-sent blindly: after
     * a failed attempt the claim is re-read, and only a claim still unchanged is deleted again.
     */
    private UnlockOutcome deleteClaim(String lockId, LockFile found, String claimToken) throws StorageException {
        for (int attempt = 1; ; attempt++) {
            try {
                store.deleteUnconditionally(ClusterLayout.LOCK);
                return removedAfterClaim(found);
            } catch (StorageException e) {
                if (attempt >= DELETE_ATTEMPTS || !unknownOrTransient(e)) {
                    throw e;
                }
                ConditionalRead now = store.readIfChanged(ClusterLayout.LOCK, claimToken, WireLimits.LOCK_MAX_BYTES);
                if (now instanceof ConditionalRead.Absent) {
                    return removedAfterClaim(found);
                }
                if (now instanceof ConditionalRead.Changed) {
                    return afterRace(lockId, found);
                }
            }
        }
    }

    private static boolean unknownOrTransient(StorageException e) {
        return e.kind() == StorageException.Kind.OUTCOME_UNKNOWN || e.kind().transientFailure()
                || e.kind() == StorageException.Kind.UNREACHABLE;
    }

    private static UnlockOutcome removedAfterClaim(LockFile found) {
        return new UnlockOutcome(UnlockKind.REMOVED, false, Optional.of(found),
                "Removed lock " + found.lockId() + " (" + found.operation() + ") by claiming it (If-Match) and deleting the claim.");
    }

    private UnlockOutcome afterRace(String lockId, LockFile found) throws StorageException {
        LockState now = ClusterReader.readLock(store);
        if (now instanceof LockState.Free) {
            return gone(found);
        }
        String holder = now instanceof LockState.Held h ? h.lock().lockId() + " (" + h.lock().operation() + ")" : "an unreadable lock";
        return new UnlockOutcome(UnlockKind.REACQUIRED, false, Optional.of(found),
                "The lock " + lockId + " was replaced by " + holder + " while unlocking: nothing was deleted.");
    }

    private static UnlockOutcome removed(LockFile found, boolean conditional) {
        return new UnlockOutcome(UnlockKind.REMOVED, conditional, Optional.of(found),
                "Removed lock " + found.lockId() + " (" + found.operation() + ")"
                        + (conditional ? " with a conditional delete." : " after re-reading it unchanged."));
    }

    private static UnlockOutcome gone(LockFile found) {
        return new UnlockOutcome(UnlockKind.ALREADY_GONE, false, Optional.ofNullable(found),
                "The lock was already gone: nothing was deleted.");
    }
}
