package dev.omnigraph.console.backup;

import dev.omnigraph.console.storage.Hashing;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
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
        try (Sha256Stream in = new Sha256Stream(opened.get())) {
            byte[] buffer = new byte[256 * 1024];
            while (in.read(buffer) > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new StorageException(StorageException.Kind.CANCELLED, key, "Cancelled while reading " + key);
                }
            }
            return Optional.of(new Digest(in.count(), in.hex()));
        } catch (java.io.InterruptedIOException e) {
            throw new StorageException(StorageException.Kind.CANCELLED, key, "Cancelled while reading " + key, e);
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.UNREACHABLE, key, "Reading " + key + " broke off: " + e.getMessage(), e);
        }
    }

    /** Hashes bytes and counts them as they are read. */
    static final class Sha256Stream extends FilterInputStream {
        private final MessageDigest sha = Hashing.sha256();
        private long count;

        Sha256Stream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("a hashed read never skips");
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        long count() {
            return count;
        }

        String hex() {
            return Hashing.hex(sha.digest());
        }
    }
}
