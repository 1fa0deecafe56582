package dev.omnigraph.console.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The conditional writes of a local folder root. The content is staged in a temp file created
 * through the target folder's no-follow handle, then published: create-only with {@code link(2)}
 * (both names in that same folder, so a folder swapped for a link meanwhile makes the link fail
 * rather than land outside), If-Match with a rename through the folder handle ({@code renameat})
 * after re-hashing the current object, serialized per key within this process. Missing folders
 * are created by path first (Java has no {@code mkdirat}), then re-checked and opened without
 * following links.
 */
final class StagedWrite {
    /** Writes the object's content into the staged temp file and answers its SHA-256 (hex). */
    @FunctionalInterface
    interface Content {
        String writeTo(SeekableByteChannel tmp) throws IOException;
    }

    private final StoreUri uri;
    private final RootConfinement confinement;
    private final FolderWalk walk;
    private final FolderLifecycle folders;
    private final FileErrors errors;
    private final ConcurrentHashMap<String, Object> keyLocks = new ConcurrentHashMap<>();

    StagedWrite(StoreUri uri, RootConfinement confinement, FolderWalk walk, FolderLifecycle folders, FileErrors errors) {
        this.uri = uri;
        this.confinement = confinement;
        this.walk = walk;
        this.folders = folders;
        this.errors = errors;
    }

    PutResult write(String key, WriteCondition condition, Content content) throws StorageException {
        Path target = confinement.resolve(key);
        folders.beginWrite();
        try (Staging staging = new Staging(target, folders.createFolderOf(key, target.getParent()))) {
            BasicFileAttributes existing = FolderWalk.attributesNoFollow(staging.folder, staging.parent, staging.name);
            if (existing != null && existing.isDirectory()) {
                return new PutResult.PreconditionFailed("a folder exists at this key");
            }
            if (condition instanceof WriteCondition.IfAbsent && existing != null) {
                return new PutResult.PreconditionFailed("the object already exists");
            }
            String token = staging.stage(content);
            return condition instanceof WriteCondition.IfMatch ifMatch
                    ? replaceIfMatch(key, staging, ifMatch.token(), token)
                    : publishCreateOnly(staging, token);
        } catch (FileSystemException e) {
            if (condition instanceof WriteCondition.IfAbsent && isNoLinkSupport(e)) {
                throw new StorageException(StorageException.Kind.UNSUPPORTED, uri.display(),
                        "This filesystem refused a hard link (" + e.getReason() + "); OmniGraph needs hard links for create-only writes", e);
            }
            throw errors.io(key, "write", e);
        } catch (InterruptedIOException e) {
            throw errors.cancelled(key, e);
        } catch (IOException e) {
            throw errors.io(key, "write", e);
        } finally {
            folders.endWrite();
        }
    }

    private PutResult publishCreateOnly(Staging staging, String token) throws IOException, StorageException {
        try {
            staging.linkAsTarget();
        } catch (FileAlreadyExistsException raced) {
            return new PutResult.PreconditionFailed("the object already exists");
        } catch (UnsupportedOperationException e) {
            throw new StorageException(StorageException.Kind.UNSUPPORTED, uri.display(),
                    "This filesystem has no hard links, so create-only writes cannot be atomic here "
                            + "(OmniGraph needs hard links for a local cluster root)", e);
        }
        return new PutResult.Written(token);
    }

    /** A check-then-act: safe only while the caller holds the cluster lock (spec §13.7). */
    private PutResult replaceIfMatch(String key, Staging staging, String expected, String token) throws IOException, StorageException {
        synchronized (keyLocks.computeIfAbsent(key, k -> new Object())) {
            try (FolderWalk.Opened current = walk.openNoFollow(key, 0)) {
                if (current == null) {
                    return new PutResult.PreconditionFailed("the object no longer exists");
                }
                if (!hash(current.channel()).equals(expected)) {
                    return new PutResult.PreconditionFailed("the object changed since it was read");
                }
            }
            staging.moveOverTarget();
        }
        return new PutResult.Written(token);
    }

    private static String hash(SeekableByteChannel ch) throws IOException {
        MessageDigest sha = Hashing.sha256();
        ByteBuffer buf = ByteBuffer.allocate(FileObjectStore.COPY_BUFFER);
        while (ch.read(buf) > 0) {
            buf.flip();
            sha.update(buf);
            buf.clear();
        }
        return Hashing.hex(sha.digest());
    }

    private static boolean isNoLinkSupport(FileSystemException e) {
        String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
        return reason.contains("operation not permitted") || reason.contains("not supported");
    }

    /** The temp file beside the target, in the target's folder (opened without following links; null without folder handles). */
    private static final class Staging implements AutoCloseable {
        private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

        final Path target;
        final Path parent;
        final Path name;
        final Path tmpName;
        final SecureDirectoryStream<Path> folder;
        private boolean tmpExists;

        Staging(Path target, SecureDirectoryStream<Path> folder) {
            this.target = target;
            this.parent = target.getParent();
            this.name = target.getFileName();
            this.tmpName = Path.of("." + name + FileObjectStore.TEMP_MARKER + UUID.randomUUID());
            this.folder = folder;
        }

        /** Writes and syncs the temp file; answers the content's token. */
        String stage(Content content) throws IOException {
            try (SeekableByteChannel ch = folder != null ? folder.newByteChannel(tmpName, CREATE)
                    : Files.newByteChannel(parent.resolve(tmpName), CREATE)) {
                tmpExists = true;
                String token = content.writeTo(ch);
                if (ch instanceof FileChannel fc) {
                    fc.force(true);
                }
                return token;
            }
        }

        /** Create-only publish: fails with {@link FileAlreadyExistsException} when the target exists. */
        void linkAsTarget() throws IOException {
            Files.createLink(target, parent.resolve(tmpName));
        }

        /** Replacing publish: renames the temp file over the target. */
        void moveOverTarget() throws IOException {
            if (folder != null) {
                folder.move(tmpName, folder, name);
            } else {
                Files.move(parent.resolve(tmpName), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            tmpExists = false;
        }

        /** Removes the temp file if it is still there and releases the folder handle. */
        @Override
        public void close() {
            try {
                if (tmpExists && folder != null) {
                    folder.deleteFile(tmpName);
                } else if (tmpExists) {
                    Files.deleteIfExists(parent.resolve(tmpName));
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
        }
    }
}
