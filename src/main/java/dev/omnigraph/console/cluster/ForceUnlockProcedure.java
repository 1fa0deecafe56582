package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import dev.omnigraph.console.cluster.model.ReleasedLockRecord;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.util.Optional;

/**
 * Force-unlock as OmniGraph v0.13 documents it (spec §5.4), shared by the window and the CLI:
 * {@link #preview} says what the lock means on this root (operation, generation, outstanding
 * deployment, what breaks if its owner is alive); {@link #run} refuses on a v2 root until the admin
 * confirms the owner is stopped, never touches a post-v0.13 released record, then applies the exact-id
 * rule and the conditional delete / claim-then-delete of {@link LockService}, and says what to do
 * next (reconcile the outstanding deployment, or start the server). v1 roots keep today's behaviour:
 * no owner confirmation is asked.
 */
public final class ForceUnlockProcedure {

    private ForceUnlockProcedure() {
    }

    /**
     * What the lock means before anything is deleted.
     *
     * @param lock                      the held lock, when it parses
     * @param released                  the post-v0.13 released record, when that is what the object is
     * @param generation                the ledger's generation, when readable
     * @param outstanding               the outstanding deployment, if any
     * @param meaning                   the lock's meaning here, when a lock is held
     * @param ownerConfirmationRequired true on v2 roots and when the ledger cannot be read
     */
    public record Preview(Optional<LockFile> lock, Optional<ReleasedLockRecord> released, Optional<LedgerGeneration> generation,
            Optional<OutstandingDeployment> outstanding, Optional<LockOperation.Meaning> meaning,
            boolean ownerConfirmationRequired) {

        /** The sentence a dialog or the CLI shows before asking for confirmation. */
        public String explanation() {
            if (released.isPresent()) {
                return "The lock object is " + released.get().describe() + ".";
            }
            return meaning.map(m -> "Lock " + lock.orElseThrow().lockId() + " — " + m.summary() + ". If its owner is still "
                    + "running, force-unlocking breaks it: " + m.unlockBreaks() + ". " + m.ageNote()).orElse("No lock is held.");
        }
    }

    /**
     * What force-unlock did and what to do next.
     *
     * @param nextStep empty unless the lock was removed
     */
    public record Report(LockService.UnlockOutcome outcome, Preview preview, String nextStep) {
    }

    /** Reads the ledger and the lock; writes nothing. */
    public static Preview preview(ObjectStore store) throws StorageException {
        LedgerState ledger = ClusterReader.readLedger(store);
        LockState lock = ClusterReader.readLock(store);
        Optional<LedgerGeneration> generation = ledger instanceof LedgerState.Present p
                ? Optional.of(p.ledger().generation()) : Optional.empty();
        Optional<OutstandingDeployment> outstanding = ledger instanceof LedgerState.Present p
                ? p.ledger().outstanding() : Optional.empty();
        boolean confirm = ledger instanceof LedgerState.Unreadable || generation.map(LedgerGeneration::isV2).orElse(false);
        Optional<LockFile> held = lock instanceof LockState.Held h ? Optional.of(h.lock()) : Optional.empty();
        Optional<ReleasedLockRecord> released = lock instanceof LockState.Unreadable u ? u.released() : Optional.empty();
        Optional<LedgerGeneration> forMeaning = ledger instanceof LedgerState.Missing ? Optional.of(LedgerGeneration.V1) : generation;
        Optional<LockOperation.Meaning> meaning = lock instanceof LockState.Held h
                ? Optional.of(LockOperation.of(h.lock().operation()).meaning(forMeaning, outstanding, h.ageSeconds(), Long.MAX_VALUE))
                : Optional.empty();
        return new Preview(held, released, generation, outstanding, meaning, confirm);
    }

    /**
     * Runs the procedure.
     *
     * @param ownerStopped the admin confirmed the owning process is stopped and its I/O settled
     */
    public static Report run(ObjectStore store, LockService locks, String lockId, boolean ownerStopped) throws StorageException {
        Preview preview = preview(store);
        if (preview.released().isPresent()) {
            return new Report(new LockService.UnlockOutcome(LockService.UnlockKind.RELEASED_RECORD, false, Optional.empty(),
                    preview.explanation() + " Nothing was deleted."), preview, "");
        }
        if (preview.ownerConfirmationRequired() && !ownerStopped) {
            return new Report(new LockService.UnlockOutcome(LockService.UnlockKind.OWNER_NOT_CONFIRMED, false, preview.lock(),
                    preview.explanation() + " Stop the owning process first, make sure its work has settled, then confirm "
                            + "that the owner is stopped. Nothing was deleted."), preview, "");
        }
        LockService.UnlockOutcome outcome = locks.forceUnlock(lockId);
        String next = !outcome.removed() ? "" : preview.outstanding().map(o -> "Next: reconcile deployment " + o.id()
                + " with `" + o.reconcileCommand() + "` (never resubmit it under a new id).")
                .orElseGet(() -> preview.meaning().map(m -> "Next: " + m.nextStep() + ".").orElse(""));
        return new Report(outcome, preview, next);
    }
}
