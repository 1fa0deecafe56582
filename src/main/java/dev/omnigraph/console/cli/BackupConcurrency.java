package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupOptions;
import picocli.CommandLine.Option;

/** {@code --concurrency N} of the backup and restore commands: objects in flight, 1 to {@link BackupOptions#MAX_CONCURRENCY}. */
final class BackupConcurrency {
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + BackupOptions.DEFAULT_CONCURRENCY,
            description = "objects in flight (default " + BackupOptions.DEFAULT_CONCURRENCY + ")")
    int concurrency;

    int value() throws UsageException {
        if (concurrency < 1 || concurrency > BackupOptions.MAX_CONCURRENCY) {
            throw new UsageException("--concurrency must be between 1 and " + BackupOptions.MAX_CONCURRENCY);
        }
        return concurrency;
    }
}
