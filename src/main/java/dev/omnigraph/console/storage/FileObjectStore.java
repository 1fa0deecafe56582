package dev.omnigraph.console.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 */
public final class FileObjectStore implements ObjectStore {
    /** Marks our staging files; listings skip them. */
    static final String TEMP_MARKER = ".omnigraph-tmp-";
    private static final int COPY_BUFFER = 256 * 1024;

    private final StoreUri.Local uri;
    private final Path root;
    private final ConcurrentHashMap<String, Object> keyLocks = new ConcurrentHashMap<>();
    /**
     * Writers share it from creating a key's folder until the object is published; pruning the
     * folders a delete left empty takes it alone, so it never removes a folder a write of this
     * store is about to fill (another process's write is covered by {@link #createFolderOf}'s retry).
     */
    private final java.util.concurrent.locks.ReadWriteLock folderLifecycle = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final FolderWalk walk;

    public FileObjectStore(StoreUri.Local uri) {
        this.uri = uri;
        this.root = uri.root();
        this.walk = new FolderWalk(root, this::realRoot, this::io);
    }

    @Override
    public StoreUri uri() {
        return uri;
    }

    // ---- reads ---------------------------------------------------------------------------

    @Override
    public Optional<StoredObject> read(String key, long maxBytes) throws StorageException {
        resolve(key);
        try (Opened o = openNoFollow(key, 0)) {
            if (o == null) {
                return Optional.empty();
            }
            long size = o.channel.size();
            if (size > maxBytes) {
                throw tooLarge(key, size, maxBytes);
            }
            byte[] bytes;
            try (InputStream in = java.nio.channels.Channels.newInputStream(o.channel)) {
                long cap = maxBytes >= Integer.MAX_VALUE - 9 ? Integer.MAX_VALUE - 9 : maxBytes + 1;
                bytes = in.readNBytes((int) cap);
            }
            if (bytes.length > maxBytes) {
                throw tooLarge(key, bytes.length, maxBytes);
            }
            return Optional.of(new StoredObject(key, bytes, Hashing.sha256Hex(bytes), o.attrs.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw io(key, "read", e);
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
        try (Opened o = openNoFollow(key, 0)) {
            if (o == null) {
                return Optional.empty();
            }
            return Optional.of(new ObjectInfo(key, o.channel.size(), o.attrs.lastModifiedTime().toInstant(), null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw io(key, "stat", e);
        }
    }

    @Override
    public Optional<InputStream> openStream(String key) throws StorageException {
        resolve(key);
        try {
            Opened o = openNoFollow(key, 0);
            if (o == null) {
                return Optional.empty();
            }
            return Optional.of(java.nio.channels.Channels.newInputStream(o.channel));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw io(key, "open", e);
        }
    }

    // ---- handle-based traversal -------------------------------------------------------------

    /** An object opened without following links: its channel, and the attributes read through its folder's handle. */
    record Opened(java.nio.channels.SeekableByteChannel channel, BasicFileAttributes attrs) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private SecureDirectoryStream<Path> openFolderOf(String key) throws IOException, StorageException {
        return walk.openFolderOf(key);
    }

    private Opened openNoFollow(String key, int depth) throws IOException, StorageException {
        return walk.openNoFollow(key, depth);
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
        return write(key, condition, ch -> {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            return Hashing.sha256Hex(content);
        });
    }

    @Override
    public PutResult putStream(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException {
        return write(key, condition, ch -> {
            MessageDigest sha = Hashing.sha256();
            long written = 0;
            // not closed here: closing it would close the channel before it is synced
            OutputStream out = java.nio.channels.Channels.newOutputStream(ch);
            try (DigestInputStream in = new DigestInputStream(content, sha)) {
                byte[] buf = new byte[COPY_BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new java.io.InterruptedIOException("cancelled");
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

    private interface TempWriter {
        String write(java.nio.channels.SeekableByteChannel tmp) throws IOException;
    }

    /**
     * Stages the content in a temp file created through the target folder's no-follow handle, then
     * publishes it: create-only with {@code link(2)} (both names in that same folder, so a folder
     * swapped for a link meanwhile makes the link fail rather than land outside), If-Match with a
     * rename through the folder handle ({@code renameat}). Missing folders are created by path
     * first (Java has no {@code mkdirat}), then re-checked and opened without following links.
     */
    private PutResult write(String key, WriteCondition condition, TempWriter writer) throws StorageException {
        Path target = resolve(key);
        Path parent = target.getParent();
        Path name = target.getFileName();
        Path tmpName = Path.of("." + name + TEMP_MARKER + UUID.randomUUID());
        Object keyLock = keyLocks.computeIfAbsent(key, k -> new Object());
        SecureDirectoryStream<Path> folder = null;
        boolean tmpExists = false;
        folderLifecycle.readLock().lock();
        try {
            folder = createFolderOf(key, parent);
            BasicFileAttributes existing = attributesNoFollow(folder, parent, name);
            if (existing != null && existing.isDirectory()) {
                return new PutResult.PreconditionFailed("a folder exists at this key");
            }
            if (condition instanceof WriteCondition.IfAbsent && existing != null) {
                return new PutResult.PreconditionFailed("the object already exists");
            }
            java.util.Set<java.nio.file.OpenOption> create = java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            String token;
            try (java.nio.channels.SeekableByteChannel ch = folder != null ? folder.newByteChannel(tmpName, create)
                    : Files.newByteChannel(parent.resolve(tmpName), create)) {
                tmpExists = true;
                token = writer.write(ch);
                if (ch instanceof FileChannel fc) {
                    fc.force(true);
                }
            }
            if (condition instanceof WriteCondition.IfAbsent) {
                try {
                    Files.createLink(target, parent.resolve(tmpName));
                } catch (FileAlreadyExistsException raced) {
                    return new PutResult.PreconditionFailed("the object already exists");
                } catch (UnsupportedOperationException e) {
                    throw new StorageException(StorageException.Kind.UNSUPPORTED, uri.display(),
                            "This filesystem has no hard links, so create-only writes cannot be atomic here "
                                    + "(OmniGraph needs hard links for a local cluster root)", e);
                }
                return new PutResult.Written(token);
            }
            String expected = ((WriteCondition.IfMatch) condition).token();
            synchronized (keyLock) {
                String current;
                try (Opened o = openNoFollow(key, 0)) {
                    if (o == null) {
                        return new PutResult.PreconditionFailed("the object no longer exists");
                    }
                    current = hashChannel(o.channel);
                }
                if (!current.equals(expected)) {
                    return new PutResult.PreconditionFailed("the object changed since it was read");
                }
                if (folder != null) {
                    folder.move(tmpName, folder, name);
                } else {
                    Files.move(parent.resolve(tmpName), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                tmpExists = false;
            }
            return new PutResult.Written(token);
        } catch (FileSystemException e) {
            if (condition instanceof WriteCondition.IfAbsent && isNoLinkSupport(e)) {
                throw new StorageException(StorageException.Kind.UNSUPPORTED, uri.display(),
                        "This filesystem refused a hard link (" + e.getReason() + "); OmniGraph needs hard links for create-only writes", e);
            }
            throw io(key, "write", e);
        } catch (java.io.InterruptedIOException e) {
            throw new StorageException(StorageException.Kind.CANCELLED, display(key), "Write cancelled", e);
        } catch (IOException e) {
            throw io(key, "write", e);
        } finally {
            try {
                if (tmpExists) {
                    if (folder != null) {
                        folder.deleteFile(tmpName);
                    } else {
                        Files.deleteIfExists(parent.resolve(tmpName));
                    }
                }
            } catch (IOException ignored) {
                // a stray temp file is skipped by listings and harmless
            }
            if (folder != null) {
                try {
                    folder.close();
                } catch (IOException ignored) {
                    // nothing held
                }
            }
            folderLifecycle.readLock().unlock();
        }
    }

    /** The attributes of {@code name} in a folder, not following a link; null when absent. */
    /**
     * Creates the key's folder (and its parents) and opens it without following links; null where
     * the platform has no folder handles. A folder emptied and removed by a delete at that moment
     * ({@link #pruneEmptyFolders}) is created again.
     */
    private SecureDirectoryStream<Path> createFolderOf(String key, Path parent) throws IOException, StorageException {
        for (int attempt = 0; ; attempt++) {
            try {
                Files.createDirectories(parent);
            } catch (FileAlreadyExistsException prunedMeanwhile) {
                // a folder seen existing was removed before it could be checked (another process pruned it)
                if (attempt >= 3 || Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
                    throw prunedMeanwhile;
                }
                continue;
            }
            resolve(key); // re-check confinement now that the parents exist
            SecureDirectoryStream<Path> folder;
            try {
                folder = openFolderOf(key);
            } catch (UnsupportedOperationException noHandles) {
                return null;
            }
            if (folder != null) {
                return folder;
            }
            if (attempt >= 3) {
                throw new NoSuchFileException(parent.toString());
            }
        }
    }

    /**
     * After a delete, removes the folders that the delete left empty, up to (not including) the
     * root: like a bucket, a folder root has no empty "directories", so a probe that wrote and
     * removed {@code __cluster/console-probe-….tmp} leaves no {@code __cluster/} behind. Only empty
     * real folders are removed ({@code rmdir} refuses anything else).
     */
    private void pruneEmptyFolders(Path from) {
        folderLifecycle.writeLock().lock();
        try {
            pruneEmptyFoldersLocked(from);
        } finally {
            folderLifecycle.writeLock().unlock();
        }
    }

    private void pruneEmptyFoldersLocked(Path from) {
        Path dir = from;
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    return;
                }
                Files.delete(dir);
            } catch (IOException notEmptyOrGone) {
                return;
            }
            dir = dir.getParent();
        }
    }

    private static BasicFileAttributes attributesNoFollow(SecureDirectoryStream<Path> folder, Path parent, Path name) throws IOException {
        return FolderWalk.attributesNoFollow(folder, parent, name);
    }

    private static String hashChannel(java.nio.channels.SeekableByteChannel ch) throws IOException {
        MessageDigest sha = Hashing.sha256();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(COPY_BUFFER);
        while (ch.read(buf) > 0) {
            buf.flip();
            sha.update(buf);
            buf.clear();
        }
        return Hashing.hex(sha.digest());
    }

    private static boolean isNoLinkSupport(FileSystemException e) {
        String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(java.util.Locale.ROOT);
        return reason.contains("operation not permitted") || reason.contains("not supported");
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
                folder = openFolderOf(key);
            } catch (UnsupportedOperationException noHandles) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    return new DeleteResult.NotFound();
                }
                if (!Files.deleteIfExists(path)) {
                    return new DeleteResult.NotFound();
                }
                pruneEmptyFolders(path.getParent());
                return new DeleteResult.Deleted(false);
            }
            if (folder == null) {
                return new DeleteResult.NotFound();
            }
            try (folder) {
                BasicFileAttributes attrs = attributesNoFollow(folder, path.getParent(), name);
                if (attrs == null || attrs.isDirectory()) {
                    return new DeleteResult.NotFound();
                }
                // unlinkat through the folder handle: removes this entry (a link itself, never its target)
                folder.deleteFile(name);
            }
            pruneEmptyFolders(path.getParent());
            return new DeleteResult.Deleted(false);
        } catch (NoSuchFileException e) {
            return new DeleteResult.NotFound();
        } catch (IOException e) {
            throw io(key, "delete", e);
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
        Keys.check(key);
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new StorageException(StorageException.Kind.INVALID_KEY, Keys.printable(key), "Refused key: it resolves outside the root");
        }
        // the deepest existing ancestor must resolve (links followed) inside the real root; an entry
        // removed between the existence check and the resolution is looked up again, not mistaken
        // for a dangling link
        for (int attempt = 0; ; attempt++) {
            Path existing = path;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            // when the root itself does not exist yet, nothing inside it can be a link
            if (existing == null || !existing.startsWith(root)) {
                break;
            }
            try {
                Path real = existing.toRealPath();
                if (!real.startsWith(realRoot())) {
                    throw new StorageException(StorageException.Kind.INVALID_KEY, Keys.printable(key),
                            "Refused key: a symbolic link along it points outside the root");
                }
                break;
            } catch (NoSuchFileException vanished) {
                if (Files.isSymbolicLink(existing) && attempt >= 3) {
                    throw new StorageException(StorageException.Kind.INVALID_KEY, Keys.printable(key),
                            "Refused key: a dangling symbolic link lies along it");
                }
                if (attempt >= 20) {
                    throw io(key, "resolve", vanished);
                }
            } catch (IOException e) {
                throw io(key, "resolve", e);
            }
        }
        return path;
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }

    private String display(String key) {
        return root.resolve(key).toString();
    }

    private StorageException io(String key, String action, IOException e) {
        StorageException.Kind kind = e instanceof AccessDeniedException ? StorageException.Kind.ACCESS_DENIED : StorageException.Kind.IO;
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        return new StorageException(kind, display(key), "Could not " + action + " " + display(key) + ": " + reason, e);
    }

    private StorageException tooLarge(String key, long size, long max) {
        return new StorageException(StorageException.Kind.TOO_LARGE, display(key),
                display(key) + " is " + size + " bytes, over the " + max + "-byte limit");
    }

    /** For diagnostics. */
    @Override
    public String toString() {
        return "FileObjectStore[" + root + "]";
    }
}
