package dev.omnigraph.console.demo;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.doctor.CanonicalRoot;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an OmniGraph v0.13 demo cluster ({@link V013Scenario}) to a storage root: the graph root of
 * {@code knowledge} (a Lance-like tree), catalog blobs, deployment bundles, then the v2 ledger, then
 * the lock. Every write is create-only; the ledger comes after everything it references. Running it
 * again on the same root changes nothing; a root holding something else is refused.
 */
public final class V013ClusterGenerator {
    private V013ClusterGenerator() {}

    public static DemoClusterGenerator.Result write(ObjectStore store, DemoKind kind, String name, long seed, long bigFileBytes,
                                                    Progress progress) throws StorageException {
        String root = canonicalRoot(store.uri());
        V013Scenario scenario = switch (kind) {
            case SERVING -> V013Scenario.serving(name, root);
            case OUTSTANDING -> V013Scenario.outstanding(name, root);
            default -> throw new IllegalArgumentException(kind + " is not a v0.13 demo");
        };
        List<GraphTreeWriter.PlannedObject> plan = new ArrayList<>(GraphTreeWriter.plan(new GraphTreeWriter.GraphShape("knowledge",
                V013Sources.SCHEMA_KNOWLEDGE, 3, 2, 4, 3, 8_192, 2L * 1024 * 1024, bigFileBytes), seed));
        for (Map.Entry<String, byte[]> e : scenario.objects().entrySet()) {
            plan.add(new GraphTreeWriter.PlannedObject(e.getKey(), e.getValue().length, 0, e.getValue()));
        }
        long[] totals = DemoClusterGenerator.writeAll(store, plan, progress);
        DemoClusterGenerator.putLiteral(store, ClusterLayout.STATE, scenario.state());
        totals[0]++;
        totals[1] += scenario.state().length;
        Optional<String> lockId = Optional.empty();
        if (scenario.lock().isPresent()) {
            byte[] lock = scenario.lock().get().toBytes();
            if (store.put(ClusterLayout.LOCK, lock, dev.omnigraph.console.storage.WriteCondition.IF_ABSENT) instanceof PutResult.Written) {
                lockId = Optional.of(scenario.lock().get().lockId());
                totals[0]++;
                totals[1] += lock.length;
            }
        }
        return new DemoClusterGenerator.Result(store.uri().display(), totals[0], totals[1],
                dev.omnigraph.console.cluster.model.Digests.stateCas(scenario.state()), lockId);
    }

    /**
     * The canonical root v0.13 records in bundles (spec §1.1): {@code file://} + the
     * symlink-resolved path for a folder, the normalized {@code s3://bucket/prefix} otherwise.
     */
    static String canonicalRoot(StoreUri uri) throws StorageException {
        if (uri instanceof StoreUri.Local local) {
            try {
                java.nio.file.Files.createDirectories(local.root());
            } catch (IOException e) {
                throw new StorageException(StorageException.Kind.IO, "", "Cannot create the demo folder " + local.root()
                        + ": " + e.getMessage(), e);
            }
        }
        return CanonicalRoot.of(uri);
    }
}
