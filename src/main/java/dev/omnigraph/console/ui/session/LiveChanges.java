package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.ApprovalEntry;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.RecoveryEntry;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ConditionalRead;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One cheap live poll, in words: what moved in the store since the snapshot on screen was read.
 * The ledger and the lock are read conditionally against the tokens on screen; approvals and
 * recovery sidecars are listed (one small listing each); a small catalog is listed too (its blobs
 * are content addresses, but their bytes can still be removed or replaced under them).
 */
final class LiveChanges {
    private LiveChanges() {}

    /** The changes since {@code current} was read, stamped {@code now} (job thread; no change: empty). */
    static List<LiveChange> since(ClusterSnapshot current, ObjectStore store, Instant now) throws StorageException {
        ConditionalRead ledger = store.readIfChanged(ClusterLayout.STATE, ChangeDescriber.token(current.ledger()),
                WireLimits.STATE_JSON_MAX_BYTES);
        ConditionalRead lock = store.readIfChanged(ClusterLayout.LOCK, ChangeDescriber.token(current.lock()), WireLimits.LOCK_MAX_BYTES);
        List<LiveChange> found = new ArrayList<>();
        ChangeDescriber.ledger(current.ledger(), ledger).ifPresent(t -> found.add(new LiveChange(now, LiveChange.Subject.LEDGER, t)));
        ChangeDescriber.lock(current.lock(), lock).ifPresent(t -> found.add(new LiveChange(now, LiveChange.Subject.LOCK, t)));
        ChangeDescriber.artifacts("approval", current.approvals().stream().map(ApprovalEntry::stem).toList(),
                        jsonStems(store, ClusterLayout.APPROVALS))
                .forEach(t -> found.add(new LiveChange(now, LiveChange.Subject.APPROVALS, t)));
        ChangeDescriber.artifacts("recovery sidecar", current.recoveries().stream().map(RecoveryEntry::stem).toList(),
                        jsonStems(store, ClusterLayout.RECOVERIES))
                .forEach(t -> found.add(new LiveChange(now, LiveChange.Subject.RECOVERIES, t)));
        if (CatalogWatch.watched(current)) {
            CatalogWatch.changes(current, store).forEach(t -> found.add(new LiveChange(now, LiveChange.Subject.CATALOG, t)));
        }
        return found;
    }

    private static List<String> jsonStems(ObjectStore store, String dir) throws StorageException {
        List<String> stems = new ArrayList<>();
        for (ObjectInfo info : store.listChildren(dir).objects()) {
            ClusterLayout.jsonChildStem(dir, info.key()).ifPresent(stems::add);
        }
        return stems;
    }
}
