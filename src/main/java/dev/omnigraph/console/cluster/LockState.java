package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.LockFile;
import java.time.Instant;
import java.util.OptionalLong;

/** {@code __cluster/lock.json} as found: free, held, or present but unreadable. */
public sealed interface LockState {
    record Free() implements LockState {}

    /** @param ageSeconds whole seconds since {@code created_at}, empty when it is not RFC 3339 */
    record Held(LockFile lock, String token, OptionalLong ageSeconds, Instant readAt) implements LockState {}

    /** A lock object upstream cannot parse: it still blocks every locking command. */
    record Unreadable(Diagnostic diagnostic, String token) implements LockState {}

    default boolean held() {
        return !(this instanceof Free);
    }
}
