package dev.omnigraph.console.testing;

import dev.omnigraph.console.storage.Hashing;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: upload a folder tree into a store, and fingerprint a whole root key by key. */
public final class Trees {
    private Trees() {}

    /** Copies every file under {@code dir} into {@code store} (create-only), keys relative to {@code dir}. */
    public static void upload(Path dir, ObjectStore store) throws IOException, StorageException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String key = dir.relativize(f).toString().replace('\\', '/');
            PutResult r = store.put(key, Files.readAllBytes(f), WriteCondition.IF_ABSENT);
            if (!r.written()) {
                throw new IllegalStateException("could not upload " + key + ": " + r);
            }
        }
    }

    /** Every key of a root with the SHA-256 of its bytes, in key order. */
    public static Map<String, String> fingerprint(ObjectStore store) throws StorageException {
        Map<String, String> out = new TreeMap<>();
        List<ObjectInfo> all;
        try (Stream<ObjectInfo> s = store.list("")) {
            all = s.toList();
        }
        for (ObjectInfo o : all) {
            try (InputStream in = store.openStream(o.key()).orElseThrow()) {
                MessageDigest sha = Hashing.sha256();
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sha.update(buf, 0, n);
                }
                out.put(o.key(), Hashing.hex(sha.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The shared fixtures' storage root, from the test resources. */
    public static Path fixtureStorageRoot() {
        try {
            return Path.of(Trees.class.getResource("/omnigraph-fixtures/storage-root").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture file's path, from the test resources. */
    public static Path fixture(String relative) {
        try {
            return Path.of(Trees.class.getResource("/omnigraph-fixtures/" + relative).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder tree (files and folders, no links) into {@code to}. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = java.nio.file.Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Every entry under {@code dir} (links not followed) with its type, size, modification time and
     * content hash: equal snapshots before and after mean nothing was written, created or removed.
     */
    public static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = java.nio.file.Files.walk(dir)) {
            for (Path p : all.toList()) {
                var attrs = java.nio.file.Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                String what;
                if (attrs.isSymbolicLink()) {
                    what = "link->" + java.nio.file.Files.readSymbolicLink(p);
                } else if (attrs.isDirectory()) {
                    what = "dir";
                } else {
                    what = "file " + attrs.size() + " " + attrs.lastModifiedTime().toMillis() + " "
                            + Hashing.hex(Hashing.sha256().digest(java.nio.file.Files.readAllBytes(p)));
                }
                out.put(dir.relativize(p).toString(), what);
            }
        }
        return out;
    }
}
