package dev.omnigraph.console.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The symlink-safe folder walking of {@link FileObjectStore}: folders are opened one segment at a
 * time relative to their parent's handle without following links ({@link SecureDirectoryStream},
 * openat with O_NOFOLLOW on Linux), so a folder swapped for a symbolic link at any moment makes the
 * walk fail instead of leaving the root; listings are sorted in S3 key order and walked depth
 * first, one directory listing per level in memory. Path-based where the platform has no
 * {@link SecureDirectoryStream}.
 */
final class FolderWalk {
    /** Builds the store's error for a failed file-system action on a key. */
    @FunctionalInterface
    interface Failure {
        StorageException failure(String key, String action, IOException e);
    }

    private final Path root;
    private final Supplier<Path> realRoot;
    private final Failure io;

    FolderWalk(Path root, Supplier<Path> realRoot, Failure io) {
        this.root = root;
        this.realRoot = realRoot;
        this.io = io;
    }

    /** Objects under {@code dir} (whose keys start with {@code base}) that start with {@code prefix}, in S3 key order. */
    Iterator<ObjectInfo> sorted(Path dir, String base, String prefix) {
        return new SortedWalk(dir, base, prefix);
    }

    /** The attributes of {@code name} in a folder, not following a link; null when absent. */
    static BasicFileAttributes attributesNoFollow(SecureDirectoryStream<Path> folder, Path parent, Path name) throws IOException {
        try {
            return folder != null
                    ? folder.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes()
                    : Files.readAttributes(parent.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Opens the folder that holds {@code key}'s last segment by walking from the root one segment at
     * a time, each folder opened relative to its parent's handle with {@code NOFOLLOW_LINKS}
     * (openat with O_NOFOLLOW on Linux): a folder swapped for a symbolic link at any moment makes
     * the walk fail instead of leaving the root. Null when a folder along the key does not exist.
     * Where the platform has no {@link SecureDirectoryStream}, null is never returned and the caller
     * falls back to path-based access.
     */
    SecureDirectoryStream<Path> openFolderOf(String key) throws IOException, StorageException {
        DirectoryStream<Path> rootStream;
        try {
            rootStream = Files.newDirectoryStream(root);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!(rootStream instanceof SecureDirectoryStream<Path> current)) {
            rootStream.close();
            throw new UnsupportedOperationException("no SecureDirectoryStream");
        }
        String[] segments = key.split("/");
        try {
            for (int i = 0; i < segments.length - 1; i++) {
                SecureDirectoryStream<Path> next;
                try {
                    next = current.newDirectoryStream(Path.of(segments[i]), LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    current.close();
                    return null;
                } catch (FileSystemException e) {
                    current.close();
                    throw new StorageException(StorageException.Kind.INVALID_KEY, Keys.printable(key),
                            "Refused key: " + String.join("/", Arrays.copyOf(segments, i + 1))
                                    + " is a symbolic link or not a folder (folder links are never followed)");
                }
                current.close();
                current = next;
            }
            return current;
        } catch (IOException | StorageException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    /**
     * Opens {@code key} for reading without following links anywhere along it. A last segment that
     * is a symbolic link is followed only when its target lies inside the root, and then the
     * target is opened the same way (no link along it); {@code depth} bounds that. Null when the
     * object does not exist or is a folder.
     */
    Opened openNoFollow(String key, int depth) throws IOException, StorageException {
        SecureDirectoryStream<Path> folder;
        try {
            folder = openFolderOf(key);
        } catch (UnsupportedOperationException noHandles) {
            return openByPath(key);
        }
        if (folder == null) {
            return null;
        }
        try (folder) {
            Path name = Path.of(key.substring(key.lastIndexOf('/') + 1));
            BasicFileAttributes attrs = attributesNoFollow(folder, null, name);
            if (attrs == null) {
                return null;
            }
            if (attrs.isSymbolicLink()) {
                Path real;
                try {
                    real = root.resolve(key).toRealPath();
                } catch (NoSuchFileException dangling) {
                    return null;
                }
                Path realRoot = this.realRoot.get();
                if (!real.startsWith(realRoot) || real.equals(realRoot) || depth > 0) {
                    throw new StorageException(StorageException.Kind.INVALID_KEY, Keys.printable(key),
                            "Refused key: a symbolic link along it points outside the root");
                }
                return openNoFollow(realRoot.relativize(real).toString().replace('\\', '/'), depth + 1);
            }
            if (!attrs.isRegularFile()) {
                return null;
            }
            java.nio.channels.SeekableByteChannel ch;
            try {
                ch = folder.newByteChannel(name, java.util.Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            } catch (FileSystemException swapped) {
                if (swapped instanceof NoSuchFileException) {
                    return null; // deleted between the look and the open: absent, as a read a moment later would say
                }
                throw new StorageException(StorageException.Kind.INVALID_KEY, Keys.printable(key),
                        "Refused key: it was replaced by a symbolic link while being opened");
            }
            return new Opened(ch, attrs);
        }
    }

    /** The path-based fallback for platforms without {@link SecureDirectoryStream}. */
    private Opened openByPath(String key) throws IOException {
        Path path = root.resolve(key);
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attrs.isRegularFile()) {
            return null;
        }
        return new Opened(Files.newByteChannel(path, StandardOpenOption.READ), attrs);
    }

    /** An object opened without following links: its channel, and the attributes read through its folder's handle. */
    record Opened(java.nio.channels.SeekableByteChannel channel, BasicFileAttributes attrs) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** One directory entry, typed without following links outside the root. */
    record Entry(String name, boolean directory, ObjectInfo info, Path path) {
        String sortKey() {
            return directory ? name + "/" : name;
        }
    }

    List<Entry> readDirectory(Path dir, String base) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = openListing(dir, base)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (name.contains(FileObjectStore.TEMP_MARKER)) {
                    continue; // our own staging file
                }
                BasicFileAttributes attrs = stream instanceof SecureDirectoryStream<Path> folder
                        ? folder.getFileAttributeView(child.getFileName(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                                .readAttributes()
                        : Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isSymbolicLink()) {
                    Path real;
                    try {
                        real = child.toRealPath();
                    } catch (IOException dangling) {
                        continue;
                    }
                    if (!Files.isRegularFile(real)) {
                        continue; // folder links are never followed
                    }
                    // listed even when it points outside: reading it is then refused with a clear error
                    attrs = Files.readAttributes(real, BasicFileAttributes.class);
                }
                if (attrs.isDirectory()) {
                    entries.add(new Entry(name, true, null, child));
                } else if (attrs.isRegularFile()) {
                    entries.add(new Entry(name, false,
                            new ObjectInfo(base + name, attrs.size(), attrs.lastModifiedTime().toInstant(), null), child));
                }
            }
        } catch (NoSuchFileException gone) {
            return entries;
        } catch (IOException e) {
            throw new UncheckedStorageException(io.failure(base, "list", e));
        }
        entries.sort(Comparator.comparing(Entry::sortKey, Keys::compare));
        return entries;
    }

    /**
     * The folder of a listing, opened through the no-follow walk from the root (a folder swapped for
     * a link fails the listing instead of listing outside); path-based where the platform has no
     * {@link SecureDirectoryStream}.
     */
    private DirectoryStream<Path> openListing(Path dir, String base) throws IOException {
        try {
            SecureDirectoryStream<Path> folder = openFolderOf(base + "x");
            if (folder == null) {
                throw new NoSuchFileException(dir.toString());
            }
            return folder;
        } catch (UnsupportedOperationException noHandles) {
            return Files.newDirectoryStream(dir);
        } catch (StorageException refused) {
            throw new UncheckedStorageException(refused);
        }
    }

    /** Depth-first walk in S3 key order: one sorted directory listing per level in memory. */
    private final class SortedWalk implements Iterator<ObjectInfo> {
        private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();
        private final Deque<String> bases = new ArrayDeque<>();
        private final String prefix;
        private ObjectInfo next;

        SortedWalk(Path dir, String base, String prefix) {
            this.prefix = prefix;
            stack.push(readDirectory(dir, base).iterator());
            bases.push(base);
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Iterator<Entry> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    bases.pop();
                    continue;
                }
                Entry e = top.next();
                String key = bases.peek() + e.name;
                if (e.directory) {
                    String dirKey = key + "/";
                    if (dirKey.startsWith(prefix) || prefix.startsWith(dirKey)) {
                        stack.push(readDirectory(e.path, dirKey).iterator());
                        bases.push(dirKey);
                    }
                } else if (key.startsWith(prefix)) {
                    next = e.info;
                }
            }
            return next != null;
        }

        @Override
        public ObjectInfo next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ObjectInfo out = next;
            next = null;
            return out;
        }
    }
}
