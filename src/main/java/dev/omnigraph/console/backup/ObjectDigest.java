package dev.omnigraph.console.backup;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.Sha256InputStream;
import dev.omnigraph.console.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** SHA-256 of stored objects, read as a stream (never whole into memory). */
final class ObjectDigest {
    private ObjectDigest() {}

    /** Size and SHA-256 of the bytes read. */
    record Digest(long size, String sha256) {}

    /** Hashes an object; empty when it does not exist. */
    static Optional<Digest> of(ObjectStore store, String key) throws StorageException {
        Optional<InputStream> opened = store.openStream(key);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (Sha256InputStream in = new Sha256InputStream(opened.get())) {
            byte[] buffer = new byte[256 * 1024];
            while (in.read(buffer) > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new StorageException(StorageException.Kind.CANCELLED, key, "Cancelled while reading " + key);
                }
            }
            return Optional.of(new Digest(in.count(), in.sha256Hex()));
        } catch (java.io.InterruptedIOException e) {
            throw new StorageException(StorageException.Kind.CANCELLED, key, "Cancelled while reading " + key, e);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.UNREACHABLE, key, "Reading " + key + " broke off: " + e.getMessage(), e);
        }
    }
}
