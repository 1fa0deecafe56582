package dev.omnigraph.console.cluster.history;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One ledger the console observed, kept in its local cache (see {@link LedgerObservationCache}).
 *
 * @param cas       {@code sha256:<hex>} of the exact bytes (the cache key)
 * @param revision  its {@code state_revision}
 * @param size      bytes
 * @param firstSeen when the console first read this exact ledger
 * @param lastSeen  when the console last read it
 * @param file      where the bytes are
 */
public record CachedLedger(String cas, long revision, long size, Instant firstSeen, Instant lastSeen, Path file) {

    /** The hex part of the CAS. */
    public String hex() {
        return cas.startsWith("sha256:") ? cas.substring(7) : cas;
    }
}
