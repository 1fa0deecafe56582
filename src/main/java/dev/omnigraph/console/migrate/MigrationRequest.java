package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.storage.S3Settings;
import java.util.Objects;
import java.util.Optional;

/**
 * What to migrate where, and how.
 *
 * @param cluster        the source cluster (its root, and its config folder when known)
 * @param sourceS3       how to reach an S3 source (ignored for a local one)
 * @param destination    the new root
 * @param settings       concurrency, retries, memory budget
 * @param deepVerify     re-read every destination object during verify
 * @param takeOverLockId resume under the lock an interrupted migration left (its exact id)
 */
public record MigrationRequest(ClusterLocation cluster, S3Settings sourceS3, Endpoint destination, CopySettings settings, boolean deepVerify,
                               Optional<String> takeOverLockId) {
    public MigrationRequest {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(destination, "destination");
        settings = settings == null ? CopySettings.defaults() : settings;
        takeOverLockId = takeOverLockId == null ? Optional.empty() : takeOverLockId;
    }

    public Endpoint source() {
        return new Endpoint(cluster.root(), sourceS3);
    }
}
