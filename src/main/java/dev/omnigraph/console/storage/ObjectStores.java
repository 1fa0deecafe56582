package dev.omnigraph.console.storage;

/** Opens the right backend for a storage root. */
public final class ObjectStores {
    private ObjectStores() {}

    public static ObjectStore open(StoreUri uri, S3Settings s3) {
        return switch (uri) {
            case StoreUri.S3 s -> new S3ObjectStore(s, s3 == null ? S3Settings.fromEnvironment() : s3);
            case StoreUri.Local l -> new FileObjectStore(l);
        };
    }
}
