package dev.omnigraph.console.backup;

import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.Hashing;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The verified copy of one object between a cluster root and the blob store of a backup location,
 * in either direction. Objects up to {@link #IN_MEMORY_MAX} are read once into memory, hashed and
 * written from there; larger ones are hashed in a first read and streamed in a second, whose hash
 * must match the first (else what was written is removed again and the object fails: the source
 * changed while it was read). Every write is create-only; a write refused because the object
 * exists is resolved by comparing hashes, never by overwriting. On folders the version token the
 * store returns is the SHA-256 of what landed on disk and is checked; on S3 a single-part ETag is
 * checked against the MD5 of the bytes sent.
 */
final class BlobTransfer {
    static final long IN_MEMORY_MAX = 8L * 1024 * 1024;

    private final ObjectStore location;

    BlobTransfer(ObjectStore location) {
        this.location = location;
    }

    /** One source object stored as a blob. {@code copied}: its bytes were written now (else an earlier point had them). */
    record Stored(PointObject object, boolean copied) {}

    // ---- backup ---------------------------------------------------------------------------------

    Stored backup(ObjectStore source, ObjectInfo info, Optional<String> knownSha) throws StorageException, TransferFailure {
        if (knownSha.isPresent() && blobPresent(knownSha.get(), info.size())) {
            return new Stored(object(info, knownSha.get()), false);
        }
        if (info.size() <= IN_MEMORY_MAX) {
            return storeBytes(info, readWhole(source, info.key(), info.size(), "the source"));
        }
        String sha = digestOf(source, info.key(), info.size(), "the source").sha256();
        if (blobPresent(sha, info.size())) {
            return new Stored(object(info, sha), false);
        }
        return new Stored(object(info, sha), stream(source, info.key(), location, BackupLayout.blobKey(sha), info.size(), sha));
    }

    /** Stores bytes already read (the ledger read under the lock, or a small object) as a blob. */
    Stored storeBytes(ObjectInfo info, byte[] bytes) throws StorageException, TransferFailure {
        String sha = Hashing.sha256Hex(bytes);
        if (blobPresent(sha, bytes.length)) {
            return new Stored(object(info, sha), false);
        }
        PutResult r = location.put(BackupLayout.blobKey(sha), bytes, WriteCondition.IF_ABSENT);
        return new Stored(object(info, sha), settle(location, BackupLayout.blobKey(sha), r, sha, md5(bytes), bytes.length));
    }

    private static PointObject object(ObjectInfo info, String sha) {
        return new PointObject(info.key(), info.size(), sha, Optional.ofNullable(info.etag()));
    }

    /** Whether the blob is stored with the expected size; a blob of another size is damage, reported, never replaced. */
    boolean blobPresent(String sha, long size) throws StorageException, TransferFailure {
        Optional<ObjectInfo> there = location.stat(BackupLayout.blobKey(sha));
        if (there.isEmpty()) {
            return false;
        }
        if (there.get().size() != size) {
            throw new TransferFailure("blob " + BackupLayout.blobKey(sha) + " is stored with " + there.get().size() + " bytes, not "
                    + size + ": the backup location is damaged (run 'backup verify' on its points)");
        }
        return true;
    }

    // ---- restore --------------------------------------------------------------------------------

    /** Writes one point object into the target from its blob; false when the target already held exactly these bytes. */
    boolean restore(PointObject o, ObjectStore target) throws StorageException, TransferFailure {
        if (o.size() <= IN_MEMORY_MAX) {
            byte[] bytes = readWhole(location, o.blobKey(), o.size(), "the backup location");
            if (!Hashing.sha256Hex(bytes).equals(o.sha256())) {
                throw damaged(o);
            }
            PutResult r = target.put(o.key(), bytes, WriteCondition.IF_ABSENT);
            return settle(target, o.key(), r, o.sha256(), md5(bytes), o.size());
        }
        if (!digestOf(location, o.blobKey(), o.size(), "the backup location").sha256().equals(o.sha256())) {
            throw damaged(o);
        }
        return stream(location, o.blobKey(), target, o.key(), o.size(), o.sha256());
    }

    private static TransferFailure damaged(PointObject o) {
        return new TransferFailure("blob " + o.blobKey() + " for " + o.key() + " is damaged (its SHA-256 no longer matches the manifest): "
                + "nothing was written for it");
    }

    // ---- shared ---------------------------------------------------------------------------------

    /** Streams {@code fromKey} into {@code toKey} create-only; the bytes sent must hash to {@code sha}. */
    private static boolean stream(ObjectStore from, String fromKey, ObjectStore to, String toKey, long size, String sha)
            throws StorageException, TransferFailure {
        Optional<InputStream> opened = from.openStream(fromKey);
        if (opened.isEmpty()) {
            throw new TransferFailure(fromKey + " vanished while it was being copied");
        }
        PutResult r;
        String sent;
        try (dev.omnigraph.console.storage.Sha256InputStream in = new dev.omnigraph.console.storage.Sha256InputStream(opened.get())) {
            r = to.putStream(toKey, in, size, WriteCondition.IF_ABSENT, null);
            sent = in.sha256Hex();
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.UNREACHABLE, fromKey, "Reading " + fromKey + " broke off: " + e.getMessage(), e);
        }
        if (r instanceof PutResult.Written w && !sent.equals(sha)) {
            removeOwn(to, toKey, w.token());
            throw new TransferFailure(fromKey + " changed while it was copied (SHA-256 " + sent + " instead of " + sha
                    + "): are writers still running? What was written was removed again");
        }
        return settle(to, toKey, r, sha, null, size);
    }

    /**
     * The outcome of a create-only write: written (and its token checked where it proves the
     * content), or refused because something is there, which counts only if it is exactly our bytes.
     */
    private static boolean settle(ObjectStore store, String key, PutResult r, String sha, String md5, long size)
            throws StorageException, TransferFailure {
        if (r instanceof PutResult.Written w) {
            boolean local = store.uri() instanceof StoreUri.Local;
            boolean checkable = local || (md5 != null && w.token() != null && w.token().indexOf('-') < 0);
            if (checkable && !w.token().equals(local ? sha : md5)) {
                removeOwn(store, key, w.token());
                throw new TransferFailure(key + ": the stored bytes differ from the bytes sent (token " + w.token() + "); removed again");
            }
            return true;
        }
        Optional<ObjectInfo> there = store.stat(key);
        if (there.isPresent() && there.get().size() == size
                && ObjectDigest.of(store, key).map(d -> d.sha256().equals(sha)).orElse(false)) {
            return false;
        }
        throw new TransferFailure(key + ": a different object is already stored there; nothing was overwritten");
    }

    /** Removes an object this transfer has just written and found wrong (only that exact version where the store can say so). */
    private static void removeOwn(ObjectStore store, String key, String token) throws StorageException {
        DeleteResult d = token == null ? new DeleteResult.ConditionNotSupported("no token") : store.deleteIfMatch(key, token);
        if (d instanceof DeleteResult.ConditionNotSupported) {
            store.deleteUnconditionally(key);
        }
    }

    private static byte[] readWhole(ObjectStore store, String key, long size, String where) throws StorageException, TransferFailure {
        Optional<StoredObject> read;
        try {
            read = store.read(key, size);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                throw new TransferFailure(key + " grew while it was read from " + where + ": are writers still running?");
            }
            throw e;
        }
        if (read.isEmpty()) {
            throw new TransferFailure(key + " is missing from " + where);
        }
        if (read.get().size() != size) {
            throw new TransferFailure(key + " has " + read.get().size() + " bytes in " + where + ", not " + size
                    + ": it changed after it was listed");
        }
        return read.get().bytes();
    }

    private static ObjectDigest.Digest digestOf(ObjectStore store, String key, long size, String where)
            throws StorageException, TransferFailure {
        ObjectDigest.Digest d = ObjectDigest.of(store, key).orElseThrow(() -> new TransferFailure(key + " is missing from " + where));
        if (d.size() != size) {
            throw new TransferFailure(key + " has " + d.size() + " bytes in " + where + ", not " + size + ": it changed after it was listed");
        }
        return d;
    }

    private static String md5(byte[] bytes) {
        return Hashing.hex(Hashing.md5().digest(bytes));
    }
}
