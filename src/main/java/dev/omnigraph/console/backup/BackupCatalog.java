package dev.omnigraph.console.backup;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The restore points of a backup location: complete (manifest written) and incomplete (started, not finished). */
public final class BackupCatalog {
    static final long MANIFEST_MAX_BYTES = 512L << 20;
    static final long SESSION_MAX_BYTES = 256L << 10;

    private BackupCatalog() {}

    /**
     * One point as listed.
     *
     * @param point   the manifest, when the point is complete and its manifest reads
     * @param session the session record, when present
     * @param problem why the manifest cannot be read, when it cannot
     */
    public record Entry(String pointId, Optional<RestorePoint> point, Optional<PointSession> session, Optional<String> problem) {
        public boolean complete() {
            return point.isPresent();
        }
    }

    /** Every point, oldest first (ids sort by time). */
    public static List<Entry> list(ObjectStore location) throws StorageException {
        List<Entry> out = new ArrayList<>();
        for (String prefix : location.listChildren(BackupLayout.POINTS).prefixes()) {
            Optional<String> id = BackupLayout.pointIdOfPrefix(prefix);
            if (id.isPresent()) {
                out.add(entry(location, id.get()));
            }
        }
        out.sort(Comparator.comparing(Entry::pointId));
        return out;
    }

    private static Entry entry(ObjectStore location, String id) throws StorageException {
        Optional<PointSession> session = readSession(location, id);
        Optional<StoredObject> manifest = location.read(BackupLayout.manifestKey(id), MANIFEST_MAX_BYTES);
        if (manifest.isEmpty()) {
            return new Entry(id, Optional.empty(), session, Optional.empty());
        }
        try {
            return new Entry(id, Optional.of(RestorePoint.parse(manifest.get().bytes())), session, Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Entry(id, Optional.empty(), session, Optional.of(e.getMessage()));
        }
    }

    /**
     * The manifest of a complete point.
     *
     * @throws IllegalArgumentException naming what is wrong: no such point, incomplete, or a damaged manifest
     */
    public static RestorePoint read(ObjectStore location, String pointId) throws StorageException {
        RestorePointId.check(pointId);
        Optional<StoredObject> manifest = location.read(BackupLayout.manifestKey(pointId), MANIFEST_MAX_BYTES);
        if (manifest.isEmpty()) {
            boolean started = location.stat(BackupLayout.sessionKey(pointId)).isPresent();
            throw new IllegalArgumentException(started
                    ? "restore point " + pointId + " is incomplete (its backup did not finish; run it again to complete it)"
                    : "there is no restore point " + pointId + " in " + location.uri().display() + " ('backup list' shows them)");
        }
        RestorePoint point = RestorePoint.parse(manifest.get().bytes());
        if (!point.pointId().equals(pointId)) {
            throw new IllegalArgumentException("the manifest under " + pointId + " names point " + point.pointId() + ": it is damaged");
        }
        return point;
    }

    /** The newest complete point taken from {@code sourceRoot}: its hashes let the next point skip unchanged objects. */
    static Optional<RestorePoint> latestFrom(ObjectStore location, String sourceRoot) throws StorageException {
        List<Entry> all = list(location);
        for (int i = all.size() - 1; i >= 0; i--) {
            Optional<RestorePoint> p = all.get(i).point();
            if (p.isPresent() && p.get().sourceRoot().equals(sourceRoot)) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** The session of an incomplete point that holds (held) the lock with this id. */
    static Optional<PointSession> sessionHolding(ObjectStore location, String lockId) throws StorageException {
        for (Entry e : list(location)) {
            if (!e.complete() && e.session().isPresent() && e.session().get().lockId().equals(lockId)) {
                return e.session();
            }
        }
        return Optional.empty();
    }

    private static Optional<PointSession> readSession(ObjectStore location, String id) throws StorageException {
        Optional<StoredObject> s = location.read(BackupLayout.sessionKey(id), SESSION_MAX_BYTES);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PointSession.parse(s.get().bytes()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
