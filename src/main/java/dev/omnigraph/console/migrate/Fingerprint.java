package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.ObjectInfo;
import java.time.Instant;

/**
 * The cheap version of an object that a listing gives for free, used to tell whether an object is
 * still the one a checksum was recorded for: {@code etag:<etag>} on S3 (the ETag changes with every
 * write), {@code mtime:<size>:<seconds>.<nanos>} in a local folder (the console publishes files
 * with a hard link or rename, so a later rewrite changes the modification time).
 */
final class Fingerprint {
    private Fingerprint() {}

    static String of(ObjectInfo info, boolean local) {
        if (!local && info.etag() != null && !info.etag().isEmpty()) {
            return "etag:" + info.etag();
        }
        Instant t = info.lastModified() == null ? Instant.EPOCH : info.lastModified();
        return "mtime:" + info.size() + ":" + t.getEpochSecond() + "." + t.getNano();
    }

    /** The fingerprint of an S3 object that a write just returned the ETag of. */
    static String ofEtag(String etag) {
        return "etag:" + etag;
    }

    /** The ETag inside an {@code etag:} fingerprint, or null. */
    static String etag(String fingerprint) {
        return fingerprint != null && fingerprint.startsWith("etag:") ? fingerprint.substring(5) : null;
    }
}
