package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.RecoverySidecar;
import dev.omnigraph.console.cluster.model.ReleasedLockRecord;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.UncheckedStorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Reads a {@link ClusterSnapshot}. Independent parts (ledger, lock, approvals, sidecars, catalog,
 * each graph root) are read in parallel, at most {@link #PARALLELISM} requests at a time.
 *
 * <p>Cost: one GET each for the ledger and lock, one GET per approval and sidecar, and a listing
 * of {@code __cluster/resources/} and {@code graphs/} (one LIST per 1,000 objects, the graph roots
 * listed concurrently). Memory grows with the number of graphs, tables and catalog blobs, never
 * with the number of graph data objects: those are folded into per-table counts as they stream.
 */
public final class ClusterReader {
    public static final int PARALLELISM = 8;

    private ClusterReader() {}

    public static ClusterSnapshot read(ObjectStore store, ClusterLocation location, Progress progress)
            throws StorageException {
        Instant started = Instant.now();
        AtomicLong listed = new AtomicLong();
        Semaphore permits = new Semaphore(PARALLELISM);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LedgerState> ledger = submit(pool, permits, () -> readLedger(store));
            Future<LockState> lock = submit(pool, permits, () -> readLock(store));
            Future<List<ApprovalEntry>> approvals = submit(pool, permits, () -> readApprovals(store, listed));
            Future<List<RecoveryEntry>> recoveries = submit(pool, permits, () -> readRecoveries(store, listed));
            Future<List<CatalogBlob>> blobs = submit(pool, permits, () -> listCatalog(store, listed, progress));
            Future<Map<String, GraphTally>> tallies = submit(pool, null, () -> listGraphs(store, pool, permits, listed, progress));

            LedgerState ledgerState = join(ledger);
            Optional<Ledger> parsed = ledgerState instanceof LedgerState.Present p ? Optional.of(p.ledger()) : Optional.empty();
            List<Diagnostic> diagnostics = new ArrayList<>();
            LockState lockState = join(lock);
            List<ApprovalEntry> approvalEntries = join(approvals);
            List<RecoveryEntry> recoveryEntries = join(recoveries);
            CatalogIndex catalog = CatalogIndex.build(join(blobs), parsed);
            List<GraphSummary> graphs = summarize(join(tallies), parsed);

            diagnostics.addAll(SnapshotDiagnostics.collect(ledgerState, lockState, approvalEntries, recoveryEntries, catalog));
            return new ClusterSnapshot(location, Instant.now(), Duration.between(started, Instant.now()), ledgerState, lockState,
                    approvalEntries, recoveryEntries, catalog, graphs, List.copyOf(diagnostics), listed.get());
        }
    }

    // ---- the parts -----------------------------------------------------------------------

    public static LedgerState readLedger(ObjectStore store) throws StorageException {
        Optional<StoredObject> object;
        try {
            object = store.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                return new LedgerState.Unreadable(Diagnostic.error("state_read_error", "state", e.getMessage()), null, -1);
            }
            throw e;
        }
        if (object.isEmpty()) {
            return new LedgerState.Missing();
        }
        StoredObject o = object.get();
        try {
            return new LedgerState.Present(Ledger.parse(o.bytes()), o.token(), o.lastModified());
        } catch (WireFormatException e) {
            return new LedgerState.Unreadable(e.diagnostic(), o.token(), o.size());
        }
    }

    public static LockState readLock(ObjectStore store) throws StorageException {
        Optional<StoredObject> object;
        try {
            object = store.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                // the code LockFile.parse gives bytes it cannot take as text (upstream: state_lock_read_error)
                return new LockState.Unreadable(Diagnostic.warning("state_lock_read_error", "lock", e.getMessage()), null);
            }
            throw e;
        }
        if (object.isEmpty()) {
            return new LockState.Free();
        }
        return lockFrom(object.get());
    }

    static LockState lockFrom(StoredObject o) {
        try {
            LockFile lock = LockFile.parse(o.bytes());
            Instant now = Instant.now();
            return new LockState.Held(lock, o.token(), lock.age(now), now);
        } catch (WireFormatException e) {
            Diagnostic d = e.diagnostic();
            Optional<ReleasedLockRecord> released = ReleasedLockRecord.detect(o.bytes());
            String message = released.map(r -> d.message() + ". This is " + r.describe()).orElse(d.message());
            return new LockState.Unreadable(Diagnostic.warning(d.code(), d.path(), message), o.token(), released);
        }
    }

    /** Reads every file in {@code __cluster/approvals/} (the part of a snapshot a locked operation re-reads). */
    public static List<ApprovalEntry> readApprovals(ObjectStore store) throws StorageException {
        return readApprovals(store, new AtomicLong());
    }

    /** Reads every file in {@code __cluster/recoveries/} (the part of a snapshot a locked operation re-reads). */
    public static List<RecoveryEntry> readRecoveries(ObjectStore store) throws StorageException {
        return readRecoveries(store, new AtomicLong());
    }

    private static List<ApprovalEntry> readApprovals(ObjectStore store, AtomicLong listed) throws StorageException {
        return readJsonChildren(store, ClusterLayout.APPROVALS, WireLimits.APPROVAL_MAX_BYTES, listed, (key, stem, bytes) ->
                new ApprovalEntry(key, stem, bytes == null
                        ? invalid("approval_read_error", key, "could not read " + key)
                        : ApprovalArtifact.parse(bytes, stem)),
                (key, stem, why) -> new ApprovalEntry(key, stem, invalid("invalid_approval_artifact", key, why)));
    }

    private static List<RecoveryEntry> readRecoveries(ObjectStore store, AtomicLong listed) throws StorageException {
        return readJsonChildren(store, ClusterLayout.RECOVERIES, WireLimits.RECOVERY_SIDECAR_MAX_BYTES, listed, (key, stem, bytes) ->
                new RecoveryEntry(key, stem, bytes == null
                        ? invalid("recovery_sidecar_read_error", key, "could not read " + key)
                        : RecoverySidecar.parse(bytes, stem)),
                (key, stem, why) -> new RecoveryEntry(key, stem, invalid("invalid_recovery_sidecar", key, why)));
    }

    @FunctionalInterface
    private interface EntryParser<T> {
        T parse(String key, String stem, byte[] bytesOrNull);
    }

    /** An entry over the size cap: the parser's own "invalid" code, with the size in the message. */
    @FunctionalInterface
    private interface OversizeEntry<T> {
        T of(String key, String stem, String why);
    }

    /** Reads every direct {@code *.json} child of a folder, as upstream lists approvals and sidecars (other files ignored). */
    private static <T> List<T> readJsonChildren(ObjectStore store, String dir, long cap, AtomicLong listed, EntryParser<T> parser,
            OversizeEntry<T> oversize) throws StorageException {
        List<T> out = new ArrayList<>();
        for (ObjectInfo info : store.listChildren(dir).objects()) {
            listed.incrementAndGet();
            Optional<String> stem = ClusterLayout.jsonChildStem(dir, info.key());
            if (stem.isPresent()) {
                try {
                    out.add(parser.parse(info.key(), stem.get(), store.read(info.key(), cap).map(StoredObject::bytes).orElse(null)));
                } catch (StorageException e) {
                    if (e.kind() != StorageException.Kind.TOO_LARGE) {
                        throw e;
                    }
                    out.add(oversize.of(info.key(), stem.get(), e.getMessage()));
                }
            }
        }
        return out;
    }

    private static <T> dev.omnigraph.console.cluster.model.ArtifactParseResult<T> invalid(String code, String path, String message) {
        return new dev.omnigraph.console.cluster.model.ArtifactParseResult.Invalid<>(Diagnostic.warning(code, path, message));
    }

    private static List<CatalogBlob> listCatalog(ObjectStore store, AtomicLong listed, Progress progress) throws StorageException {
        List<CatalogBlob> out = new ArrayList<>();
        try (Stream<ObjectInfo> s = store.list(ClusterLayout.RESOURCES)) {
            s.forEach(o -> {
                out.add(CatalogBlob.of(o));
                long n = listed.incrementAndGet();
                if ((n & 1023) == 0) {
                    progress.checkCancelled();
                    progress.progress(n, -1, "Listed " + n + " objects");
                }
            });
        } catch (UncheckedStorageException e) {
            throw e.getCause();
        }
        return out;
    }

    private static Map<String, GraphTally> listGraphs(ObjectStore store, ExecutorService pool, Semaphore permits, AtomicLong listed,
                                                      Progress progress) throws StorageException {
        List<String> prefixes;
        permits.acquireUninterruptibly();
        try {
            prefixes = store.listChildren(ClusterLayout.GRAPHS).prefixes();
        } finally {
            permits.release();
        }
        Map<String, Future<GraphTally>> futures = new TreeMap<>();
        for (String prefix : prefixes) {
            Optional<String> id = ClusterLayout.graphIdOf(prefix);
            if (id.isEmpty()) {
                continue;
            }
            futures.put(id.get(), submit(pool, permits, () -> tallyGraph(store, id.get(), prefix, listed, progress)));
        }
        Map<String, GraphTally> out = new TreeMap<>();
        for (Map.Entry<String, Future<GraphTally>> e : futures.entrySet()) {
            out.put(e.getKey(), join(e.getValue()));
        }
        return out;
    }

    /** Lists one graph's objects into its tally, reporting progress every 1024 objects (all graphs counted together). */
    private static GraphTally tallyGraph(ObjectStore store, String graphId, String prefix, AtomicLong listed, Progress progress)
            throws StorageException {
        GraphTally tally = new GraphTally(graphId);
        try (Stream<ObjectInfo> s = store.list(prefix)) {
            s.forEach(o -> {
                tally.add(o);
                long n = listed.incrementAndGet();
                if ((n & 1023) == 0) {
                    progress.checkCancelled();
                    progress.progress(n, -1, "Listed " + n + " objects");
                }
            });
        } catch (UncheckedStorageException e) {
            throw e.getCause();
        }
        return tally;
    }

    private static List<GraphSummary> summarize(Map<String, GraphTally> tallies, Optional<Ledger> ledger) {
        Map<String, GraphTally> all = new TreeMap<>(tallies);
        Map<String, Boolean> inLedger = new HashMap<>();
        Map<String, Boolean> tombstoned = new HashMap<>();
        if (ledger.isPresent()) {
            for (Map.Entry<String, LedgerResource> r : ledger.get().resources().entrySet()) {
                if (r.getKey().startsWith("graph.")) {
                    inLedger.put(r.getKey().substring(6), true);
                }
            }
            ledger.get().observations().forEach((address, value) -> {
                if (address.startsWith("graph.") && value.isObject() && "tombstone".equals(value.path("kind").asText())) {
                    tombstoned.put(address.substring(6), true);
                }
            });
        }
        for (String id : inLedger.keySet()) {
            all.computeIfAbsent(id, GraphTally::new);
        }
        List<GraphSummary> out = new ArrayList<>();
        for (Map.Entry<String, GraphTally> e : all.entrySet()) {
            String id = e.getKey();
            GraphTally t = e.getValue();
            GraphLinkage linkage;
            if (inLedger.containsKey(id)) {
                linkage = t.objects() == 0 ? GraphLinkage.MISSING_ROOT : GraphLinkage.KNOWN;
            } else if (tombstoned.containsKey(id)) {
                linkage = GraphLinkage.TOMBSTONED;
            } else {
                linkage = GraphLinkage.UNKNOWN_ROOT;
            }
            out.add(t.summary(linkage));
        }
        return Collections.unmodifiableList(out);
    }

    // ---- concurrency helpers ----------------------------------------------------------------

    @FunctionalInterface
    private interface Part<T> {
        T call() throws StorageException;
    }

    private static <T> Future<T> submit(ExecutorService pool, Semaphore permits, Part<T> part) {
        return pool.submit(() -> {
            if (permits != null) {
                permits.acquire();
            }
            try {
                return part.call();
            } finally {
                if (permits != null) {
                    permits.release();
                }
            }
        });
    }

    private static <T> T join(Future<T> future) throws StorageException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StorageException se) {
                throw se;
            }
            if (cause instanceof UncheckedStorageException use) {
                throw use.getCause();
            }
            if (cause instanceof CancellationException ce) {
                throw ce;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
