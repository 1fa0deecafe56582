package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.storage.ConditionalRead;
import dev.omnigraph.console.storage.StoredObject;
import java.util.Optional;

/**
 * Says in words what a cheap poll found, comparing the conditional read of the ledger or the lock
 * with what the snapshot on screen shows. {@link ConditionalRead.Unchanged} (HTTP 304) is never a
 * change; neither is "still absent".
 */
public final class ChangeDescriber {
    private ChangeDescriber() {}

    public static Optional<String> ledger(LedgerState known, ConditionalRead read) {
        return switch (read) {
            case ConditionalRead.Unchanged u -> Optional.empty();
            case ConditionalRead.Absent a -> known instanceof LedgerState.Missing ? Optional.empty()
                    : Optional.of("ledger removed: " + "__cluster/state.json no longer exists");
            case ConditionalRead.Changed c -> Optional.of(ledgerChanged(known, c.object()));
        };
    }

    private static String ledgerChanged(LedgerState known, StoredObject object) {
        Ledger now;
        try {
            now = Ledger.parse(object.bytes());
        } catch (WireFormatException e) {
            return "ledger changed and is now unreadable (" + e.diagnostic().code() + ")";
        }
        String after = Long.toUnsignedString(now.stateRevision());
        return switch (known) {
            case LedgerState.Present p -> p.ledger().cas().equals(now.cas())
                    ? "ledger rewritten with identical content (revision " + after + ")"
                    : "ledger revision " + Long.toUnsignedString(p.ledger().stateRevision()) + " → " + after;
            case LedgerState.Missing m -> "ledger created at revision " + after;
            case LedgerState.Unreadable u -> "ledger readable again at revision " + after;
        };
    }

    public static Optional<String> lock(LockState known, ConditionalRead read) {
        return switch (read) {
            case ConditionalRead.Unchanged u -> Optional.empty();
            case ConditionalRead.Absent a -> switch (known) {
                case LockState.Free f -> Optional.empty();
                case LockState.Held h -> Optional.of("lock released (was held by " + h.lock().operation() + ")");
                case LockState.Unreadable u -> Optional.of("unreadable lock removed");
            };
            case ConditionalRead.Changed c -> {
                LockFile now;
                try {
                    now = LockFile.parse(c.object().bytes());
                } catch (WireFormatException e) {
                    yield Optional.of("lock changed and is now unreadable (" + e.diagnostic().code() + ")");
                }
                yield switch (known) {
                    case LockState.Held h when h.lock().lockId().equals(now.lockId()) -> Optional.empty();
                    case LockState.Held h -> Optional.of("lock replaced: " + h.lock().operation() + " → " + now.operation()
                            + " (" + now.lockId() + ")");
                    default -> Optional.of("lock acquired by " + now.operation() + " (" + now.lockId() + ")");
                };
            }
        };
    }

    /** The version token a conditional read should quote for what is on screen (null = always read). */
    public static String token(LedgerState state) {
        return switch (state) {
            case LedgerState.Present p -> p.token();
            case LedgerState.Unreadable u -> u.token();
            case LedgerState.Missing m -> null;
        };
    }

    public static String token(LockState state) {
        return switch (state) {
            case LockState.Held h -> h.token();
            case LockState.Unreadable u -> u.token();
            case LockState.Free f -> null;
        };
    }

    /**
     * What changed in a folder of JSON artifacts (approvals, recovery sidecars) between the stems on
     * screen and the stems listed now: one sentence per appeared or gone artifact, in name order.
     */
    public static java.util.List<String> artifacts(String what, java.util.Collection<String> known, java.util.Collection<String> now) {
        java.util.List<String> out = new java.util.ArrayList<>();
        new java.util.TreeSet<>(now).stream().filter(s -> !known.contains(s)).forEach(s -> out.add(what + " appeared: " + s));
        new java.util.TreeSet<>(known).stream().filter(s -> !now.contains(s)).forEach(s -> out.add(what + " gone: " + s));
        return out;
    }
}
