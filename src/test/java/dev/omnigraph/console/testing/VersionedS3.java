package dev.omnigraph.console.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.omnigraph.console.storage.S3Settings;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * A loopback S3 server whose buckets keep versions. S3Mock is the only loopback server here with
 * bucket versioning (s3proxy answers 501); it takes long to start, so it is started once per test
 * JVM, shared by every class that needs ledger history, and stopped when the JVM exits.
 */
public final class VersionedS3 {
    private static S3MockApplication server;
    private static S3Settings settings;
    private static final Set<String> BUCKETS = new HashSet<>();

    private VersionedS3() {}

    /** Settings for the shared server (started on first use). */
    @SuppressWarnings("deprecation") // getHttpPort: the plain-HTTP connector is what the tests use
    public static synchronized S3Settings settings() {
        if (server == null) {
            long t0 = System.nanoTime();
            server = S3MockApplication.start(new java.util.HashMap<>(Map.of(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT, S3MockApplication.PROP_SILENT, true,
                    "server.address", "127.0.0.1")));
            System.out.printf("S3Mock started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            settings = new S3Settings("http://127.0.0.1:" + server.getHttpPort(), "us-east-1", true, null,
                    new S3Settings.StaticKeys("test", "test", null), true, 8, Duration.ofSeconds(5), 3);
            S3MockApplication started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "s3mock-stop"));
        }
        return settings;
    }

    /** Creates {@code bucket} with versioning enabled (once) and returns the server's settings. */
    public static synchronized S3Settings bucket(String bucket) {
        S3Settings s = settings();
        if (BUCKETS.add(bucket)) {
            try (S3Client admin = S3Client.builder().endpointOverride(URI.create(s.endpoint())).region(Region.US_EAST_1)
                    .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build()) {
                admin.createBucket(b -> b.bucket(bucket));
                admin.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            }
        }
        return s;
    }
}
