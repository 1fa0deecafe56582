package dev.omnigraph.console.storage;

import java.time.Instant;

/**
 * One object as a listing or a stat sees it.
 *
 * @param key          key relative to the store's root, '/'-separated
 * @param size         size in bytes
 * @param lastModified last modification time (may be {@link Instant#EPOCH} when unknown)
 * @param etag         the S3 ETag without quotes, or {@code null} where the backend has none in
 *                     listings (local files: the version token is a content hash, computed on read)
 */
public record ObjectInfo(String key, long size, Instant lastModified, String etag) {
    /** True when the ETag has the multipart shape {@code <md5>-<parts>}. */
    public boolean multipartEtag() {
        return etag != null && etag.indexOf('-') > 0;
    }
}
