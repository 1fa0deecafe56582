package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.LockOperation;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a migration may do with a lock it finds at the source, and the exact command that
 * settles one it must not take over (spec §5.2-§5.4, §8.3). The meaning of each label comes from
 * the model ({@link LockOperation}); this class adds the migration's rules:
 * <ul>
 *   <li>{@code serve} and {@code graph_operation} (held for their owner's life, and in v0.13 left
 *       by a cleanly stopped server) may be taken over by their exact id once the admin confirmed
 *       every server, apply and graph writer is stopped;</li>
 *   <li>{@code deployment}, {@code deployment_reconcile}, {@code upgrade_ledger}, {@code bootstrap}
 *       guard ledger work that must be settled at the source first: refused with the command;</li>
 *   <li>{@value #MIGRATED} marks a root whose cluster was moved away: refused with the undo;</li>
 *   <li>anything else (a v1 tool's label, another console operation, an unknown label) is refused
 *       with the force-unlock command, as for v1 roots before.</li>
 * </ul>
 */
final class LockAdvice {
    /** The operation of the lock a migration leaves on a v0.13 source after cutover. */
    static final String MIGRATED = "migrated";

    private LockAdvice() {}

    /** Whether a lock with this operation may be taken over by its exact id (writers confirmed stopped). */
    static boolean mayTakeOver(String operation) {
        LockOperation op = LockOperation.of(operation);
        return op == LockOperation.SERVE || op == LockOperation.GRAPH_OPERATION;
    }

    /** Who holds it and what it means, one sentence. */
    static String holder(LockFile lock, OptionalLong ageSeconds) {
        String age = ageSeconds.isPresent() ? ", taken " + dev.omnigraph.console.common.Format.duration(ageSeconds.getAsLong()) + " ago" : "";
        String meaning = lock.operation().equals(MIGRATED) ? "left by a storage migration: the cluster was moved to another root"
                : LockOperation.of(lock.operation()).meaning(Optional.empty(), Optional.empty(), ageSeconds, Long.MAX_VALUE).summary();
        return "the cluster is locked by " + lock.operation() + " (lock " + lock.lockId() + ", pid " + lock.pid() + age + "; " + meaning + ")";
    }

    /** What to do about a lock this migration found and may not (yet) take: the next step, with the exact command. */
    static String nextStep(LockFile lock, String root, String consoleForceUnlock) {
        String id = lock.lockId();
        String forceUnlock = "omnigraph --cluster " + root + " cluster force-unlock '" + id + "'";
        LockOperation op = LockOperation.of(lock.operation());
        if (lock.operation().equals(MIGRATED)) {
            return "this root's cluster was migrated elsewhere (see that migration's report); to use this root again (a rollback), "
                    + "remove the lock by its exact id: " + consoleForceUnlock;
        }
        if (lock.operation().equals(SourceLock.OPERATION)) {
            return "if that migration was interrupted, resume it with --take-over-lock " + id;
        }
        if (mayTakeOver(lock.operation())) {
            return "confirm that every server, apply and graph writer of this cluster is stopped, then take the lock over by its exact "
                    + "id: --take-over-lock " + id + " --writers-stopped";
        }
        return switch (op) {
            case DEPLOYMENT, DEPLOYMENT_RECONCILE -> "settle the deployment at the source first: when its process has ended, "
                    + forceUnlock + ", then reconcile any outstanding deployment with omnigraph --cluster " + root
                    + " cluster apply --deployment-id <ID> --writers-stopped (never resubmit it under a new id)";
            case UPGRADE_LEDGER -> "let the ledger upgrade finish; if its process has ended, " + forceUnlock + " and run omnigraph --cluster "
                    + root + " cluster upgrade-ledger --writers-stopped again";
            case BOOTSTRAP, BOOTSTRAP_SERVING -> "let the first deployment finish; if its process has ended, " + forceUnlock
                    + " and run the first cluster apply again";
            default -> "find its owner; if its process is gone, remove it with: " + consoleForceUnlock;
        };
    }
}
