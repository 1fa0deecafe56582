package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.time.Instant;
import java.util.Optional;

/**
 * The source cluster's state lock, held for the whole migration with operation
 * {@value #OPERATION} (upstream's five-field lock, create-only, spec §5). A lock found at the
 * source is taken over only by its exact id, and only where {@link LockAdvice} allows it: a lock
 * of an interrupted migration is resumed as it is; a {@code serve} lock (or another writer's),
 * once the admin confirmed every writer is stopped, is replaced by ours with an If-Match put over
 * exactly the bytes read — never deleted — and put back exactly (If-Match over ours) when the
 * migration does not cut over. At the end the lock is released, or on a v0.13 source
 * replaced (If-Match) by a {@value LockAdvice#MIGRATED} lock that keeps every server and
 * deployment off the old root. When a release is impossible the error names the force-unlock
 * command.
 */
final class SourceLock {
    static final String OPERATION = "migrate-storage";

    private final ObjectStore store;
    private final Endpoint endpoint;
    private LockFile held;
    /** The exact bytes of the lock we took over (another tool's), put back if the migration does not cut over. */
    private byte[] replacedBytes;

    SourceLock(ObjectStore store, Endpoint endpoint) {
        this.store = store;
        this.endpoint = endpoint;
    }

    /** What happened when we tried to take the lock. */
    sealed interface Outcome {
        /** @param replaced the lock we took over (its operation and id), when it was another tool's */
        record Taken(LockFile lock, boolean takenOver, Optional<LockFile> replaced) implements Outcome {
            Taken(LockFile lock, boolean takenOver) {
                this(lock, takenOver, Optional.empty());
            }
        }

        record Refused(String reason) implements Outcome {}
    }

    Outcome acquire(Optional<String> takeOverId) throws StorageException {
        return acquire(takeOverId, false);
    }

    /** @param writersStopped the admin confirmed every server, apply and graph writer of this cluster is stopped */
    Outcome acquire(Optional<String> takeOverId, boolean writersStopped) throws StorageException {
        if (takeOverId.isPresent()) {
            return takeOver(takeOverId.get().trim(), writersStopped);
        }
        LockService.Acquired acquired = service().acquire(OPERATION);
        if (acquired instanceof LockService.Acquired.Ours ours) {
            held = ours.lock();
            return new Outcome.Taken(held, false);
        }
        return new Outcome.Refused(describeHolder(((LockService.Acquired.HeldByOther) acquired).holder()));
    }

    private Outcome takeOver(String id, boolean writersStopped) throws StorageException {
        LockState state = ClusterReader.readLock(store);
        if (!(state instanceof LockState.Held h) || !h.lock().lockId().equals(id)) {
            String found = switch (state) {
                case LockState.Free f -> "there is no lock";
                case LockState.Held h -> "the lock is " + h.lock().lockId() + " (" + h.lock().operation() + ")";
                case LockState.Unreadable u -> "the lock object cannot be read (" + u.diagnostic().code() + ")";
            };
            return new Outcome.Refused("cannot take over lock " + id + ": " + found + "; a lock is taken over only by its exact id");
        }
        LockFile found = h.lock();
        if (found.operation().equals(OPERATION)) {
            held = found;
            return new Outcome.Taken(held, true);
        }
        if (!LockAdvice.mayTakeOver(found.operation())) {
            return new Outcome.Refused(LockAdvice.holder(found, h.ageSeconds()) + ": it cannot be taken over; "
                    + LockAdvice.nextStep(found, endpoint.display(), forceUnlockCommand(found.lockId())));
        }
        if (!writersStopped) {
            return new Outcome.Refused(LockAdvice.holder(found, h.ageSeconds()) + ": confirm that every server, apply and graph writer "
                    + "of this cluster is stopped (--writers-stopped) before it is taken over");
        }
        return replace(found, id);
    }

    /** If-Match put of our lock over exactly the bytes (and token) of the lock read; its bytes are kept to put back. */
    private Outcome replace(LockFile found, String id) throws StorageException {
        Optional<StoredObject> read = store.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        if (read.isEmpty() || !sameLock(read.get().bytes(), found)) {
            return new Outcome.Refused("lock " + id + " changed while it was being taken over: nothing was replaced; look at the cluster again");
        }
        LockFile ours = LockFile.create(OPERATION, Instant.now(), ProcessHandle.current().pid());
        PutResult put = store.put(ClusterLayout.LOCK, ours.toBytes(), WriteCondition.ifMatch(read.get().token()));
        if (!(put instanceof PutResult.Written)) {
            return new Outcome.Refused("lock " + id + " changed while it was being taken over (someone else took or removed it): "
                    + "nothing was replaced; look at the cluster again");
        }
        held = ours;
        replacedBytes = read.get().bytes();
        return new Outcome.Taken(ours, true, Optional.of(found));
    }

    private static boolean sameLock(byte[] bytes, LockFile expected) {
        try {
            return LockFile.parse(bytes).equals(expected);
        } catch (WireFormatException e) {
            return false;
        }
    }

    private String describeHolder(LockState holder) {
        return switch (holder) {
            case LockState.Held h -> LockAdvice.holder(h.lock(), h.ageSeconds()) + "; "
                    + LockAdvice.nextStep(h.lock(), endpoint.display(), forceUnlockCommand(h.lock().lockId()));
            case LockState.Unreadable u -> "an unreadable lock object blocks the cluster (" + u.diagnostic().code() + "): inspect "
                    + ClusterLayout.LOCK + " before removing it by hand";
            case LockState.Free f -> "the lock was released while we tried to take it: run the migration again";
        };
    }

    Optional<LockFile> held() {
        return Optional.ofNullable(held);
    }

    /** Whether the lock at the source is still exactly ours. */
    boolean stillOurs() throws StorageException {
        if (held == null) {
            return false;
        }
        return ClusterReader.readLock(store) instanceof LockState.Held h && h.lock().lockId().equals(held.lockId());
    }

    /**
     * Replaces our lock, exactly (If-Match on the bytes read), by a {@value LockAdvice#MIGRATED}
     * lock: the old root stays locked so nothing starts on it. Never throws: a failure comes back
     * as a sentence.
     */
    MigratedLock leaveMigrated() {
        LockFile ours = held;
        if (ours == null) {
            return MigratedLock.failed("the source lock was not ours any more, so the source is not locked as " + LockAdvice.MIGRATED
                    + ": make sure no server or deployment starts on it");
        }
        try {
            if (!(ClusterReader.readLock(store) instanceof LockState.Held h) || !h.lock().equals(ours)) {
                held = null;
                return MigratedLock.failed("the source lock " + ours.lockId() + " was removed or replaced, so the source is not locked as "
                        + LockAdvice.MIGRATED + ": make sure no server or deployment starts on it");
            }
            LockFile migrated = LockFile.create(LockAdvice.MIGRATED, Instant.now(), ProcessHandle.current().pid());
            PutResult put = store.put(ClusterLayout.LOCK, migrated.toBytes(), WriteCondition.ifMatch(h.token()));
            if (!(put instanceof PutResult.Written)) {
                return MigratedLock.failed("the source lock " + ours.lockId() + " changed at the last moment, so the source is not locked as "
                        + LockAdvice.MIGRATED + ": look at it before anything starts there");
            }
            held = null;
            return new MigratedLock(Optional.of(migrated), forceUnlockCommand(migrated.lockId()) + " (or: omnigraph --cluster "
                    + endpoint.display() + " cluster force-unlock '" + migrated.lockId() + "')", Optional.empty());
        } catch (StorageException e) {
            return MigratedLock.failed("the source could not be locked as " + LockAdvice.MIGRATED + " (" + e.describe() + "); lock "
                    + ours.lockId() + " (" + OPERATION + ") still holds it; remove it only to roll back: " + forceUnlockCommand(ours.lockId()));
        }
    }

    /**
     * Releases the lock if we hold it. Never throws: a failure comes back as a sentence naming the
     * force-unlock command.
     */
    Optional<String> release() {
        if (held == null) {
            return Optional.empty();
        }
        LockFile lock = held;
        try {
            if (replacedBytes != null) {
                return putBack(lock);
            }
            LockService.UnlockOutcome outcome = service().release(lock);
            held = null;
            return switch (outcome.kind()) {
                case REMOVED, ALREADY_GONE -> Optional.empty();
                default -> Optional.of("the source lock " + lock.lockId() + " was not released: " + outcome.message());
            };
        } catch (StorageException e) {
            return Optional.of("the source lock " + lock.lockId() + " could not be released (" + e.describe()
                    + "); remove it with: " + forceUnlockCommand(lock.lockId()));
        } catch (RuntimeException e) {
            return Optional.of("the source lock " + lock.lockId() + " could not be released (" + e.getMessage()
                    + "); remove it with: " + forceUnlockCommand(lock.lockId()));
        }
    }

    /** Puts back, If-Match over our own lock, exactly the lock we took over: the source is left as it was. */
    private Optional<String> putBack(LockFile ours) throws StorageException {
        Optional<StoredObject> now = store.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        held = null;
        if (now.isEmpty() || !sameLock(now.get().bytes(), ours)) {
            return Optional.of("the source lock " + ours.lockId() + " was removed or replaced meanwhile, so the lock it took over was not put back");
        }
        PutResult put = store.put(ClusterLayout.LOCK, replacedBytes, WriteCondition.ifMatch(now.get().token()));
        if (put instanceof PutResult.Written) {
            replacedBytes = null;
            return Optional.empty();
        }
        return Optional.of("the source lock " + ours.lockId() + " changed at the last moment, so the lock it took over was not put back");
    }

    String forceUnlockCommand(String lockId) {
        return "omnigraph-console force-unlock " + lockId + " --root " + endpoint.display();
    }

    private LockService service() {
        // AWS S3: DELETE If-Match (a 501 falls back to claim-then-delete); elsewhere claim-then-delete
        return new LockService(store, LockService.conditionalDeleteTrustedWithoutProbe(store));
    }
}
