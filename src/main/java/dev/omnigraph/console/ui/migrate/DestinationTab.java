package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import java.util.Optional;

/** Finish's "Open destination": the connection to the new root, as the migration reached it. */
final class DestinationTab {
    private DestinationTab() {}

    /**
     * The destination under the cluster's name, with the S3 settings (endpoint, path style and any
     * session-only keys) the migration used; a folder destination keeps the source's settings.
     */
    static ConnectionSpec spec(ClusterLocation cluster, Endpoint destination, S3Settings sourceS3) {
        S3Settings s3 = destination.s3() != null ? destination.s3() : sourceS3 != null ? sourceS3 : S3Input.environment(System.getenv());
        return new ConnectionSpec(new ClusterLocation(destination.uri(), Optional.empty(), cluster.name()), s3);
    }
}
