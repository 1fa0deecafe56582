package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.Hashing;
import dev.omnigraph.console.storage.Keys;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.UncheckedStorageException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Phase 5: every source object in scope against the destination, from fresh listings of both.
 * Each must exist with the same size, and a checksum must tie the two:
 * <ul>
 *   <li>copied by this console: the journal's record of the copy — the SHA-256 of the bytes streamed
 *       (the destination verified each part's Content-MD5; a local destination's own hash of the
 *       bytes written matched), or for a server-side copy the source ETag and size with the ETag
 *       the destination returned — and both objects still carry the fingerprints recorded then;</li>
 *   <li>found identical by the plan: the same {@link IdentityRule} again.</li>
 * </ul>
 * The deep option re-reads every destination object and compares its SHA-256 with the recorded
 * one (re-reading the source too where the copy was server-side or the object was skipped).
 * Destination-only objects are counted, not judged (a stray recovery sidecar is a mismatch).
 */
public final class Verifier {
    private final ObjectStore source;
    private final ObjectStore destination;
    private final boolean destinationLocal;
    private final IdentityRule identity;
    private final CopySettings settings;
    private final CopyControl control;
    private final MigrationListener listener;
    /** Null when both roots are on S3 (ETag parity can be judged); otherwise why not. */
    private final String etagParityApplicable;

    public Verifier(ObjectStore source, Endpoint sourceEndpoint, ObjectStore destination, Endpoint destinationEndpoint, CopyJournal journal,
                    CopySettings settings, CopyControl control, MigrationListener listener) {
        this.source = source;
        this.destination = destination;
        this.destinationLocal = destinationEndpoint.isLocal();
        this.identity = new IdentityRule(source, sourceEndpoint.isLocal(), destination, destinationLocal, journal);
        this.settings = settings;
        this.control = control;
        this.listener = listener;
        this.etagParityApplicable = sourceEndpoint.isLocal() || destinationEndpoint.isLocal()
                ? "a folder has no ETags: " + (sourceEndpoint.isLocal() ? "the source" : "the destination") + " is a folder" : null;
    }

    private record Checked(String key, long size, String checksum, String problem) {}

    /** What one run accumulates: results folded in key order, a bounded window of futures at a time. */
    private final class Run {
        final TransferTracker tracker;
        final boolean deep;
        final ExecutorService pool;
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong mismatches = new AtomicLong();
        final AtomicLong extras = new AtomicLong();
        final MessageDigest tree = Hashing.sha256();
        final java.util.ArrayDeque<Future<Checked>> window = new java.util.ArrayDeque<>();
        final EtagCount etags;

        Run(TransferTracker tracker, boolean deep, ExecutorService pool) {
            this.tracker = tracker;
            this.deep = deep;
            this.pool = pool;
            this.etags = new EtagCount(etagParityApplicable);
        }

        void submit(ObjectInfo src, ObjectInfo dst) throws StorageException {
            etags.count(src, dst);
            window.addLast(pool.submit(() -> check(src, dst, deep, tracker)));
            while (window.size() > settings.concurrency() * 4 || (!window.isEmpty() && window.peekFirst().isDone())) {
                fold(window.removeFirst(), tree, problems, mismatches);
            }
        }

        void drain() throws StorageException {
            while (!window.isEmpty()) {
                fold(window.removeFirst(), tree, problems, mismatches);
            }
        }
    }

    public VerifyReport run(MigrationPlan.Totals expected, boolean deep) throws StorageException {
        TransferTracker tracker = new TransferTracker(MigrationPhase.VERIFY, expected.objects(), expected.bytes());
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), Threads.named("migrate-verify"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.named("migrate-verify-progress"));
        ticker.scheduleAtFixedRate(() -> listener.onEvent(new MigrationEvent.Progress(Instant.now(), tracker.snapshot(
                ProgressSnapshot.State.RUNNING))), settings.tick().toMillis(), settings.tick().toMillis(), TimeUnit.MILLISECONDS);
        Run run = new Run(tracker, deep, pool);
        try {
            for (String prefix : Planner.SCOPE) {
                verifyPrefix(prefix, run);
            }
            run.drain();
        } finally {
            pool.shutdownNow();
            ticker.shutdownNow();
        }
        listener.onEvent(new MigrationEvent.Progress(Instant.now(), tracker.snapshot(ProgressSnapshot.State.FINISHED)));
        List<String> kept;
        synchronized (run.problems) {
            kept = List.copyOf(run.problems.subList(0, Math.min(run.problems.size(), MigrationPlan.LISTED_MAX)));
        }
        return new VerifyReport(tracker.objectsDone.get() + tracker.failed.get(), tracker.bytesDone.get(), deep, run.mismatches.get(), kept,
                run.extras.get(), Hashing.hex(run.tree.digest()), tracker.elapsed(), run.etags.result());
    }

    /** A merge-join of both listings of one prefix, in S3 key order. */
    private void verifyPrefix(String prefix, Run run) throws StorageException {
        try (Stream<ObjectInfo> s = source.list(prefix); Stream<ObjectInfo> d = destination.list(prefix)) {
            Iterator<ObjectInfo> src = s.iterator();
            Iterator<ObjectInfo> dst = d.iterator();
            ObjectInfo a = next(src);
            ObjectInfo b = next(dst);
            while (a != null || b != null) {
                control.awaitRunnable();
                int cmp = a == null ? 1 : b == null ? -1 : Keys.compare(a.key(), b.key());
                if (cmp > 0) {
                    destinationOnly(b, run);
                    b = next(dst);
                    continue;
                }
                ObjectInfo srcInfo = a;
                ObjectInfo dstInfo = cmp == 0 ? b : null;
                a = next(src);
                if (cmp == 0) {
                    b = next(dst);
                }
                if (!skipped(srcInfo)) {
                    run.submit(srcInfo, dstInfo);
                }
            }
        } catch (UncheckedStorageException e) {
            throw e.getCause();
        }
    }

    private static boolean skipped(ObjectInfo src) {
        return Planner.NEVER_COPIED.contains(src.key()) || (src.key().endsWith("/") && src.size() == 0) || Keys.problem(src.key()) != null;
    }

    private void destinationOnly(ObjectInfo b, Run run) {
        if (Planner.NEVER_COPIED.contains(b.key())) {
            return;
        }
        run.extras.incrementAndGet();
        if (ClusterLayout.jsonChildStem(ClusterLayout.RECOVERIES, b.key()).isPresent()) {
            mismatch(run.problems, run.mismatches, b.key() + ": a recovery sidecar only at the destination (the sweep would act on it)");
        }
    }

    private void fold(Future<Checked> future, MessageDigest tree, List<String> problems, AtomicLong mismatches) throws StorageException {
        Checked c;
        try {
            c = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StorageException se) {
                throw se;
            }
            if (e.getCause() instanceof CancellationException ce) {
                throw ce;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (c.problem() != null) {
            mismatch(problems, mismatches, c.key() + ": " + c.problem());
        } else {
            tree.update((c.key() + "\t" + c.size() + "\t" + c.checksum() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void mismatch(List<String> problems, AtomicLong mismatches, String message) {
        mismatches.incrementAndGet();
        problems.add(message);
        listener.onEvent(new MigrationEvent.Notice(Instant.now(), MigrationPhase.VERIFY, MigrationEvent.Level.ERROR, message));
    }

    private Checked check(ObjectInfo src, ObjectInfo dst, boolean deep, TransferTracker tracker) throws StorageException {
        control.awaitRunnable();
        TransferTracker.Live live = tracker.start(src.key(), src.size());
        Checked c = judge(src, dst, deep);
        if (c.problem() == null) {
            tracker.succeeded(live);
        } else {
            tracker.failed(live, src.key() + ": " + c.problem());
        }
        return c;
    }

    private Checked judge(ObjectInfo src, ObjectInfo dst, boolean deep) throws StorageException {
        if (dst == null) {
            return new Checked(src.key(), src.size(), null, "missing at the destination");
        }
        if (dst.size() != src.size()) {
            return new Checked(src.key(), src.size(), null, "size differs (" + dst.size() + " bytes at the destination, " + src.size()
                    + " at the source)");
        }
        var entry = identity.journalEntry(src, dst);
        String recorded;
        if (entry.isPresent()) {
            recorded = entry.get().sha256() != null ? "sha256:" + entry.get().sha256() : "etag:" + Fingerprint.etag(entry.get().sourceFingerprint());
            if (destinationLocal && entry.get().sha256() == null) {
                return new Checked(src.key(), src.size(), null, "the journal has no checksum for this local copy");
            }
        } else {
            IdentityRule.Decision d = identity.decide(src, dst);
            if (!d.identical()) {
                return new Checked(src.key(), src.size(), null, "no checksum ties it to the source: it changed after it was copied, "
                        + "or the source changed since (" + d.reason() + ")");
            }
            recorded = dst.etag() != null ? "etag:" + dst.etag() : null;
        }
        if (!deep && recorded != null) {
            return new Checked(src.key(), src.size(), recorded, null);
        }
        ContentHashes there = ContentHashes.of(destination, dst.key()).orElse(null);
        if (there == null) {
            return new Checked(src.key(), src.size(), null, "vanished from the destination while it was verified");
        }
        String expected = entry.isPresent() && entry.get().sha256() != null ? entry.get().sha256()
                : ContentHashes.of(source, src.key()).map(ContentHashes::sha256).orElse(null);
        if (!there.sha256().equals(expected)) {
            return new Checked(src.key(), src.size(), null, "the destination's bytes do not hash to the source's SHA-256 (" + expected + ")");
        }
        return new Checked(src.key(), src.size(), "sha256:" + there.sha256(), null);
    }

    private static ObjectInfo next(Iterator<ObjectInfo> it) {
        return it.hasNext() ? it.next() : null;
    }
}
