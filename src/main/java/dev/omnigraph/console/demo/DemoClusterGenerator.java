package dev.omnigraph.console.demo;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a realistic OmniGraph cluster to any storage root, consistent the way upstream would
 * leave it: graph roots with Lance-like trees whose {@code _schema.pg} hashes to the ledger's
 * schema digests, catalog blobs named by their SHA-256 (plus one orphaned older version), graph
 * composites that verify, a consumed and a pending approval, a tombstone, optionally a pending
 * recovery sidecar and a lock left behind by a crashed apply.
 *
 * <p>The definitions and their digests are {@link DemoCatalog}, the ledger and its documents
 * {@link DemoLedger}. Every write is create-only, and the ledger is written last. Running it again on the same
 * root with the same options changes nothing; on a root holding something else it refuses.
 */
public final class DemoClusterGenerator {

    /** What was written. */
    public record Result(String root, long objects, long bytes, String stateCas, Optional<String> lockId) {}

    private DemoClusterGenerator() {}

    public static Result write(ObjectStore store, DemoOptions options, Progress progress) throws StorageException {
        Instant now = Instant.now();
        String root = store.uri().display();
        List<GraphTreeWriter.PlannedObject> plan = new ArrayList<>(graphTrees(options));
        DemoCatalog catalog = new DemoCatalog();
        plan.addAll(catalog.blobs());
        DemoLedger ledger = new DemoLedger(options, now, root, catalog);
        byte[] ledgerBytes = ledger.stateBytes();
        String cas = Digests.stateCas(ledgerBytes);
        plan.addAll(ledger.approvals());
        if (options.recoverySidecar()) {
            plan.add(ledger.recoverySidecar(cas));
        }

        long[] totals = writeAll(store, plan, progress);
        // the ledger last: it is what makes the root a cluster
        putLiteral(store, ClusterLayout.STATE, ledgerBytes);
        totals[0]++;
        totals[1] += ledgerBytes.length;
        Optional<String> lockId = Optional.empty();
        if (options.heldLock()) {
            LockFile lock = LockFile.create("apply", now.minus(options.lockAge()), 48_213);
            PutResult r = store.put(ClusterLayout.LOCK, lock.toBytes(), WriteCondition.IF_ABSENT);
            if (r instanceof PutResult.Written) {
                lockId = Optional.of(lock.lockId());
                totals[0]++;
            }
        }
        return new Result(root, totals[0], totals[1], cas, lockId);
    }

    /** The graph roots' Lance-like trees (knowledge, support, scratch) and the optional bulk graph. */
    private static List<GraphTreeWriter.PlannedObject> graphTrees(DemoOptions options) {
        List<GraphTreeWriter.PlannedObject> plan = new ArrayList<>();
        plan.addAll(GraphTreeWriter.plan(new GraphTreeWriter.GraphShape("knowledge", DemoSources.KNOWLEDGE_SCHEMA, 3, 2, 4, 3, 8_192,
                2L * 1024 * 1024, options.bigFileBytes()), options.seed()));
        plan.addAll(GraphTreeWriter.plan(new GraphTreeWriter.GraphShape("support", DemoSources.SUPPORT_SCHEMA, 2, 1, 6, 4, 4_096,
                512L * 1024, 0), options.seed()));
        plan.addAll(GraphTreeWriter.plan(new GraphTreeWriter.GraphShape("scratch", DemoSources.SCRATCH_SCHEMA_LIVE, 1, 0, 2, 1, 100,
                4_096, 0), options.seed()));
        if (options.bulkSmall() > 0 || options.bulkLarge() > 0) {
            plan.addAll(bulk(options));
        }
        return plan;
    }

    private static List<GraphTreeWriter.PlannedObject> bulk(DemoOptions o) {
        List<GraphTreeWriter.PlannedObject> out = new ArrayList<>();
        String base = ClusterLayout.graphPrefix("bulk");
        out.add(GraphTreeWriter.PlannedObject.literal(base + "_schema.pg", "node Blob {\n  key: String @key\n}\n"));
        for (int i = 0; i < o.bulkSmall(); i++) {
            out.add(new GraphTreeWriter.PlannedObject(String.format("%snodes/00000000000000a1-0000000000000001/data/%05d.lance", base, i),
                    o.bulkSmallBytes(), o.seed() * 1_000_003L + i, null));
        }
        for (int i = 0; i < o.bulkLarge(); i++) {
            out.add(new GraphTreeWriter.PlannedObject(String.format("%snodes/00000000000000b2-0000000000000001/data/large-%03d.lance", base, i),
                    o.bulkLargeBytes(), o.seed() * 7_000_001L + i, null));
        }
        return out;
    }

    static long[] writeAll(ObjectStore store, List<GraphTreeWriter.PlannedObject> plan, Progress progress) throws StorageException {
        long totalBytes = plan.stream().mapToLong(GraphTreeWriter.PlannedObject::size).sum();
        AtomicLong doneBytes = new AtomicLong();
        AtomicLong doneObjects = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (GraphTreeWriter.PlannedObject p : plan) {
                futures.add(pool.submit(() -> {
                    progress.checkCancelled();
                    if (p.literal() != null) {
                        putLiteral(store, p.key(), p.literal());
                    } else {
                        putSeeded(store, p);
                    }
                    long n = doneObjects.incrementAndGet();
                    progress.progress(doneBytes.addAndGet(p.size()), totalBytes, "Wrote " + n + " of " + plan.size() + " objects");
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    if (e.getCause() instanceof StorageException se) {
                        throw se;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return new long[] {plan.size(), totalBytes};
    }

    static void putLiteral(ObjectStore store, String key, byte[] bytes) throws StorageException {
        PutResult r = store.put(key, bytes, WriteCondition.IF_ABSENT);
        if (r instanceof PutResult.PreconditionFailed) {
            boolean sameSize = store.stat(key).map(info -> info.size() == bytes.length).orElse(false);
            Optional<StoredObject> existing = sameSize ? store.read(key, bytes.length + 1L) : Optional.empty();
            if (existing.isEmpty() || !Arrays.equals(existing.get().bytes(), bytes)) {
                throw new StorageException(StorageException.Kind.IO, key,
                        "The root already holds a different " + key + ": the demo generator writes only to an empty root");
            }
        }
    }

    private static void putSeeded(ObjectStore store, GraphTreeWriter.PlannedObject p) throws StorageException {
        if (store.stat(p.key()).map(i -> i.size() == p.size()).orElse(false)) {
            return; // written by an earlier run with the same seed
        }
        try (InputStream in = new SeededContent(p.seed(), p.size())) {
            PutResult r = store.putStream(p.key(), in, p.size(), WriteCondition.IF_ABSENT, null);
            if (r instanceof PutResult.PreconditionFailed) {
                throw new StorageException(StorageException.Kind.IO, p.key(),
                        "The root already holds a different " + p.key() + ": the demo generator writes only to an empty root");
            }
        } catch (java.io.IOException e) {
            throw new StorageException(StorageException.Kind.IO, p.key(), e.getMessage(), e);
        }
    }
}
