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
 * @param plannedConcurrency the transfers the admin asked for, which the plan's estimate assumes (the wizard's spinner);
 *                       {@code settings.concurrency()} is the ceiling the copy starts its workers with. 0: the ceiling.
 *
 * <p>The request sizes the S3 connection pools of both roots for its transfers
 * ({@link #poolFor(int)}), so no caller has to: the pool is never the bottleneck.
 */
public record MigrationRequest(ClusterLocation cluster, S3Settings sourceS3, Endpoint destination, CopySettings settings, boolean deepVerify,
                               Optional<String> takeOverLockId, int plannedConcurrency) {
    public MigrationRequest {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(destination, "destination");
        settings = settings == null ? CopySettings.defaults() : settings;
        takeOverLockId = takeOverLockId == null ? Optional.empty() : takeOverLockId;
        plannedConcurrency = plannedConcurrency <= 0 ? settings.concurrency() : Math.min(plannedConcurrency, settings.concurrency());
        int pool = poolFor(settings.concurrency());
        sourceS3 = sourceS3 == null || sourceS3.maxConnections() >= pool ? sourceS3 : sourceS3.withMaxConnections(pool);
        S3Settings d = destination.s3();
        destination = d == null || d.maxConnections() >= pool ? destination : new Endpoint(destination.uri(), d.withMaxConnections(pool));
    }

    /** A request whose plan estimate assumes as many transfers as its workers ({@code settings.concurrency()}). */
    public MigrationRequest(ClusterLocation cluster, S3Settings sourceS3, Endpoint destination, CopySettings settings, boolean deepVerify,
                            Optional<String> takeOverLockId) {
        this(cluster, sourceS3, destination, settings, deepVerify, takeOverLockId, 0);
    }

    /**
     * HTTP connections per S3 client for {@code transfers} in flight: a streamed transfer holds a
     * read and a write connection, and listings and checks run beside them.
     */
    public static int poolFor(int transfers) {
        return transfers * 2 + 8;
    }

    public Endpoint source() {
        return new Endpoint(cluster.root(), sourceS3);
    }
}
