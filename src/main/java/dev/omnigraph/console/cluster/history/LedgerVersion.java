package dev.omnigraph.console.cluster.history;

import java.time.Instant;

/**
 * One stored version of {@code __cluster/state.json} in a versioned bucket, as the version listing
 * gives it (no bytes read). {@link LedgerHistory#details} reads the bytes for revision and CAS.
 *
 * @param versionId    the S3 version id
 * @param lastModified when that version was written
 * @param size         its size in bytes (0 for a delete marker)
 * @param etag         its ETag, without quotes (null for a delete marker)
 * @param latest       whether it is the current version
 * @param deleteMarker whether it is a delete marker (the ledger was deleted at that point)
 */
public record LedgerVersion(String versionId, Instant lastModified, long size, String etag, boolean latest,
                            boolean deleteMarker) {}
