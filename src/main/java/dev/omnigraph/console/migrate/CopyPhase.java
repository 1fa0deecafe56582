package dev.omnigraph.console.migrate;

import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Phase 4: runs the plan's work list with {@link CopySettings#concurrency()} transfers in flight,
 * tier by tier ({@link CopyOrder}: data before manifests), publishing a {@link ProgressSnapshot}
 * every tick. One object's failure does not stop the others (it blocks cutover); a failure every
 * object would share (credentials, permissions, a missing bucket) stops the phase at once. Every
 * completed copy is appended to the {@link CopyJournal} before it is counted, so a resumed run
 * knows it.
 */
public final class CopyPhase {
    private static final int FAILURES_KEPT = ProgressSnapshot.ERRORS_MAX * 5;

    private final ObjectStore source;
    private final Endpoint sourceEndpoint;
    private final ObjectStore destination;
    private final Endpoint destinationEndpoint;
    private final CopyJournal journal;
    private final CopySettings settings;
    private final CopyControl control;
    private final MigrationListener listener;

    public CopyPhase(ObjectStore source, Endpoint sourceEndpoint, ObjectStore destination, Endpoint destinationEndpoint, CopyJournal journal,
                     CopySettings settings, CopyControl control, MigrationListener listener) {
        this.source = source;
        this.sourceEndpoint = sourceEndpoint;
        this.destination = destination;
        this.destinationEndpoint = destinationEndpoint;
        this.journal = journal;
        this.settings = settings;
        this.control = control;
        this.listener = listener;
    }

    /** The counters of one run, shared by the workers. */
    private static final class Counters {
        final AtomicLong copied = new AtomicLong();
        final AtomicLong copiedBytes = new AtomicLong();
        final AtomicLong serverSide = new AtomicLong();
        final AtomicLong alreadyThere = new AtomicLong();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<String> fatal = new AtomicReference<>();
        final AtomicInteger journalProblems = new AtomicInteger();
    }

    /** Copies the plan's objects; throws {@link CancellationException} when cancelled (nothing partial is visible). */
    public CopyResult run(MigrationPlan plan) {
        MigrationPlan.Totals work = plan.work();
        TransferTracker tracker = new TransferTracker(MigrationPhase.COPY, work.objects(), work.bytes());
        ObjectTransfer transfer = new ObjectTransfer(source, sourceEndpoint.isLocal(), destination, destinationEndpoint.isLocal(),
                plan.serverSide(), plan.copyPreconditionsProven(), new MemoryBudget(settings.memoryBudget()), settings, control, tracker,
                listener);
        Counters counters = new Counters();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), Threads.named("migrate-copy"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.named("migrate-progress"));
        ticker.scheduleAtFixedRate(() -> publish(tracker), settings.tick().toMillis(), settings.tick().toMillis(), TimeUnit.MILLISECONDS);
        boolean cancelled = false;
        try {
            runTiers(plan, transfer, tracker, counters, pool);
        } catch (CancellationException e) {
            cancelled = true;
        } catch (IOException e) {
            counters.fatal.compareAndSet(null, "Could not read the plan's work list: " + e.getMessage());
        } finally {
            if (cancelled || control.cancelled()) {
                pool.shutdownNow();
            } else {
                pool.shutdown();
            }
            awaitQuietly(pool);
            ticker.shutdownNow();
        }
        cancelled = cancelled || control.cancelled();
        listener.onEvent(new MigrationEvent.Progress(Instant.now(), tracker.snapshot(ProgressSnapshot.State.FINISHED)));
        if (cancelled) {
            throw new CancellationException("the copy was cancelled after " + counters.copied.get() + " object(s); run the migration again to resume");
        }
        if (transfer.readBack() > 0) {
            notice(MigrationEvent.Level.INFO, Format.count(transfer.readBack()) + " object(s) copied server-side on an endpoint that does "
                    + "not prove copy preconditions; each copy returned the source listing's ETag, and verify checks size and ETag "
                    + "in a fresh listing of the destination (the resume journal names them, method C)");
        }
        return result(counters, tracker, transfer.readBack());
    }

    private CopyResult result(Counters c, TransferTracker tracker, long readBack) {
        if (c.fatal.get() != null) {
            c.failures.add(0, c.fatal.get());
        }
        CopyResult.Status status = c.fatal.get() != null || tracker.failed.get() > 0 ? CopyResult.Status.FAILED : CopyResult.Status.COMPLETED;
        List<String> kept;
        synchronized (c.failures) {
            kept = List.copyOf(c.failures.subList(0, Math.min(c.failures.size(), FAILURES_KEPT)));
        }
        long failed = tracker.failed.get() + (c.fatal.get() != null && tracker.failed.get() == 0 ? 1 : 0);
        return new CopyResult(status, c.copied.get(), c.copiedBytes.get(), c.serverSide.get(), c.alreadyThere.get(), failed,
                tracker.retries.get(), kept, tracker.elapsed(), readBack);
    }

    /** Runs the work list tier by tier ({@link CopyOrder}); each tier ends when all its transfers have. */
    private void runTiers(MigrationPlan plan, ObjectTransfer transfer, TransferTracker tracker, Counters counters, ExecutorService pool)
            throws IOException {
        int slots = settings.concurrency() * 2;
        Semaphore queue = new Semaphore(slots);
        for (int tier = 0; tier < CopyOrder.TIERS && counters.fatal.get() == null; tier++) {
            if (plan.spool().count(tier) == 0) {
                continue;
            }
            notice(MigrationEvent.Level.INFO, "copying " + Format.count(plan.spool().count(tier)) + " object(s): " + CopyOrder.describe(tier));
            try (PlanSpool.Cursor cursor = plan.spool().read(tier)) {
                while (cursor.hasNext() && counters.fatal.get() == null) {
                    control.awaitRunnable();
                    acquire(queue, 1);
                    control.acquireTransfer(settings.concurrency());
                    submit(cursor.next(), transfer, tracker, counters, pool, queue);
                }
            }
            acquire(queue, slots); // the tier's barrier: every transfer of this tier has finished
            queue.release(slots);
        }
    }

    private void submit(PlanEntry entry, ObjectTransfer transfer, TransferTracker tracker, Counters counters, ExecutorService pool,
                        Semaphore queue) {
        pool.execute(() -> {
            try {
                copyOne(entry, transfer, tracker, counters);
            } finally {
                control.releaseTransfer();
                queue.release();
            }
        });
    }

    private void copyOne(PlanEntry entry, ObjectTransfer transfer, TransferTracker tracker, Counters c) {
        if (c.fatal.get() != null || control.cancelled()) {
            return;
        }
        TransferTracker.Live live = tracker.start(entry.key(), entry.size());
        try {
            control.awaitRunnable();
            record(entry, transfer.run(entry, live), live, tracker, c);
        } catch (CancellationException e) {
            tracker.abandoned(live);
        } catch (RuntimeException e) {
            String message = entry.key() + ": " + e;
            tracker.failed(live, message);
            c.failures.add(message);
        }
    }

    private void record(PlanEntry entry, ObjectTransfer.Outcome outcome, TransferTracker.Live live, TransferTracker tracker, Counters c) {
        switch (outcome) {
            case ObjectTransfer.Outcome.Copied copied -> {
                remember(new CopyJournal.Entry(entry.key(), entry.size(), copied.sha256(), entry.sourceFingerprint(),
                        copied.destinationFingerprint(), copied.method()), c.journalProblems);
                c.copied.incrementAndGet();
                c.copiedBytes.addAndGet(entry.size());
                if (copied.method() == CopyJournal.Method.SERVER_SIDE) {
                    c.serverSide.incrementAndGet();
                }
                tracker.succeeded(live);
            }
            case ObjectTransfer.Outcome.AlreadyThere a -> {
                remember(new CopyJournal.Entry(entry.key(), entry.size(), a.sha256(), entry.sourceFingerprint(), a.destinationFingerprint(),
                        CopyJournal.Method.STREAMED), c.journalProblems);
                c.alreadyThere.incrementAndGet();
                tracker.succeeded(live);
            }
            case ObjectTransfer.Outcome.Failed f -> {
                tracker.failed(live, f.message());
                c.failures.add(f.message());
                if (f.fatal()) {
                    c.fatal.compareAndSet(null, f.message());
                }
                notice(MigrationEvent.Level.ERROR, f.message());
            }
        }
    }

    private void remember(CopyJournal.Entry entry, AtomicInteger problems) {
        try {
            journal.record(entry);
        } catch (IOException e) {
            if (problems.getAndIncrement() == 0) {
                notice(MigrationEvent.Level.WARNING, "could not write the resume journal " + journal.file() + " (" + e.getMessage()
                        + "): the copy goes on, but a resumed run will check these objects again");
            }
        }
    }

    private void acquire(Semaphore queue, int permits) {
        try {
            while (!queue.tryAcquire(permits, 200, TimeUnit.MILLISECONDS)) {
                if (control.cancelled()) {
                    throw new CancellationException("cancelled");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private void publish(TransferTracker tracker) {
        ProgressSnapshot.State state = control.cancelled() ? ProgressSnapshot.State.CANCELLING
                : control.paused() ? ProgressSnapshot.State.PAUSED : ProgressSnapshot.State.RUNNING;
        ProgressSnapshot s = tracker.snapshot(state);
        try {
            listener.onEvent(new MigrationEvent.Progress(Instant.now(), s));
            control.asProgress().progress(s.bytesDone(), s.bytesTotal(), "Copied " + Format.count(s.objectsDone()) + " of "
                    + Format.count(s.objectsTotal()) + " objects");
        } catch (RuntimeException ignored) {
            // an observer's failure must not stop the copy
        }
    }

    private void notice(MigrationEvent.Level level, String message) {
        listener.onEvent(new MigrationEvent.Notice(Instant.now(), MigrationPhase.COPY, level, message));
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
