package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.Hashing;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides, reading only, what restoring a point into a target root would do. A target holding a
 * ledger is refused (unless it is exactly the point's: then the restore is done). A target holding
 * objects is compared with the point: identical objects are kept, missing ones copied, and any
 * object that differs from the point, or a graph object the point does not have, refuses the
 * restore: the graph data moved on, and the point's ledger would meet it as
 * {@code applied_schema_drift} on the next deployment (spec §10). So restoring only
 * {@code state.json} after a loss is allowed exactly when the graph roots match the point's.
 */
public final class RestorePlanner {
    private static final int CONFLICTS_SHOWN = 20;

    private final ObjectStore location;
    private final ObjectStore target;
    private final BackupControl control;
    private final BackupListener listener;

    public RestorePlanner(ObjectStore location, ObjectStore target, BackupControl control, BackupListener listener) {
        this.location = location;
        this.target = target;
        this.control = control;
        this.listener = listener;
    }

    public RestorePlan plan(RestorePoint point, Optional<String> takeOverLockId, int concurrency) throws Exception {
        String display = target.uri().display();
        Optional<StoredObject> ledger;
        try {
            ledger = target.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.TOO_LARGE) {
                throw e;
            }
            return RestorePlan.refused(point, "the target " + display + " holds an oversized ledger: nothing was written");
        }
        Optional<LockFile> resumeLock;
        try {
            resumeLock = lockToResume(display, takeOverLockId);
        } catch (IllegalStateException refusal) {
            return RestorePlan.refused(point, refusal.getMessage());
        }
        if (ledger.isPresent()) {
            return ledgerPresent(point, ledger.get(), display, resumeLock);
        }
        return compare(point, display, resumeLock, concurrency);
    }

    private RestorePlan ledgerPresent(RestorePoint point, StoredObject ledger, String display, Optional<LockFile> resumeLock) {
        String cas = "sha256:" + Hashing.sha256Hex(ledger.bytes());
        if (cas.equals(point.ledger().cas()) && resumeLock.isPresent()) {
            return new RestorePlan(point, RestorePlan.Verdict.DONE, "the target already holds exactly this point's ledger (" + cas
                    + "), written by the interrupted restore: it is done, only its lock is left to release", List.of(),
                    point.objects().size(), List.of(), false, resumeLock);
        }
        if (cas.equals(point.ledger().cas())) {
            return RestorePlan.refused(point, "the target " + display + " already holds a ledger, exactly this point's (" + cas + "): it is "
                    + "the cluster the point was taken from, or a finished restore of it; nothing was written");
        }
        String what;
        try {
            what = LedgerFacts.of(ledger.bytes()).describe();
        } catch (IllegalArgumentException e) {
            what = "an unreadable ledger, " + cas;
        }
        return RestorePlan.refused(point, "the target " + display + " already holds a ledger (" + what + "): it is a cluster, and a "
                + "restore never overwrites one; nothing was written. Restore into an empty root, or into this one only after its "
                + ClusterLayout.STATE + " is lost");
    }

    /** The lock of an interrupted restore to take over; throws {@link IllegalStateException} with the refusal otherwise. */
    private Optional<LockFile> lockToResume(String display, Optional<String> takeOverLockId) throws StorageException {
        Optional<StoredObject> raw = target.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        if (raw.isEmpty()) {
            if (takeOverLockId.isPresent()) {
                throw new IllegalStateException("there is no lock at " + display + " to take over: run again without --take-over-lock");
            }
            return Optional.empty();
        }
        LockFile lock;
        try {
            lock = LockFile.parse(raw.get().bytes());
        } catch (WireFormatException e) {
            throw new IllegalStateException("the target's lock object cannot be read (" + e.diagnostic().code() + "): inspect "
                    + ClusterLayout.LOCK + "; nothing was written");
        }
        if (lock.operation().equals(Restorer.OPERATION) && takeOverLockId.isPresent() && takeOverLockId.get().equals(lock.lockId())) {
            return Optional.of(lock);
        }
        String resume = lock.operation().equals(Restorer.OPERATION)
                ? "if that restore was interrupted, resume it with --take-over-lock " + lock.lockId()
                : "stop its process, then remove it with 'omnigraph-console force-unlock " + lock.lockId() + " --root " + display + "'";
        throw new IllegalStateException("the target is held by " + LockAdvice.holder(lock) + "; " + resume + "; nothing was written");
    }

    private RestorePlan compare(RestorePoint point, String display, Optional<LockFile> resumeLock, int concurrency) throws Exception {
        Map<String, PointObject> wanted = new HashMap<>();
        point.objects().stream().filter(o -> !o.key().equals(ClusterLayout.STATE)).forEach(o -> wanted.put(o.key(), o));
        List<ObjectInfo> there;
        try (Stream<ObjectInfo> s = target.list("")) {
            there = s.filter(o -> !o.key().equals(ClusterLayout.LOCK)).toList();
        }
        List<String> conflicts = new ArrayList<>();
        List<ObjectInfo> toHash = new ArrayList<>();
        for (ObjectInfo o : there) {
            PointObject p = wanted.get(o.key());
            if (p == null) {
                if (!o.key().startsWith(ClusterLayout.RESOURCES)) {
                    conflicts.add(o.key() + ": not in the point");
                }
            } else if (p.size() != o.size()) {
                conflicts.add(o.key() + ": " + Format.bytes(o.size()) + " at the target, " + Format.bytes(p.size()) + " in the point");
            } else {
                toHash.add(o);
            }
        }
        ProgressCounter counter = new ProgressCounter("plan", toHash.size(), toHash.stream().mapToLong(ObjectInfo::size).sum());
        List<String> differing = ParallelRunner.run(toHash, concurrency, control, counter, listener, o -> {
            Optional<ObjectDigest.Digest> d = ObjectDigest.of(target, o.key());
            counter.done(o.size(), false);
            return d.isPresent() && d.get().sha256().equals(wanted.get(o.key()).sha256()) ? null : o.key() + ": different bytes";
        });
        differing.stream().filter(java.util.Objects::nonNull).forEach(conflicts::add);
        java.util.Set<String> presentKeys = new java.util.HashSet<>();
        there.forEach(o -> presentKeys.add(o.key()));
        List<PointObject> toCopy = point.objects().stream().filter(o -> !o.key().equals(ClusterLayout.STATE))
                .filter(o -> !presentKeys.contains(o.key())).toList();
        long present = wanted.size() - toCopy.size();
        if (!conflicts.isEmpty()) {
            return RestorePlan.refused(point, conflictReason(display, toCopy.isEmpty(), conflicts));
        }
        String reason = there.isEmpty() ? "the target is empty: " + toCopy.size() + " objects will be copied, the ledger last"
                : toCopy.isEmpty() ? "every graph object at the target matches the point: only the ledger will be written"
                : present + " objects at the target already match the point; " + toCopy.size() + " will be copied, the ledger last";
        return new RestorePlan(point, RestorePlan.Verdict.READY, reason, toCopy, present, List.of(), there.isEmpty(), resumeLock);
    }

    private static String conflictReason(String display, boolean onlyLedgerMissing, List<String> conflicts) {
        String shown = String.join("; ", conflicts.subList(0, Math.min(CONFLICTS_SHOWN, conflicts.size())))
                + (conflicts.size() > CONFLICTS_SHOWN ? "; and " + (conflicts.size() - CONFLICTS_SHOWN) + " more" : "");
        String why = onlyLedgerMissing
                ? "restoring only " + ClusterLayout.STATE + " into " + display + " is refused: its graph data moved on since the point, "
                + "and the next deployment would fail with applied_schema_drift (the ledger's schema contracts would not match the "
                + "graphs; spec §10). Restore the whole point into an empty root instead"
                : "the target " + display + " holds objects that differ from the point, and a restore never overwrites: restore into an "
                + "empty root";
        return why + ". Nothing was written. " + conflicts.size() + " conflicting object(s): " + shown;
    }
}
