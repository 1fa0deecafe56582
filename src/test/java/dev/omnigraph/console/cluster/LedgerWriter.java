package dev.omnigraph.console.cluster;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.WriteCondition;

/**
 * Replaces {@code __cluster/state.json} only if it is still the version the caller read (S3
 * {@code If-Match}; local folders: hash re-check then rename, safe under the cluster lock, spec
 * §13.7). A stale token never lands: the caller gets {@link Outcome.Conflict} with the newer ledger
 * as it is now, to show the admin instead of the one they edited.
 *
 * <p>Today the console writes the ledger in one place only, the migration cutover, and that write
 * is create-only ({@code migrate.Cutover}); this is the one typed path for any replacing write.
 */
public final class LedgerWriter {
    private final ObjectStore store;

    public LedgerWriter(ObjectStore store) {
        this.store = store;
    }

    /** What a replace did. */
    public sealed interface Outcome {
        /** Our bytes are the ledger now; {@code token} is their version. */
        record Replaced(String token) implements Outcome {}

        /** The ledger changed (or vanished) since it was read: nothing was written. {@code newer} is what is there now. */
        record Conflict(String staleToken, LedgerState newer) implements Outcome {
            public String message() {
                return switch (newer) {
                    case LedgerState.Present p -> "The ledger changed since it was read (now revision " + Long.toUnsignedString(
                            p.ledger().stateRevision()) + "): nothing was written; review the newer ledger and try again.";
                    case LedgerState.Missing m -> "The ledger was removed since it was read: nothing was written.";
                    case LedgerState.Unreadable u -> "The ledger changed since it was read and cannot be parsed now ("
                            + u.diagnostic().code() + "): nothing was written.";
                };
            }
        }
    }

    /**
     * @param readToken the version token of the ledger the new bytes were derived from
     *                  ({@link LedgerState.Present#token()})
     */
    public Outcome replace(String readToken, byte[] newBytes) throws StorageException {
        PutResult r = store.put(ClusterLayout.STATE, newBytes, WriteCondition.ifMatch(readToken));
        if (r instanceof PutResult.Written w) {
            return new Outcome.Replaced(w.token());
        }
        return new Outcome.Conflict(readToken, ClusterReader.readLedger(store));
    }
}
