package dev.omnigraph.console.cluster.gc;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.doctor.CanonicalRoot;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.util.Optional;

/**
 * On a v2 root a present lock has an owner for its whole life: a {@code serve} lock means a server
 * owns the root, running or cleanly stopped (spec §5.3). The GC refuses with that meaning and the
 * documented way out (spec §5.4) instead of breaking it.
 */
final class GcLockMeaning {
    private GcLockMeaning() {}

    /** ": <meaning>" for the plan's lock line on a v2 root; empty otherwise. */
    static String of(LockState.Held held, Optional<Ledger> ledger) {
        if (ledger.isEmpty() || !ledger.get().generation().isV2()) {
            return "";
        }
        LockOperation.Meaning m = meaning(held, ledger.get());
        return ": " + m.summary() + ". The GC will not break it";
    }

    /** The refusal's explanation on a v2 root, after the holder; empty on v1 roots. */
    static Optional<String> refusal(LockState holder, ObjectStore store, ClusterLocation location) throws StorageException {
        if (!(holder instanceof LockState.Held held)) {
            return Optional.empty();
        }
        LedgerState ledger = ClusterReader.readLedger(store);
        if (!(ledger instanceof LedgerState.Present p) || !p.ledger().generation().isV2()) {
            return Optional.empty();
        }
        LockOperation.Meaning m = meaning(held, p.ledger());
        String root = CanonicalRoot.of(location.root());
        String serve = m.operation() == LockOperation.SERVE ? " A server owns this root: running now, or stopped cleanly "
                + "(v0.13 keeps its serve lock after a clean exit)." : "";
        return Optional.of(". On this v0.13 root that means: " + m.summary() + "." + serve + " The GC does not break a lock: "
                + "breaking it while its owner lives causes " + m.unlockBreaks() + ". To collect, stop that owner and every "
                + "server, apply and graph writer of this cluster, run 'omnigraph --cluster " + root + " cluster force-unlock '"
                + held.lock().lockId() + "'', run the GC, then " + m.nextStep() + ".");
    }

    private static LockOperation.Meaning meaning(LockState.Held held, Ledger ledger) {
        return LockOperation.of(held.lock().operation()).meaning(Optional.of(ledger.generation()), ledger.outstanding(),
                held.ageSeconds(), Long.MAX_VALUE);
    }
}
