package dev.omnigraph.console.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A storage root in a local folder ({@code file://}), laid out key for key as the engine's local
 * backend does.
 *
 * <ul>
 *   <li>Version token: lower-case hex SHA-256 of the content (the engine's local token).</li>
 *   <li>Create-only: the content is written to a temp file in the target folder, synced, then
 *       published with {@code link(2)}, which fails if the name exists (spec §10.1). Readers never
 *       see an empty or partial object.</li>
 *   <li>If-Match: re-read and compare the hash, then rename a temp file over the object. This is
 *       a check-then-act: safe only while the caller holds the cluster lock (spec §13.7). Within
 *       one process it is serialized per key.</li>
 *   <li>No conditional delete: {@link #deleteIfMatch} answers
 *       {@link DeleteResult.ConditionNotSupported}.</li>
 *   <li>Confinement: a key never resolves outside the root, symlinks included. Symlinked
 *       folders are not descended into; symlinked files count only when they point inside.
 *       Reads, stats, listings, deletes and the staging/rename of writes walk from the root through folder
 *       handles opened with {@code NOFOLLOW_LINKS} ({@link SecureDirectoryStream}, openat/O_NOFOLLOW
 *       on Linux), so a folder swapped for a link between a check and its use fails the operation
 *       instead of escaping. Path-based remainders (Java has no mkdirat or linkat): creating
 *       missing folders, and the create-only {@code link(2)}, whose source is the temp file in the
 *       same folder, so a swapped folder makes it fail.</li>
 * </ul>
 *
 * <p>The parts live beside it: {@link FolderWalk} (the no-follow walking and listing),
 * {@link RootConfinement} (keys stay inside the root), {@link StagedWrite} (staging and publishing
 * writes) and {@link FolderLifecycle} (folders created by writes, pruned after deletes).
 */
public final class FileObjectStore implements ObjectStore {
    /** Marks our staging files; listings skip them. */
    static final String TEMP_MARKER = ".omnigraph-tmp-";
    static final int COPY_BUFFER = 256 * 1024;

    private final StoreUri.Local uri;
    private final Path root;
    private final FileErrors errors;
    private final RootConfinement confinement;
    private final FolderWalk walk;
    private final FolderLifecycle folders;
    private final StagedWrite writes;

    public FileObjectStore(StoreUri.Local uri) {
        this.uri = uri;
        this.root = uri.root();
        this.errors = new FileErrors(root);
        this.confinement = new RootConfinement(root, errors);
        this.walk = new FolderWalk(root, confinement::realRoot, errors::io);
        this.folders = new FolderLifecycle(root, walk, confinement);
        this.writes = new StagedWrite(uri, confinement, walk, folders, errors);
    }

    @Override
    public StoreUri uri() {
        return uri;
    }

    // ---- reads ---------------------------------------------------------------------------

    @Override
    public Optional<StoredObject> read(String key, long maxBytes) throws StorageException {
        resolve(key);
        try (FolderWalk.Opened o = walk.openNoFollow(key, 0)) {
            if (o == null) {
                return Optional.empty();
            }
            long size = o.channel().size();
            if (size > maxBytes) {
                throw errors.tooLarge(key, size, maxBytes);
            }
            byte[] bytes;
            try (InputStream in = Channels.newInputStream(o.channel())) {
                long cap = maxBytes >= Integer.MAX_VALUE - 9 ? Integer.MAX_VALUE - 9 : maxBytes + 1;
                bytes = in.readNBytes((int) cap);
            }
            if (bytes.length > maxBytes) {
                throw errors.tooLarge(key, bytes.length, maxBytes);
            }
            return Optional.of(new StoredObject(key, bytes, Hashing.sha256Hex(bytes), o.attrs().lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw errors.io(key, "read", e);
        }
    }

    @Override
    public ConditionalRead readIfChanged(String key, String knownToken, long maxBytes) throws StorageException {
        Optional<StoredObject> current = read(key, maxBytes);
        if (current.isEmpty()) {
            return new ConditionalRead.Absent();
        }
        if (knownToken != null && knownToken.equals(current.get().token())) {
            return new ConditionalRead.Unchanged();
        }
        return new ConditionalRead.Changed(current.get());
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws StorageException {
        resolve(key);
        try (FolderWalk.Opened o = walk.openNoFollow(key, 0)) {
            if (o == null) {
                return Optional.empty();
            }
            return Optional.of(new ObjectInfo(key, o.channel().size(), o.attrs().lastModifiedTime().toInstant(), null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw errors.io(key, "stat", e);
        }
    }

    @Override
    public Optional<InputStream> openStream(String key) throws StorageException {
        resolve(key);
        try {
            FolderWalk.Opened o = walk.openNoFollow(key, 0);
            if (o == null) {
                return Optional.empty();
            }
            return Optional.of(Channels.newInputStream(o.channel()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw errors.io(key, "open", e);
        }
    }

    // ---- listings ------------------------------------------------------------------------

    @Override
    public Stream<ObjectInfo> list(String prefix) throws StorageException {
        Keys.checkPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        String dirKey = slash < 0 ? "" : prefix.substring(0, slash);
        Path dir = dirKey.isEmpty() ? root : resolve(dirKey);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Stream.empty();
        }
        Iterator<ObjectInfo> it = walk.sorted(dir, dirKey.isEmpty() ? "" : dirKey + "/", prefix);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public Listing listChildren(String prefix) throws StorageException {
        Keys.checkPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        String dirKey = slash < 0 ? "" : prefix.substring(0, slash);
        String namePrefix = prefix.substring(slash + 1);
        Path dir = dirKey.isEmpty() ? root : resolve(dirKey);
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new Listing(objects, prefixes);
        }
        String base = dirKey.isEmpty() ? "" : dirKey + "/";
        for (FolderWalk.Entry e : walk.readDirectory(dir, base)) {
            if (!e.name().startsWith(namePrefix)) {
                continue;
            }
            if (e.directory()) {
                prefixes.add(base + e.name() + "/");
            } else {
                objects.add(e.info());
            }
        }
        return new Listing(objects, prefixes);
    }

    // ---- writes --------------------------------------------------------------------------

    @Override
    public PutResult put(String key, byte[] content, WriteCondition condition) throws StorageException {
        return writes.write(key, condition, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            return Hashing.sha256Hex(content);
        });
    }

    @Override
    public PutResult putStream(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException {
        return writes.write(key, condition, ch -> {
            MessageDigest sha = Hashing.sha256();
            long written = 0;
            // not closed here: closing it would close the channel before it is synced
            OutputStream out = Channels.newOutputStream(ch);
            try (DigestInputStream in = new DigestInputStream(content, sha)) {
                byte[] buf = new byte[COPY_BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("cancelled");
                    }
                    out.write(buf, 0, n);
                    written += n;
                    if (progress != null) {
                        progress.accept(n);
                    }
                }
            }
            if (written != size) {
                throw new IOException("expected " + size + " bytes from the source but got " + written);
            }
            return Hashing.hex(sha.digest());
        });
    }

    @Override
    public Optional<PutResult> copyFrom(ObjectStore source, String sourceKey, String key, WriteCondition condition) {
        return Optional.empty(); // local copies stream through the caller, which checksums them
    }

    // ---- deletes -------------------------------------------------------------------------

    @Override
    public DeleteResult deleteIfMatch(String key, String token) throws StorageException {
        resolve(key);
        return new DeleteResult.ConditionNotSupported("a local folder cannot delete conditionally");
    }

    @Override
    public DeleteResult deleteUnconditionally(String key) throws StorageException {
        Path path = resolve(key);
        Path name = path.getFileName();
        try {
            SecureDirectoryStream<Path> folder;
            try {
                folder = walk.openFolderOf(key);
            } catch (UnsupportedOperationException noHandles) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    return new DeleteResult.NotFound();
                }
                if (!Files.deleteIfExists(path)) {
                    return new DeleteResult.NotFound();
                }
                folders.pruneEmptyFolders(path.getParent());
                return new DeleteResult.Deleted(false);
            }
            if (folder == null) {
                return new DeleteResult.NotFound();
            }
            try (folder) {
                BasicFileAttributes attrs = FolderWalk.attributesNoFollow(folder, path.getParent(), name);
                if (attrs == null || attrs.isDirectory()) {
                    return new DeleteResult.NotFound();
                }
                // unlinkat through the folder handle: removes this entry (a link itself, never its target)
                folder.deleteFile(name);
            }
            folders.pruneEmptyFolders(path.getParent());
            return new DeleteResult.Deleted(false);
        } catch (NoSuchFileException e) {
            return new DeleteResult.NotFound();
        } catch (IOException e) {
            throw errors.io(key, "delete", e);
        }
    }

    // ---- versions ------------------------------------------------------------------------

    @Override
    public Optional<Boolean> versioningEnabled() {
        return Optional.of(false);
    }

    @Override
    public List<ObjectVersion> listVersions(String key) {
        return List.of();
    }

    @Override
    public Optional<StoredObject> readVersion(String key, String versionId, long maxBytes) {
        return Optional.empty();
    }

    @Override
    public void close() {
        // nothing to release
    }

    // ---- confinement ---------------------------------------------------------------------

    /**
     * The path of a key, refused unless it stays inside the root: the key is validated, and the
     * real path of its deepest existing ancestor (symlinks resolved) must lie inside the real root.
     */
    Path resolve(String key) throws StorageException {
        return confinement.resolve(key);
    }

    /** For diagnostics. */
    @Override
    public String toString() {
        return "FileObjectStore[" + root + "]";
    }
}
