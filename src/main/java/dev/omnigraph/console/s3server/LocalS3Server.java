package dev.omnigraph.console.s3server;

import dev.omnigraph.console.runtime.AppRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.options.CreateContainerOptions;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 server on 127.0.0.1 (s3proxy, with {@link KeyGuardedBlobStore} making its conditional
 * writes atomic). The tests use it, and so does the console's explicit "local S3 endpoint" demo
 * action, so a new admin can try a {@code file:// → s3://} migration without an account. It never
 * starts implicitly and never listens beyond loopback. Credentials are generated per start.
 */
public final class LocalS3Server implements AutoCloseable {
    static {
        ExpectedNoise.install();
    }

    private final S3Proxy proxy;
    private final BlobStore store;
    private final String accessKey;
    private final String secretKey;

    private LocalS3Server(S3Proxy proxy, BlobStore store, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.store = store;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts an in-memory server on a free loopback port. */
    public static LocalS3Server startInMemory() throws Exception {
        return start(new TransientNio2BlobStore(), 0);
    }

    /** Starts a server keeping its objects under {@code directory} (one sub-folder per bucket). */
    public static LocalS3Server startOnDisk(Path directory, int port) throws Exception {
        java.nio.file.Files.createDirectories(directory);
        return start(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()), port);
    }

    /** Starts a server over any blob store (tests wrap it, e.g. to inject faults). */
    public static LocalS3Server start(BlobStore backing, int port) throws Exception {
        SecureRandom random = new SecureRandom();
        String accessKey = "OGC" + HexFormat.of().withUpperCase().formatHex(random.generateSeed(8));
        String secretKey = HexFormat.of().formatHex(random.generateSeed(20));
        return start(backing, port, accessKey, secretKey);
    }

    /**
     * Starts a server with given credentials: a restarted server (same port, same keys, fresh
     * in-memory data) is reachable by clients that were talking to the one it replaces.
     */
    public static LocalS3Server start(BlobStore backing, int port, String accessKey, String secretKey) throws Exception {
        // the server's keys (generated, or a restarted server's): never in a log, report or dialog from now on
        AppRuntime.secrets(accessKey, secretKey);
        BlobStore guarded = new KeyGuardedBlobStore(backing);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(guarded)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .jettyMaxThreads(64)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                proxy.stop();
                throw new IllegalStateException("the local S3 server did not start within 10 s");
            }
            Thread.sleep(10);
        }
        return new LocalS3Server(proxy, guarded, accessKey, secretKey);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public int port() {
        return proxy.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Creates a bucket if it does not exist. */
    public void createBucket(String name) {
        if (!store.containerExists(name)) {
            store.createContainer(name, CreateContainerOptions.NONE);
        }
    }

    /**
     * The first-level names in a bucket (a folder prefix without its slash, or an object), sorted,
     * at most {@code max}: what the server holds, e.g. the clusters migrated to it. Empty for a
     * missing or empty bucket.
     */
    public java.util.List<String> topLevelNames(String bucket, int max) {
        if (!store.containerExists(bucket)) {
            return java.util.List.of();
        }
        var options = org.gaul.s3proxy.blobstore.options.ListContainerOptions.builder().delimiter("/").maxResults(max).build();
        return store.list(bucket, options).entries().stream().map(m -> m.name().endsWith("/")
                ? m.name().substring(0, m.name().length() - 1) : m.name()).sorted().limit(max).toList();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the local S3 server", e);
        }
    }
}
