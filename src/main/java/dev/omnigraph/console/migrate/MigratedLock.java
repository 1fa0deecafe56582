package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.model.LockFile;
import java.util.Optional;

/**
 * The lock a migration leaves on a v0.13 source after cutover ({@value LockAdvice#MIGRATED}):
 * any lock stops a server or a deployment from starting on the old root.
 *
 * @param lock    the lock written, when it was
 * @param undo    the exact command that removes it, for a rollback
 * @param problem why the source could not be left locked, when it could not
 */
public record MigratedLock(Optional<LockFile> lock, String undo, Optional<String> problem) {
    static MigratedLock failed(String problem) {
        return new MigratedLock(Optional.empty(), null, Optional.of(problem));
    }

    public Optional<String> lockId() {
        return lock.map(LockFile::lockId);
    }

    /** One sentence for the admin. */
    public String describe() {
        return lock.map(l -> "the source is left locked as " + LockAdvice.MIGRATED + " (lock " + l.lockId() + "), so no server or "
                + "deployment starts on the old root; to roll back, remove that lock by its exact id: " + undo)
                .orElseGet(() -> problem.orElse(""));
    }
}
