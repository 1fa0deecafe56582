package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster lock while a restore point is taken (operation {@value #OPERATION}). An unlocked root
 * is locked create-only and released after. A root holding a lock left by stopped writers (v0.13:
 * a {@code serve} lock) is taken over only by that lock's exact id, with an If-Match put of our
 * lock over exactly the version read (never a delete), and the original bytes are put back over
 * ours (If-Match again) when the point is done, so the cluster is left as it was. The original
 * bytes are first saved in the point's session record, so a killed backup can still put them back.
 */
final class BackupLock {
    static final String OPERATION = "backup";
    /** Locks a stopped writer leaves behind (v0.13 keeps them after a clean stop), and our own. */
    static final Set<String> TAKE_OVER = Set.of("serve", "graph_operation", OPERATION);
    /** Locks guarding control-plane work that must be settled, not taken over (spec §5.2, §5.4). */
    static final Set<String> SETTLE_FIRST = Set.of("deployment", "deployment_reconcile", "upgrade_ledger", "bootstrap");

    private final ObjectStore root;
    private final String rootDisplay;
    private final LockFile ours;
    private final String token;
    private final PointSession session;

    private BackupLock(ObjectStore root, String rootDisplay, LockFile ours, String token, PointSession session) {
        this.root = root;
        this.rootDisplay = rootDisplay;
        this.ours = ours;
        this.token = token;
        this.session = session;
    }

    /** Taken (with the point it belongs to) or refused (nothing written at the root). */
    sealed interface Outcome {
        record Taken(BackupLock lock, boolean resumed) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    static Outcome take(ObjectStore root, ObjectStore location, Optional<String> takeOverId, Instant now) throws StorageException {
        String display = root.uri().display();
        Optional<StoredObject> raw;
        try {
            raw = root.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.TOO_LARGE) {
                throw e;
            }
            return new Outcome.Refused("the lock object " + ClusterLayout.LOCK + " is oversized (state_lock_read_error): inspect it");
        }
        if (raw.isEmpty()) {
            if (takeOverId.isPresent()) {
                return new Outcome.Refused("there is no lock at " + display + " to take over: run again without --take-over-lock");
            }
            return acquireFree(root, location, display, now);
        }
        LockFile held;
        try {
            held = LockFile.parse(raw.get().bytes());
        } catch (WireFormatException e) {
            return new Outcome.Refused("the lock object cannot be read (" + e.diagnostic().code() + "): inspect " + ClusterLayout.LOCK
                    + " before removing it by hand");
        }
        return takeHeld(root, location, display, raw.get(), held, takeOverId, now);
    }

    private static Outcome acquireFree(ObjectStore root, ObjectStore location, String display, Instant now) throws StorageException {
        LockFile lock = LockFile.create(OPERATION, now, ProcessHandle.current().pid());
        PointSession session = new PointSession(RestorePointId.generate(now), display, lock.lockId(), Optional.empty(), now);
        writeSession(location, session);
        PutResult r = root.put(ClusterLayout.LOCK, lock.toBytes(), WriteCondition.IF_ABSENT);
        if (r instanceof PutResult.Written w) {
            return new Outcome.Taken(new BackupLock(root, display, lock, w.token(), session), false);
        }
        return new Outcome.Refused("another process locked " + display + " while the backup started: run it again once it is done");
    }

    private static Outcome takeHeld(ObjectStore root, ObjectStore location, String display, StoredObject raw, LockFile held,
                                    Optional<String> takeOverId, Instant now) throws StorageException {
        String op = held.operation();
        if (SETTLE_FIRST.contains(op)) {
            return new Outcome.Refused(LockAdvice.settleFirst(display, held));
        }
        if (takeOverId.isEmpty()) {
            return new Outcome.Refused(LockAdvice.heldWithoutTakeOver(display, held, TAKE_OVER.contains(op)));
        }
        if (!held.lockId().equals(takeOverId.get().trim())) {
            return new Outcome.Refused("the lock is held under id " + held.lockId() + " (" + op + "), not " + takeOverId.get().trim()
                    + " (state_lock_id_mismatch): nothing was written");
        }
        if (op.equals(OPERATION)) {
            Optional<PointSession> session = BackupCatalog.sessionHolding(location, held.lockId());
            if (session.isEmpty()) {
                return new Outcome.Refused("lock " + held.lockId() + " was left by a backup into another location (no unfinished point here "
                        + "holds it): resume that backup with its own --to, so that the lock it took over is put back");
            }
            return new Outcome.Taken(new BackupLock(root, display, held, raw.token(), session.get()), true);
        }
        if (!TAKE_OVER.contains(op)) {
            return new Outcome.Refused(LockAdvice.notTakenOver(display, held));
        }
        LockFile lock = LockFile.create(OPERATION, now, ProcessHandle.current().pid());
        String original = new String(raw.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        PointSession session = new PointSession(RestorePointId.generate(now), display, lock.lockId(), Optional.of(original), now);
        writeSession(location, session);
        PutResult r = root.put(ClusterLayout.LOCK, lock.toBytes(), WriteCondition.ifMatch(raw.token()));
        if (r instanceof PutResult.Written w) {
            return new Outcome.Taken(new BackupLock(root, display, lock, w.token(), session), false);
        }
        return new Outcome.Refused("lock " + held.lockId() + " changed while it was being taken over: nothing was written; check who holds "
                + display + " now");
    }

    private static void writeSession(ObjectStore location, PointSession session) throws StorageException {
        PutResult r = location.put(BackupLayout.sessionKey(session.pointId()), session.toBytes(), WriteCondition.IF_ABSENT);
        if (!r.written()) {
            throw new StorageException(StorageException.Kind.IO, BackupLayout.sessionKey(session.pointId()),
                    "A restore point with the id " + session.pointId() + " already exists; run the backup again");
        }
    }

    PointSession session() {
        return session;
    }

    LockFile ours() {
        return ours;
    }

    /** Whether the lock at the root is still exactly ours. */
    boolean stillOurs() throws StorageException {
        Optional<StoredObject> now = root.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        return now.isPresent() && Arrays.equals(now.get().bytes(), ours.toBytes());
    }

    /**
     * Puts the root back as it was: the original lock's exact bytes over ours (If-Match on ours), or
     * our lock released when there was none. Never throws; a problem comes back as a sentence.
     */
    Optional<String> putBack() {
        try {
            if (session.originalLock().isEmpty()) {
                LockService.UnlockOutcome out = new LockService(root, LockService.conditionalDeleteTrustedWithoutProbe(root)).release(ours);
                return out.removed() || out.kind() == LockService.UnlockKind.ALREADY_GONE ? Optional.empty()
                        : Optional.of("our lock " + ours.lockId() + " was not released: " + out.message());
            }
            byte[] original = session.originalLockBytes().orElseThrow();
            PutResult r = root.put(ClusterLayout.LOCK, original, WriteCondition.ifMatch(token));
            if (r.written()) {
                return Optional.empty();
            }
            Optional<StoredObject> now = root.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
            if (now.isPresent() && Arrays.equals(now.get().bytes(), original)) {
                return Optional.empty();
            }
            if (now.isEmpty() && root.put(ClusterLayout.LOCK, original, WriteCondition.IF_ABSENT).written()) {
                return Optional.empty();
            }
            return Optional.of("our lock " + ours.lockId() + " was replaced while the backup ran, so the original lock was not put back; "
                    + "its exact bytes are in " + BackupLayout.sessionKey(session.pointId()));
        } catch (StorageException | RuntimeException e) {
            return Optional.of("the lock could not be put back (" + e.getMessage() + "); resume with --take-over-lock " + ours.lockId()
                    + " to finish, or see " + BackupLayout.sessionKey(session.pointId()) + " for the original lock at " + rootDisplay);
        }
    }
}
