package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import dev.omnigraph.console.testing.ForwardingStore;
import dev.omnigraph.console.storage.StorageException;

/** Cluster roots for backup tests: demo clusters (ledger v1) and the shared v0.13 root (ledger v2, a serve lock) with graph data. */
public final class BackupTestRoots {
    private BackupTestRoots() {}

    /** A small demo cluster with many small objects and no lock. */
    public static void demo(ObjectStore store, int smallObjects) throws StorageException {
        DemoClusterGenerator.write(store, new DemoOptions("bk", false, false, Duration.ZERO, 0, smallObjects, 8 * 1024, 0, 0, 5),
                Progress.NONE);
    }

    /** A demo cluster with one 12 MiB object (streamed, hashed in two reads) and a few small ones. */
    public static void demoWithLargeObject(ObjectStore store) throws StorageException {
        DemoClusterGenerator.write(store, new DemoOptions("bk-large", false, false, Duration.ZERO, 12L * 1024 * 1024, 20, 4 * 1024, 0, 0, 9),
                Progress.NONE);
    }

    /** The shared v0.13 storage root (ledger v2, catalog, bundles, a {@code serve} lock) plus Lance-like files in its graph root. */
    public static void v2WithServeLock(ObjectStore store) throws Exception {
        Trees.upload(fixture("storage-root-v2"), store);
        Random random = new Random(13);
        for (int i = 0; i < 12; i++) {
            byte[] data = new byte[2048 + random.nextInt(4096)];
            random.nextBytes(data);
            put(store, "graphs/knowledge.omni/nodes/person/data/" + i + ".lance", data);
        }
        put(store, "graphs/knowledge.omni/__manifest/_versions/1.manifest", "manifest-1".getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #v2WithServeLock} plus a demo cluster's graph objects under other graph ids (its control plane left out). */
    public static void v2WithServeLockAndDemo(ObjectStore store, int smallObjects) throws Exception {
        v2WithServeLock(store);
        demo(new Prefixed(store), smallObjects);
    }

    public static Path fixture(String name) {
        try {
            return Path.of(BackupTestRoots.class.getResource("/backup/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void put(ObjectStore store, String key, byte[] bytes) throws StorageException {
        PutResult r = store.put(key, bytes, WriteCondition.IF_ABSENT);
        if (!r.written()) {
            throw new IllegalStateException("could not write " + key);
        }
    }

    public static byte[] read(ObjectStore store, String key) throws StorageException {
        return store.read(key, 64L << 20).map(o -> o.bytes()).orElse(null);
    }

    /** The root's objects and their SHA-256, without the lock. */
    public static Map<String, String> withoutLock(ObjectStore store) throws StorageException {
        Map<String, String> out = new TreeMap<>(Trees.fingerprint(store));
        out.remove(ClusterLayout.LOCK);
        return out;
    }

    /** Puts demo objects under a second graph id so that they join the v2 root without touching its control plane. */
    private static final class Prefixed extends ForwardingStore {
        Prefixed(ObjectStore real) {
            super(real);
        }

        @Override
        public PutResult put(String key, byte[] content, WriteCondition c) throws StorageException {
            return key.startsWith("graphs/") ? real.put("graphs/demo-" + key.substring("graphs/".length()), content, c)
                    : new PutResult.Written("skipped");
        }

        @Override
        public PutResult putStream(String key, java.io.InputStream in, long size, WriteCondition c, java.util.function.LongConsumer p)
                throws StorageException {
            return key.startsWith("graphs/") ? real.putStream("graphs/demo-" + key.substring("graphs/".length()), in, size, c, p)
                    : new PutResult.Written("skipped");
        }
    }
}
