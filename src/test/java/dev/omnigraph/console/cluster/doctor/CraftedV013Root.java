package dev.omnigraph.console.cluster.doctor;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.demo.V013Fixtures;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Test helper: a v0.13 storage root made of the v0.13 fixtures ({@code storage-root-v2/}: ledger
 * after three deployments, {@code serve} lock, catalog blobs, three bundles) plus one stand-in
 * object in the {@code knowledge} graph root, so each test swaps or breaks exactly one thing.
 */
public final class CraftedV013Root {
    public static final String OUTSTANDING_BUNDLE = "0645bb19d942460886aa2d3166c74570091db872de0772b654e1f828b74e2c5c";

    private CraftedV013Root() {}

    /** The fixture control plane, optionally without its {@code serve} lock, and a graph root for {@code knowledge}. */
    public static void write(ObjectStore store, boolean withServeLock) throws StorageException {
        Path root = V013Fixtures.dir().resolve("storage-root-v2");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (!withServeLock && key.equals(ClusterLayout.LOCK)) {
                    continue;
                }
                CraftedCluster.put(store, key, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CraftedCluster.put(store, ClusterLayout.graphPrefix("knowledge") + "__manifest/_versions/1.manifest", "m".getBytes(UTF_8));
    }

    /** Replaces the ledger with a fixture file (e.g. {@code ledgers/state.v2.outstanding.json}). */
    public static void ledger(ObjectStore store, String fixture) throws StorageException {
        CraftedCluster.replace(store, ClusterLayout.STATE, V013Fixtures.bytes(fixture));
    }

    /** Adds the outstanding deployment: its ledger and its bundle. */
    public static void outstanding(ObjectStore store) throws StorageException {
        ledger(store, "ledgers/state.v2.outstanding.json");
        CraftedCluster.put(store, bundleKey(OUTSTANDING_BUNDLE), V013Fixtures.bytes("bundles/" + OUTSTANDING_BUNDLE + ".json"));
    }

    /** Replaces (or writes) the lock with a fixture lock (e.g. {@code locks/lock.deployment.json}). */
    public static void lock(ObjectStore store, String fixture) throws StorageException {
        if (store.stat(ClusterLayout.LOCK).isPresent()) {
            CraftedCluster.replace(store, ClusterLayout.LOCK, V013Fixtures.bytes(fixture));
        } else {
            CraftedCluster.put(store, ClusterLayout.LOCK, V013Fixtures.bytes(fixture));
        }
    }

    public static String bundleKey(String digest) {
        return ClusterLayout.RESOURCES + "deployment/" + digest + ".json";
    }
}
