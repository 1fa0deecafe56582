package dev.omnigraph.console.demo;

import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.util.List;

/**
 * The demo clusters the window opens when started without arguments, decided here and nowhere
 * else: the world admins run today first (OmniGraph v0.13: a serving cluster, one with an
 * outstanding deployment), then a v0.11 root that needs {@code cluster upgrade-ledger}, and one
 * that migrates cleanly.
 */
public final class DemoSet {

    /** One demo cluster: its folder/tab name and what it shows. */
    public record Entry(String name, DemoKind kind) {}

    private DemoSet() {}

    public static List<Entry> windowDefault() {
        return List.of(new Entry("knowledge-hub", DemoKind.SERVING), new Entry("knowledge-rollout", DemoKind.OUTSTANDING),
                new Entry(DemoOptions.showcase().name(), DemoKind.V1), new Entry(DemoOptions.quiet().name(), DemoKind.CLEAN));
    }

    /** Writes one demo of {@code kind} named {@code name} (create-only, ledger last). */
    public static DemoClusterGenerator.Result write(ObjectStore store, Entry entry, Progress progress) throws StorageException {
        return switch (entry.kind()) {
            case SERVING, OUTSTANDING -> V013ClusterGenerator.write(store, entry.kind(), entry.name(), 42, 8L * 1024 * 1024, progress);
            case V1 -> DemoClusterGenerator.write(store, named(DemoOptions.showcase(), entry.name()), progress);
            case CLEAN -> DemoClusterGenerator.write(store, named(DemoOptions.quiet(), entry.name()), progress);
        };
    }

    private static DemoOptions named(DemoOptions o, String name) {
        return new DemoOptions(name, o.recoverySidecar(), o.heldLock(), o.lockAge(), o.bigFileBytes(), o.bulkSmall(),
                o.bulkSmallBytes(), o.bulkLarge(), o.bulkLargeBytes(), o.seed());
    }
}
