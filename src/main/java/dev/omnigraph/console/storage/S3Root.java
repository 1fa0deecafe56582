package dev.omnigraph.console.storage;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the parts of {@link S3ObjectStore} share: the root ({@code s3://bucket/prefix}), the SDK
 * clients and how keys and ETags are spelled.
 *
 * @param uri    the storage root
 * @param reads  the client for reads and listings (retries transport failures)
 * @param writes the client for writes that must not be re-sent blindly ({@link S3ClientFactory#createForWrites})
 * @param whole  the write client for bodies sent in one piece (buffered ones): no aws-chunked framing
 * @param direct small conditional PUTs without the SDK's pipeline (plain http endpoints), or null
 */
record S3Root(StoreUri.S3 uri, S3Client reads, S3Client writes, S3Client whole, S3DirectPut direct) {

    /** The clients for {@code uri}: reads, writes, whole bodies, and the direct PUT where the endpoint allows it. */
    static S3Root open(StoreUri.S3 uri, S3Settings settings) {
        return new S3Root(uri, S3ClientFactory.create(settings), S3ClientFactory.createForWrites(settings, true),
                S3ClientFactory.createForWrites(settings, false), S3DirectPut.forSettings(settings, S3ClientFactory.credentials(settings),
                S3ClientFactory.region(settings)).orElse(null));
    }

    String bucket() {
        return uri.bucket();
    }

    String objectKey(String key) throws StorageException {
        return uri.objectKey(Keys.check(key));
    }

    String display(String key) {
        return "s3://" + uri.bucket() + "/" + uri.objectKey(key);
    }

    String relative(String fullKey) {
        return uri.prefix().isEmpty() ? fullKey : fullKey.substring(uri.prefix().length() + 1);
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    static String quote(String token) {
        return token.startsWith("\"") ? token : "\"" + token + "\"";
    }

    void close() {
        reads.close();
        writes.close();
        whole.close();
        if (direct != null) {
            direct.close();
        }
    }
}
