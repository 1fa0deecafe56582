package dev.omnigraph.console.backup;

import java.util.Optional;

/**
 * How a restore point is taken or restored.
 *
 * @param writersStopped the admin confirmed that every server, apply and graph writer of the cluster is stopped
 * @param takeOverLockId the exact id of a held lock to take over (a stopped server's, or one a killed run left)
 * @param concurrency    objects in flight at once
 */
public record BackupOptions(boolean writersStopped, Optional<String> takeOverLockId, int concurrency) {
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 64;

    public BackupOptions {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
        }
        takeOverLockId = takeOverLockId.map(String::trim).filter(s -> !s.isEmpty());
    }

    public static BackupOptions of(boolean writersStopped) {
        return new BackupOptions(writersStopped, Optional.empty(), DEFAULT_CONCURRENCY);
    }

    public BackupOptions takingOver(String lockId) {
        return new BackupOptions(writersStopped, Optional.ofNullable(lockId), concurrency);
    }
}
