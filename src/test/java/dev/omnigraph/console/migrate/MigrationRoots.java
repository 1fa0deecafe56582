package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.S3TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Test roots for migrations: fresh endpoints on either backend, demo clusters, and cleanup of S3 test data. */
final class MigrationRoots {
    private static final AtomicInteger N = new AtomicInteger();

    private MigrationRoots() {}

    /**
     * A migration-ready demo cluster (its 12 MiB file is sent buffered in one PUT) plus a 20 MiB
     * object (one streamed PUT) and a 33 MiB object (a multipart upload, 5 parts): every upload path.
     */
    static DemoOptions quietWithMultipart() {
        return DemoOptions.quiet().withBulk(1, 20L * 1024 * 1024, 1, 33L * 1024 * 1024);
    }

    /** A small migration-ready cluster with many small objects (fast, and long enough to interrupt). */
    static DemoOptions manySmall(int count) {
        return new DemoOptions("many", false, false, Duration.ZERO, 0, count, 8 * 1024, 0, 0, 3);
    }

    static Endpoint endpoint(Backend backend, Path temp, String hint) {
        return switch (backend) {
            case FILE -> {
                try {
                    yield Endpoint.local(Files.createDirectories(temp.resolve(hint + "-" + N.incrementAndGet())));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            case S3 -> new dev.omnigraph.console.migrate.Endpoint(S3TestServer.newRoot(hint, "clusters/" + hint), S3TestServer.settings());
        };
    }

    static DemoClusterGenerator.Result writeDemo(Endpoint endpoint, DemoOptions options) throws StorageException {
        try (ObjectStore store = endpoint.open()) {
            return DemoClusterGenerator.write(store, options, Progress.NONE);
        }
    }

    static Map<String, String> fingerprint(Endpoint endpoint) throws StorageException {
        try (ObjectStore store = endpoint.open()) {
            return dev.omnigraph.console.testing.Trees.fingerprint(store);
        }
    }

    static Map<String, String> withoutLock(Map<String, String> tree) {
        Map<String, String> out = new TreeMap<>(tree);
        out.remove(ClusterLayout.LOCK);
        return out;
    }

    static Map<String, String> withoutLedger(Map<String, String> tree) {
        Map<String, String> out = withoutLock(tree);
        out.remove(ClusterLayout.STATE);
        return out;
    }

    static byte[] read(Endpoint endpoint, String key) throws StorageException {
        try (ObjectStore store = endpoint.open()) {
            return store.read(key, 64L << 20).map(o -> o.bytes()).orElse(null);
        }
    }

    /** Frees the in-memory S3 server's heap after a test (deletes every object of a scratch root). */
    static void discard(Endpoint endpoint) {
        if (endpoint == null || endpoint.isLocal()) {
            return;
        }
        try (ObjectStore store = endpoint.open(); Stream<ObjectInfo> s = store.list("")) {
            List<String> keys = s.map(ObjectInfo::key).toList();
            for (String k : keys) {
                store.deleteUnconditionally(k);
            }
        } catch (StorageException | RuntimeException ignored) {
            // best effort: only memory is at stake
        }
    }
}
