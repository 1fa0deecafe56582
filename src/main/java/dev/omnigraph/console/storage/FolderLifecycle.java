package dev.omnigraph.console.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The folders of a local root come and go with their objects, as on a bucket: a write creates its
 * key's folders, a delete removes the folders it left empty. Writers share a lock from creating a
 * key's folder until the object is published; pruning takes it alone, so it never removes a folder
 * a write of this store is about to fill (another process's write is covered by
 * {@link #createFolderOf}'s retry).
 */
final class FolderLifecycle {
    private final Path root;
    private final FolderWalk walk;
    private final RootConfinement confinement;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    FolderLifecycle(Path root, FolderWalk walk, RootConfinement confinement) {
        this.root = root;
        this.walk = walk;
        this.confinement = confinement;
    }

    /** Held (shared) by a write from {@link #createFolderOf} until its object is published. */
    void beginWrite() {
        lock.readLock().lock();
    }

    void endWrite() {
        lock.readLock().unlock();
    }

    /**
     * Creates the key's folder (and its parents) and opens it without following links; null where
     * the platform has no folder handles. A folder emptied and removed by a delete at that moment
     * ({@link #pruneEmptyFolders}) is created again.
     */
    SecureDirectoryStream<Path> createFolderOf(String key, Path parent) throws IOException, StorageException {
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
            confinement.resolve(key); // re-check confinement now that the parents exist
            SecureDirectoryStream<Path> folder;
            try {
                folder = walk.openFolderOf(key);
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
    void pruneEmptyFolders(Path from) {
        lock.writeLock().lock();
        try {
            Path dir = from;
            while (dir != null && dir.startsWith(root) && !dir.equals(root) && removeIfEmptyFolder(dir)) {
                dir = dir.getParent();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static boolean removeIfEmptyFolder(Path dir) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Files.delete(dir);
            return true;
        } catch (IOException notEmptyOrGone) {
            return false;
        }
    }
}
