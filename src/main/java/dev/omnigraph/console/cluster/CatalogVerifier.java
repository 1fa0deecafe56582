package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.CatalogPayload;
import dev.omnigraph.console.cluster.model.WireFormatException;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hashes catalog blobs and compares each with the digest its name claims, as upstream does in
 * {@code status}, {@code refresh} and serving (spec §4.3); deployment bundles likewise, then decoded
 * strictly ({@link BundleVerifier}, v0.13 spec §6.3). Read-only; runs
 * {@link ClusterReader#PARALLELISM} reads at a time, reports progress, honours cancel.
 */
public final class CatalogVerifier {
    private CatalogVerifier() {}

    /** The verdict for one entry, with a reason when it is not VERIFIED. */
    public record Result(CatalogEntry entry, CatalogIntegrity integrity, String detail) {}

    /** All verdicts, in catalog order. */
    public record Report(List<Result> results) {
        public long count(CatalogIntegrity integrity) {
            return results.stream().filter(r -> r.integrity() == integrity).count();
        }

        /** Problems with payloads the ledger references: what would stop serving. */
        public List<Result> liveProblems() {
            return results.stream().filter(r -> r.entry().reference() != CatalogEntry.Reference.ORPHAN
                    && r.integrity() != CatalogIntegrity.VERIFIED).toList();
        }

        public Map<String, CatalogIntegrity> byKey() {
            Map<String, CatalogIntegrity> m = new LinkedHashMap<>();
            results.forEach(r -> m.put(r.entry().key(), r.integrity()));
            return Collections.unmodifiableMap(m);
        }
    }

    public static Report verify(ObjectStore store, CatalogIndex index, Progress progress) throws StorageException {
        List<CatalogEntry> entries = index.entries();
        long totalBytes = entries.stream().mapToLong(CatalogEntry::size).sum();
        AtomicLong doneBytes = new AtomicLong();
        AtomicLong doneCount = new AtomicLong();
        Semaphore permits = new Semaphore(ClusterReader.PARALLELISM);
        List<Future<Result>> futures = new ArrayList<>(entries.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CatalogEntry entry : entries) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        progress.checkCancelled();
                        Result r = verifyOne(store, entry);
                        long n = doneCount.incrementAndGet();
                        long b = doneBytes.addAndGet(entry.size());
                        progress.progress(b, totalBytes, "Verified " + n + " of " + entries.size() + " blobs");
                        return r;
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<Result> results = new ArrayList<>(entries.size());
            for (Future<Result> f : futures) {
                try {
                    results.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof StorageException se) {
                        throw se;
                    }
                    if (e.getCause() instanceof CancellationException ce) {
                        pool.shutdownNow();
                        throw ce;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return new Report(List.copyOf(results));
        }
    }

    /** Verifies one entry. A blob that cannot be read is UNREADABLE, not an exception. */
    public static Result verifyOne(ObjectStore store, CatalogEntry entry) throws StorageException {
        if (entry.reference() == CatalogEntry.Reference.MISSING || entry.blob().isEmpty()) {
            return new Result(entry, CatalogIntegrity.MISSING, "no object at " + entry.key());
        }
        if (entry.isBundle()) {
            return BundleVerifier.verify(store, entry);
        }
        if (entry.digest() == null) {
            return new Result(entry, CatalogIntegrity.UNREADABLE, "not named like a catalog payload (<sha256>.gq / <sha256>.yaml)");
        }
        Optional<StoredObject> object;
        try {
            object = store.read(entry.key(), WireLimits.CATALOG_BLOB_MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE || e.kind() == StorageException.Kind.INVALID_KEY
                    || e.kind() == StorageException.Kind.ACCESS_DENIED) {
                return new Result(entry, CatalogIntegrity.UNREADABLE, e.describe());
            }
            throw e;
        }
        if (object.isEmpty()) {
            return new Result(entry, CatalogIntegrity.MISSING, entry.key() + " vanished while verifying");
        }
        try {
            CatalogPayload.verify(entry.address(), object.get().bytes(), entry.digest());
            return new Result(entry, CatalogIntegrity.VERIFIED, "");
        } catch (WireFormatException e) {
            CatalogIntegrity verdict = e.diagnostic().code().equals("catalog_payload_digest_mismatch")
                    ? CatalogIntegrity.TAMPERED : CatalogIntegrity.UNREADABLE;
            return new Result(entry, verdict, e.getMessage());
        }
    }
}
