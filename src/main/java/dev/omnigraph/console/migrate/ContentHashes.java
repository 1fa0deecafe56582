package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.Hashing;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checksums of one object's bytes, computed in a single streaming read: SHA-256 (what the console
 * records), MD5 (a single-part S3 ETag), and the multipart ETag the console's own uploader
 * produces for that size ({@link S3ObjectStore#partSizeFor}), so a local file can be compared with
 * an S3 object without reading the S3 side.
 *
 * @param size bytes read
 */
record ContentHashes(long size, String sha256, String md5, String uploaderMultipartEtag) {

    /** Whether an S3 ETag of an object with these bytes matches: single-part MD5, or our multipart layout. */
    boolean matchesEtag(String etag) {
        if (etag == null) {
            return false;
        }
        return etag.equals(md5) || etag.equals(uploaderMultipartEtag);
    }

    /** Extra reads of an S3 object whose connection broke mid-body (reset, body cut short). */
    static final int BROKEN_READ_RETRIES = 3;

    /**
     * Hashes an object; empty when it does not exist (any more). Honours thread interruption. A
     * remote read whose connection broke part-way is read again from the start (a few times); if
     * it keeps breaking, the failure is {@link StorageException.Kind#UNREACHABLE} (transient), not a
     * local I/O error.
     */
    static Optional<ContentHashes> of(ObjectStore store, String key) throws StorageException {
        boolean remote = store.uri() instanceof StoreUri.S3;
        for (int attempt = 0; ; attempt++) {
            Optional<InputStream> opened = store.openStream(key);
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = opened.get()) {
                return Optional.of(of(in));
            } catch (java.io.InterruptedIOException e) {
                throw new StorageException(StorageException.Kind.CANCELLED, key, "Cancelled while reading " + key + " to checksum it", e);
            } catch (IOException e) {
                if (!remote) {
                    throw new StorageException(StorageException.Kind.IO, key, "Could not read " + key + " to checksum it: " + e.getMessage(), e);
                }
                if (attempt >= BROKEN_READ_RETRIES || Thread.currentThread().isInterrupted()) {
                    throw new StorageException(StorageException.Kind.UNREACHABLE, key, "Could not read " + key
                            + " to checksum it: the connection broke " + (attempt + 1) + " time(s) mid-body (" + e.getMessage() + ")", e);
                }
                try {
                    Thread.sleep(20L << attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StorageException(StorageException.Kind.CANCELLED, key, "Cancelled while reading " + key, ie);
                }
            }
        }
    }

    static ContentHashes of(InputStream in) throws IOException {
        MessageDigest sha = Hashing.sha256();
        MessageDigest md5 = Hashing.md5();
        MessageDigest partMd5 = Hashing.md5();
        MessageDigest partsOfParts = Hashing.md5();
        byte[] buf = new byte[256 * 1024];
        long total = 0;
        long inPart = 0;
        int parts = 0;
        // the part size depends on the final size, unknown while streaming: track the default layout,
        // which is the only one used below 78 GiB (10,000 × 8 MiB)
        long partSize = S3ObjectStore.PART_SIZE;
        int n;
        while ((n = in.read(buf)) > 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("cancelled");
            }
            sha.update(buf, 0, n);
            md5.update(buf, 0, n);
            int off = 0;
            while (off < n) {
                int take = (int) Math.min(n - off, partSize - inPart);
                partMd5.update(buf, off, take);
                inPart += take;
                off += take;
                if (inPart == partSize) {
                    partsOfParts.update(partMd5.digest());
                    parts++;
                    inPart = 0;
                }
            }
            total += n;
        }
        if (inPart > 0) {
            partsOfParts.update(partMd5.digest());
            parts++;
        }
        String multipart = S3ObjectStore.usesMultipart(total) && S3ObjectStore.partSizeFor(total) == partSize
                ? Hashing.hex(partsOfParts.digest()) + "-" + parts : null;
        return new ContentHashes(total, Hashing.hex(sha.digest()), Hashing.hex(md5.digest()), multipart);
    }
}
