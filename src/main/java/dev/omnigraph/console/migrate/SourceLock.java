package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.util.Optional;

/**
 * The source cluster's state lock, held for the whole migration with operation
 * {@value #OPERATION} (upstream's five-field lock, create-only, spec §5). Released at the end, on
 * cancel and on failure; when that is impossible the error names the exact force-unlock command.
 * A lock left behind by an interrupted migration (the process was killed) can be taken over by
 * its exact id, the same safety rule as force-unlock.
 */
final class SourceLock {
    static final String OPERATION = "migrate-storage";

    private final ObjectStore store;
    private final Endpoint endpoint;
    private LockFile held;

    SourceLock(ObjectStore store, Endpoint endpoint) {
        this.store = store;
        this.endpoint = endpoint;
    }

    /** What happened when we tried to take the lock. */
    sealed interface Outcome {
        record Taken(LockFile lock, boolean takenOver) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    Outcome acquire(Optional<String> takeOverId) throws StorageException {
        if (takeOverId.isPresent()) {
            LockState state = ClusterReader.readLock(store);
            if (state instanceof LockState.Held h && h.lock().lockId().equals(takeOverId.get().trim())
                    && h.lock().operation().equals(OPERATION)) {
                held = h.lock();
                return new Outcome.Taken(held, true);
            }
            String found = switch (state) {
                case LockState.Free f -> "there is no lock";
                case LockState.Held h -> "the lock is " + h.lock().lockId() + " (" + h.lock().operation() + ")";
                case LockState.Unreadable u -> "the lock object cannot be read (" + u.diagnostic().code() + ")";
            };
            return new Outcome.Refused("cannot take over lock " + takeOverId.get().trim() + ": " + found
                    + "; only a lock left by an interrupted " + OPERATION + " can be taken over, by its exact id");
        }
        LockService.Acquired acquired = service().acquire(OPERATION);
        if (acquired instanceof LockService.Acquired.Ours ours) {
            held = ours.lock();
            return new Outcome.Taken(held, false);
        }
        LockState holder = ((LockService.Acquired.HeldByOther) acquired).holder();
        return new Outcome.Refused(describeHolder(holder));
    }

    private String describeHolder(LockState holder) {
        return switch (holder) {
            case LockState.Held h -> {
                String age = h.ageSeconds().isPresent() ? ", taken " + dev.omnigraph.console.common.Format.duration(h.ageSeconds().getAsLong()) + " ago" : "";
                String hint = h.lock().operation().equals(OPERATION)
                        ? "; if that migration was interrupted, resume it with --take-over-lock " + h.lock().lockId()
                        : "; if its process is gone, remove it with: " + forceUnlockCommand(h.lock().lockId());
                yield "the cluster is locked by " + h.lock().operation() + " (lock " + h.lock().lockId() + ", pid " + h.lock().pid()
                        + age + ")" + hint;
            }
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
     * Releases the lock if we hold it. Never throws: a failure comes back as a sentence naming the
     * force-unlock command.
     */
    Optional<String> release() {
        if (held == null) {
            return Optional.empty();
        }
        LockFile lock = held;
        try {
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

    String forceUnlockCommand(String lockId) {
        return "omnigraph-console force-unlock " + lockId + " --root " + endpoint.display();
    }

    private LockService service() {
        // AWS S3: DELETE If-Match (a 501 falls back to claim-then-delete); elsewhere claim-then-delete
        return new LockService(store, LockService.conditionalDeleteTrustedWithoutProbe(store));
    }
}
