package dev.omnigraph.console.testing;

import dev.omnigraph.console.s3server.LocalS3Server;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real S3 server (s3proxy over HTTP on 127.0.0.1) shared by every test in the JVM, started on
 * first use. Each test takes fresh buckets, so tests never see each other's objects.
 */
public final class S3TestServer {
    private static LocalS3Server server;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private S3TestServer() {}

    public static synchronized LocalS3Server get() {
        if (server == null) {
            try {
                server = LocalS3Server.startInMemory();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the loopback S3 server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** Settings that reach the test server: static keys, path style, more attempts (races drop connections). */
    public static S3Settings settings() {
        LocalS3Server s = get();
        return new S3Settings(s.endpoint(), "us-east-1", true, null,
                new S3Settings.StaticKeys(s.accessKey(), s.secretKey(), null), true, 64, Duration.ofSeconds(5), 5);
    }

    /** A new, empty bucket whose name starts with {@code hint}. */
    public static String newBucket(String hint) {
        String name = (hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-" + BUCKETS.incrementAndGet())
                .replaceAll("-+", "-");
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        if (!Character.isLetterOrDigit(name.charAt(0))) {
            name = "b" + name;
        }
        get().createBucket(name);
        return name;
    }

    /** A root {@code s3://<new bucket>/<prefix>}. */
    public static StoreUri.S3 newRoot(String hint, String prefix) {
        return new StoreUri.S3(newBucket(hint), prefix);
    }
}
