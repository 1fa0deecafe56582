package dev.omnigraph.console.demo;

import java.time.Duration;

/**
 * What the demo generator writes.
 *
 * @param name            the cluster's display name (written into nothing but the report)
 * @param recoverySidecar write a pending schema_apply sidecar (blocks migrations, as upstream data would)
 * @param heldLock        leave a lock held by a crashed "apply"
 * @param lockAge         how long ago that lock was taken
 * @param bigFileBytes    one large data file in the main graph (0 for none)
 * @param bulkSmall       extra small objects (for benchmarks), in a bulk graph
 * @param bulkSmallBytes  size of each
 * @param bulkLarge       extra large objects (for benchmarks)
 * @param bulkLargeBytes  size of each
 * @param seed            content seed: one seed, identical trees
 */
public record DemoOptions(String name, boolean recoverySidecar, boolean heldLock, Duration lockAge, long bigFileBytes,
                          int bulkSmall, long bulkSmallBytes, int bulkLarge, long bulkLargeBytes, long seed) {

    /** The cluster the window opens when started without arguments: a story to browse. */
    public static DemoOptions showcase() {
        return new DemoOptions("company-brain", true, true, Duration.ofHours(3).plusMinutes(12), 24L * 1024 * 1024, 0, 0, 0, 0, 42);
    }

    /** A healthy cluster with no sidecar and no lock: ready to migrate. */
    public static DemoOptions quiet() {
        return new DemoOptions("analytics", false, false, Duration.ZERO, 12L * 1024 * 1024, 0, 0, 0, 0, 7);
    }

    /** Small and fast, for tests. */
    public static DemoOptions small() {
        return new DemoOptions("test-cluster", true, false, Duration.ZERO, 0, 0, 0, 0, 0, 1);
    }

    /** The benchmark's reference data: 2,000 × 16 KiB and 20 × 32 MiB, plus the Lance-like trees. */
    public static DemoOptions benchmark() {
        return new DemoOptions("bench", false, false, Duration.ZERO, 0, 2_000, 16 * 1024, 20, 32L * 1024 * 1024, 11);
    }

    public DemoOptions withRecoverySidecar(boolean value) {
        return new DemoOptions(name, value, heldLock, lockAge, bigFileBytes, bulkSmall, bulkSmallBytes, bulkLarge, bulkLargeBytes, seed);
    }

    public DemoOptions withHeldLock(boolean value) {
        return new DemoOptions(name, recoverySidecar, value, lockAge.isZero() ? Duration.ofMinutes(5) : lockAge, bigFileBytes,
                bulkSmall, bulkSmallBytes, bulkLarge, bulkLargeBytes, seed);
    }

    public DemoOptions withBulk(int small, long smallBytes, int large, long largeBytes) {
        return new DemoOptions(name, recoverySidecar, heldLock, lockAge, bigFileBytes, small, smallBytes, large, largeBytes, seed);
    }
}
