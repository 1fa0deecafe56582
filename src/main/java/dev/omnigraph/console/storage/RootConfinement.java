package dev.omnigraph.console.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Keeps the keys of a local folder root inside it: a key is validated, and the real path of its
 * deepest existing ancestor (symbolic links resolved) must lie inside the real root.
 */
final class RootConfinement {
    private final Path root;
    private final FileErrors errors;

    RootConfinement(Path root, FileErrors errors) {
        this.root = root;
        this.errors = errors;
    }

    /** The path of a key, refused unless it stays inside the root. */
    Path resolve(String key) throws StorageException {
        Keys.check(key);
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw refused(key, "Refused key: it resolves outside the root");
        }
        // an entry removed between the existence check and the resolution is looked up again, not
        // mistaken for a dangling link
        for (int attempt = 0; ; attempt++) {
            Path existing = deepestExisting(path);
            // when the root itself does not exist yet, nothing inside it can be a link
            if (existing == null || !existing.startsWith(root)) {
                return path;
            }
            try {
                if (!existing.toRealPath().startsWith(realRoot())) {
                    throw refused(key, "Refused key: a symbolic link along it points outside the root");
                }
                return path;
            } catch (NoSuchFileException vanished) {
                if (Files.isSymbolicLink(existing) && attempt >= 3) {
                    throw refused(key, "Refused key: a dangling symbolic link lies along it");
                }
                if (attempt >= 20) {
                    throw errors.io(key, "resolve", vanished);
                }
            } catch (IOException e) {
                throw errors.io(key, "resolve", e);
            }
        }
    }

    /** The root with its symbolic links resolved; the root as given while it does not exist. */
    Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }

    private static Path deepestExisting(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing;
    }

    private static StorageException refused(String key, String message) {
        return new StorageException(StorageException.Kind.INVALID_KEY, Keys.printable(key), message);
    }
}
