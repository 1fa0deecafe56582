package dev.omnigraph.console.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** The {@link StorageException}s of a local folder root, each naming the file it is about. */
record FileErrors(Path root) {

    String display(String key) {
        return root.resolve(key).toString();
    }

    StorageException io(String key, String action, IOException e) {
        StorageException.Kind kind = e instanceof AccessDeniedException ? StorageException.Kind.ACCESS_DENIED : StorageException.Kind.IO;
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        return new StorageException(kind, display(key), "Could not " + action + " " + display(key) + ": " + reason, e);
    }

    StorageException tooLarge(String key, long size, long max) {
        return new StorageException(StorageException.Kind.TOO_LARGE, display(key),
                display(key) + " is " + size + " bytes, over the " + max + "-byte limit");
    }

    StorageException cancelled(String key, IOException e) {
        return new StorageException(StorageException.Kind.CANCELLED, display(key), "Write cancelled", e);
    }
}
