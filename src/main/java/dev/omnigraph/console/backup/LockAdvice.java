package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.model.LockFile;
import java.time.Instant;

/** What to tell an admin about a lock that stops a backup or a restore, with the exact commands (spec §5.4). */
final class LockAdvice {
    private LockAdvice() {}

    static String holder(LockFile lock) {
        String age = lock.age(Instant.now()).isPresent()
                ? ", taken " + dev.omnigraph.console.common.Format.duration(lock.age(Instant.now()).getAsLong()) + " ago" : "";
        dev.omnigraph.console.cluster.model.LockOperation op = dev.omnigraph.console.cluster.model.LockOperation.of(lock.operation());
        String who = op == dev.omnigraph.console.cluster.model.LockOperation.UNKNOWN ? "" : ", taken by " + op.takenBy();
        return "lock " + lock.lockId() + " (" + lock.operation() + ", pid " + lock.pid() + age + who + ")";
    }

    static String settleFirst(String root, LockFile lock) {
        String settle = switch (lock.operation()) {
            case "upgrade_ledger" -> "let 'omnigraph --cluster " + root + " cluster upgrade-ledger --writers-stopped' finish (re-run it if its "
                    + "process is gone)";
            case "bootstrap" -> "let the first 'cluster apply' finish";
            default -> "settle the deployment: if the ledger has an outstanding deployment, stop every writer and run 'omnigraph --cluster "
                    + root + " cluster apply --deployment-id <ID> --writers-stopped'";
        };
        return "the cluster is held by " + holder(lock) + ", which guards control-plane work a restore point must not capture half-done: "
                + settle + "; once its process has stopped, 'omnigraph --cluster " + root + " cluster force-unlock " + lock.lockId()
                + "', then run the backup again";
    }

    static String heldWithoutTakeOver(String root, LockFile lock, boolean takeable) {
        if (!takeable) {
            return notTakenOver(root, lock);
        }
        return "the cluster is held by " + holder(lock) + ". If every server, apply and graph writer of this cluster is stopped, take it "
                + "over by its exact id with --take-over-lock " + lock.lockId() + " (with --writers-stopped); it is put back when the "
                + "restore point is done";
    }

    static String notTakenOver(String root, LockFile lock) {
        return "the cluster is held by " + holder(lock) + ", which a backup does not take over; if its process is gone, remove it with "
                + "'omnigraph-console force-unlock " + lock.lockId() + " --root " + root + "' and run the backup again";
    }

    static String outstanding(String root, String deploymentId) {
        return "the ledger has an outstanding deployment " + deploymentId + ": its bundle and graph intents name this root's absolute "
                + "location, and a point taken now would capture it half-done; settle it first with 'omnigraph --cluster " + root
                + " cluster apply --deployment-id " + deploymentId + " --writers-stopped'";
    }
}
