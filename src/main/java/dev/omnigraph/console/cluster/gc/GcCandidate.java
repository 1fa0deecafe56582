package dev.omnigraph.console.cluster.gc;

import java.time.Instant;

/**
 * An orphaned catalog blob the GC would delete: nothing in the ledger, a pending approval or a
 * recovery sidecar refers to it.
 *
 * @param etag the ETag the listing saw (S3), used for the conditional delete; null for local folders
 */
public record GcCandidate(String key, String address, String digest, long size, String etag, Instant lastModified) {}
