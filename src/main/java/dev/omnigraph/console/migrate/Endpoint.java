package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.util.Objects;

/**
 * One side of a migration: a storage root and how to reach it. The S3 settings are ignored for
 * local roots. Never persisted with its credentials: {@link #describe()} names the endpoint and
 * region only.
 */
public record Endpoint(StoreUri uri, S3Settings s3) {
    public Endpoint {
        Objects.requireNonNull(uri, "uri");
        if (uri instanceof StoreUri.S3 && s3 == null) {
            s3 = S3Settings.fromEnvironment();
        }
    }

    public static Endpoint local(java.nio.file.Path root) {
        return new Endpoint(new StoreUri.Local(root), null);
    }

    public ObjectStore open() {
        return ObjectStores.open(uri, s3);
    }

    public boolean isLocal() {
        return uri instanceof StoreUri.Local;
    }

    public String display() {
        return uri.display();
    }

    /** Where it is, for reports and messages: the root plus the endpoint and region (never credentials). */
    public String describe() {
        if (uri instanceof StoreUri.S3) {
            return uri.display() + " (" + (s3.endpoint() == null ? "AWS" : s3.endpoint()) + ", " + s3.regionOrDefault() + ")";
        }
        return uri.display();
    }

    /** Identifies the root across runs (endpoint + root), for the resume journal's file name. */
    public String identity() {
        if (uri instanceof StoreUri.S3) {
            return "s3|" + (s3.endpoint() == null ? "aws" : s3.endpoint()) + "|" + uri.display();
        }
        return "file|" + uri.display();
    }
}
