package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.ReleasedLockRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code __cluster/lock.json} as found: free, held, or present but unreadable. */
public sealed interface LockState {
    record Free() implements LockState {}

    /** @param ageSeconds whole seconds since {@code created_at}, empty when it is not RFC 3339 */
    record Held(LockFile lock, String token, OptionalLong ageSeconds, Instant readAt) implements LockState {}

    /**
     * A lock object upstream cannot parse: it still blocks every locking command.
     *
     * @param released set when the object is the post-v0.13 "released" record (v0.13 spec §0.4): not a
     *                 broken lock but a clean release v0.13 cannot read; never force-unlock it blindly
     */
    record Unreadable(Diagnostic diagnostic, String token, Optional<ReleasedLockRecord> released) implements LockState {
        public Unreadable(Diagnostic diagnostic, String token) {
            this(diagnostic, token, Optional.empty());
        }
    }

    default boolean held() {
        return !(this instanceof Free);
    }
}
