package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.WriteCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Restores a point into a target root, as its {@link RestorePlan} says: under a lock of our own
 * (operation {@value #OPERATION}, create-only), every missing object from its blob (verified
 * against the manifest before it is written, create-only), then a listing check that every object
 * of the point is there with its size, and only then the ledger, create-only, last. Killed part-way,
 * the target has no ledger (so it is no cluster yet) and our lock; a re-run with
 * {@code --take-over-lock} keeps what is there and copies the rest.
 */
public final class Restorer {
    static final String OPERATION = "restore";

    private final ObjectStore location;
    private final ObjectStore target;
    private final BackupControl control;
    private final BackupListener listener;

    public Restorer(ObjectStore location, ObjectStore target, BackupControl control, BackupListener listener) {
        this.location = location;
        this.target = target;
        this.control = control;
        this.listener = listener;
    }

    public RestoreResult restore(RestorePlan plan, BackupOptions options) throws Exception {
        if (plan.verdict() == RestorePlan.Verdict.REFUSED) {
            return RestoreResult.refused(plan.reason());
        }
        if (!plan.targetEmpty() && plan.verdict() == RestorePlan.Verdict.READY && !options.writersStopped()) {
            return RestoreResult.refused("the target already holds objects: confirm that no server, apply or graph writer uses it "
                    + "(--writers-stopped); nothing was written");
        }
        if (plan.verdict() == RestorePlan.Verdict.DONE) {
            Optional<String> problem = plan.resumeLock().flatMap(this::release);
            return new RestoreResult(RestoreResult.Outcome.ALREADY, plan.reason(), 0, 0, plan.present(), List.of(), problem, Duration.ZERO);
        }
        LockFile lock;
        if (plan.resumeLock().isPresent()) {
            lock = plan.resumeLock().get();
        } else {
            lock = LockFile.create(OPERATION, Instant.now(), ProcessHandle.current().pid());
            if (!target.put(ClusterLayout.LOCK, lock.toBytes(), WriteCondition.IF_ABSENT).written()) {
                return RestoreResult.refused("another process locked the target while the restore started: nothing was written");
            }
        }
        listener.notice("restoring point " + plan.point().pointId() + " under lock " + lock.lockId());
        RestoreResult result;
        try {
            result = underLock(plan, options);
        } catch (Exception | Error e) {
            release(lock).ifPresent(listener::notice);
            throw e;
        }
        return result.withLockProblem(release(lock));
    }

    private RestoreResult underLock(RestorePlan plan, BackupOptions options) throws Exception {
        if (target.stat(ClusterLayout.STATE).isPresent()) {
            return RestoreResult.refused("a ledger appeared at the target while the restore started: nothing more was written");
        }
        BlobTransfer transfer = new BlobTransfer(location);
        ProgressCounter counter = new ProgressCounter("restore", plan.toCopy().size() + 1L, plan.bytesToCopy() + plan.point().ledger().size());
        List<String> failures = ParallelRunner.run(plan.toCopy(), options.concurrency(), control, counter, listener, o -> {
            try {
                boolean copied = Retrying.call(o.key(), control, listener, () -> transfer.restore(o, target));
                counter.done(o.size(), copied);
                return null;
            } catch (TransferFailure f) {
                counter.failed.incrementAndGet();
                return f.getMessage();
            }
        }).stream().filter(Objects::nonNull).toList();
        long copied = counter.objectsCopied.get();
        if (!failures.isEmpty()) {
            return failed(failures.size() + " object(s) could not be restored; no ledger was written, so the target is not a cluster yet: "
                    + "fix the cause and run the restore again", failures, counter, plan);
        }
        List<String> missing = missingAtTarget(plan.point());
        if (!missing.isEmpty()) {
            return failed(missing.size() + " object(s) of the point are not at the target after the copy (a writer is using it?): no "
                    + "ledger was written", missing, counter, plan);
        }
        PointObject ledger = plan.point().ledgerObject().orElseThrow(() -> new IllegalStateException("the point has no ledger"));
        try {
            Retrying.call(ledger.key(), control, listener, () -> transfer.restore(ledger, target));
        } catch (TransferFailure f) {
            return failed("the ledger could not be written: " + f.getMessage(), List.of(f.getMessage()), counter, plan);
        }
        counter.done(ledger.size(), true);
        return new RestoreResult(RestoreResult.Outcome.RESTORED, "restored point " + plan.point().pointId() + " (" + plan.point().ledger()
                .describe() + "): " + copied + " objects copied, " + plan.present() + " already there, ledger written last",
                copied, counter.bytesCopied.get(), plan.present(), List.of(), Optional.empty(), counter.elapsed());
    }

    private static RestoreResult failed(String message, List<String> failures, ProgressCounter counter, RestorePlan plan) {
        return new RestoreResult(RestoreResult.Outcome.FAILED, message, counter.objectsCopied.get(), counter.bytesCopied.get(),
                plan.present(), failures, Optional.empty(), counter.elapsed());
    }

    /** Point objects (but the ledger) that a listing of the target does not show with their size. */
    private List<String> missingAtTarget(RestorePoint point) throws StorageException {
        Map<String, Long> there = new HashMap<>();
        try (Stream<ObjectInfo> s = target.list("")) {
            s.forEach(o -> there.put(o.key(), o.size()));
        }
        return point.objects().stream().filter(o -> !o.key().equals(ClusterLayout.STATE))
                .filter(o -> !Long.valueOf(o.size()).equals(there.get(o.key()))).map(o -> o.key() + ": missing or of another size").toList();
    }

    private Optional<String> release(LockFile lock) {
        try {
            LockService.UnlockOutcome out = new LockService(target, LockService.conditionalDeleteTrustedWithoutProbe(target)).release(lock);
            return out.removed() || out.kind() == LockService.UnlockKind.ALREADY_GONE ? Optional.empty()
                    : Optional.of("our lock " + lock.lockId() + " at the target was not released: " + out.message());
        } catch (StorageException | RuntimeException e) {
            return Optional.of("our lock " + lock.lockId() + " at the target could not be released (" + e.getMessage()
                    + "); remove it with 'omnigraph-console force-unlock " + lock.lockId() + " --root " + target.uri().display() + "'");
        }
    }
}
