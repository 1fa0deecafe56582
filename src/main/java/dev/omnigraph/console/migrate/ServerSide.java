package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.StoreUri;

/** When objects can be copied by the server itself (S3 CopyObject) instead of through the console. */
final class ServerSide {
    private ServerSide() {}

    /** Both roots are on S3 with the same endpoint, region and principal. */
    static boolean possible(Endpoint source, Endpoint destination) {
        return source.uri() instanceof StoreUri.S3 && destination.uri() instanceof StoreUri.S3
                && source.s3().endpointIdentity().equals(destination.s3().endpointIdentity());
    }
}
