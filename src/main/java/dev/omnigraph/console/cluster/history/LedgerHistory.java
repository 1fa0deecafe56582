package dev.omnigraph.console.cluster.history;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectVersion;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.StoredObject;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's own history in a versioned bucket: the versions of {@code __cluster/state.json},
 * newest first. Listing reads no object bytes; {@link #details} and {@link #read} read one version,
 * capped at {@link WireLimits#STATE_JSON_MAX_BYTES}, so a view can fill revision and CAS lazily.
 *
 * <p>For local folders and unversioned buckets {@link #availability} says why there is no history;
 * the console's own {@link LedgerObservationCache} is the fallback there.
 */
public final class LedgerHistory {
    private LedgerHistory() {}

    /** Whether {@code store} keeps earlier ledgers, and if not, why. */
    public static HistoryAvailability availability(ObjectStore store) throws StorageException {
        if (store.uri() instanceof StoreUri.Local) {
            return HistoryAvailability.LOCAL_FOLDER;
        }
        Optional<Boolean> enabled = store.versioningEnabled();
        if (enabled.isEmpty()) {
            return HistoryAvailability.VERSIONING_UNKNOWN;
        }
        return enabled.get() ? HistoryAvailability.AVAILABLE : HistoryAvailability.VERSIONING_OFF;
    }

    /** The ledger's versions, newest first (delete markers included); empty where versioning is off. */
    public static List<LedgerVersion> versions(ObjectStore store) throws StorageException {
        return store.listVersions(ClusterLayout.STATE).stream().map(LedgerHistory::of).toList();
    }

    private static LedgerVersion of(ObjectVersion v) {
        return new LedgerVersion(v.versionId(), v.lastModified(), v.size(), v.etag(), v.latest(), v.deleteMarker());
    }

    /** Reads one version's bytes; empty when the version no longer exists (or is a delete marker). */
    public static Optional<LedgerCopy> read(ObjectStore store, String versionId) throws StorageException {
        Optional<StoredObject> object = store.readVersion(ClusterLayout.STATE, versionId, WireLimits.STATE_JSON_MAX_BYTES);
        return object.map(o -> LedgerCopy.of("version " + versionId, o.bytes(), o.token(), o.lastModified()));
    }

    /**
     * Reads one listed version for its revision and CAS. Problems (vanished, oversize, not a valid
     * ledger) are reported in the result, not thrown; only storage failures throw.
     */
    public static LedgerVersionDetails details(ObjectStore store, LedgerVersion version) throws StorageException {
        if (version.deleteMarker()) {
            return new LedgerVersionDetails(version, Optional.empty(), Optional.empty(),
                    Optional.of("delete marker: the ledger was deleted at this point"));
        }
        Optional<LedgerCopy> copy;
        try {
            copy = read(store, version.versionId());
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                return new LedgerVersionDetails(version, Optional.empty(), Optional.empty(), Optional.of(e.describe()));
            }
            throw e;
        }
        if (copy.isEmpty()) {
            return new LedgerVersionDetails(version, Optional.empty(), Optional.empty(),
                    Optional.of("this version no longer exists"));
        }
        LedgerCopy c = copy.get();
        return new LedgerVersionDetails(version, Optional.of(c.cas()), c.revision(),
                c.problem().map(d -> d.code() + ": " + d.message()), c.ledger().map(LedgerSummary::of));
    }
}
