package dev.omnigraph.console.cluster.gc;

import dev.omnigraph.console.cluster.ApprovalEntry;
import dev.omnigraph.console.cluster.CatalogBlob;
import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.RecoveryEntry;
import dev.omnigraph.console.cluster.doctor.BundleReads;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ConditionalRead;
import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Catalog garbage collection (RFC-006 open question 3): upstream never deletes catalog blobs, so
 * every replaced query or policy leaves its old payload behind. This collects the ones nothing
 * refers to ({@link CatalogReferences}) and nothing else.
 *
 * <p>On a v2 root (OmniGraph v0.13) the outstanding deployment and every retained receipt also
 * protect what they were accepted from and captured, bundles are never collected, and a held
 * lock (normally a server's {@code serve} lock) is explained and never broken.
 *
 * <p>Safety rules, in order:
 * <ol>
 *   <li>{@link #plan} is a dry run: it lists candidates and sizes and changes nothing;</li>
 *   <li>{@link #execute} deletes only blobs from a plan the admin confirmed, and only while holding
 *       the cluster lock (operation {@value #LOCK_OPERATION}), so no apply can publish or start
 *       referencing a payload meanwhile; a held lock refuses the run;</li>
 *   <li>under the lock it re-reads the ledger, approvals and sidecars and skips every candidate that
 *       became referenced since the listing; before each delete it re-checks that the ledger did
 *       not move (a conditional read), and recomputes when it did;</li>
 *   <li>each delete is conditional on the listed version: {@code DELETE If-Match} where the server
 *       honours it, else a re-read-and-compare immediately before a plain delete;</li>
 *   <li>the bytes of every deleted blob are kept until the run ends; if a lock-ignoring writer
 *       (a cluster with {@code state.lock: false}) starts referencing one, it is put back
 *       create-only with the same bytes — catalog blobs are content-addressed, so that is exact;</li>
 *   <li>the lock is released in every case.</li>
 * </ol>
 */
public final class CatalogGc {
    public static final String LOCK_OPERATION = "catalog-gc";
    /** The most blob bytes one run keeps in memory for put-back; the rest waits for the next run. */
    static final long RETAINED_BYTES_LIMIT = 256L * 1024 * 1024;

    private CatalogGc() {}

    /** Reads the cluster and plans (dry run). */
    public static GcPlan plan(ObjectStore store, ClusterLocation location, Progress progress) throws StorageException {
        ClusterSnapshot snapshot = ClusterReader.read(store, location, progress);
        return plan(snapshot, bundles(store, snapshot.ledger(), progress));
    }

    /** Plans from a snapshot (pure); on a v2 root without its bundles nothing can be collected. */
    public static GcPlan plan(ClusterSnapshot snapshot) {
        return plan(snapshot, Map.of());
    }

    /** The bundles a v2 ledger names (none for v1 or an unreadable ledger). */
    static Map<String, BundleReads.BundleRead> bundles(ObjectStore store, LedgerState ledger, Progress progress) throws StorageException {
        if (ledger instanceof LedgerState.Present p && p.ledger().generation().isV2()) {
            return BundleReads.read(store, p.ledger(), progress);
        }
        return Map.of();
    }

    /** Plans from a snapshot and the bundles its ledger names (pure). */
    public static GcPlan plan(ClusterSnapshot snapshot, Map<String, BundleReads.BundleRead> bundles) {
        CatalogReferences refs = CatalogReferences.of(snapshot.ledger(), snapshot.approvals(), snapshot.recoveries(), bundles);
        List<GcCandidate> candidates = new ArrayList<>();
        List<KeptBlob> kept = new ArrayList<>();
        for (CatalogEntry e : snapshot.catalog().entries()) {
            if (e.reference() != CatalogEntry.Reference.ORPHAN || e.blob().isEmpty()) {
                continue;
            }
            CatalogBlob blob = e.blob().get();
            Optional<String> protection = refs.protection(blob);
            if (protection.isPresent()) {
                kept.add(new KeptBlob(blob.key(), blob.size(), protection.get()));
            } else {
                candidates.add(new GcCandidate(blob.key(), blob.address(), blob.digest(), blob.size(), blob.info().etag(),
                        blob.info().lastModified()));
            }
        }
        Optional<String> holder = switch (snapshot.lock()) {
            case LockState.Free f -> Optional.empty();
            case LockState.Held h -> Optional.of(h.lock().operation() + " (lock id " + h.lock().lockId() + ", since "
                    + h.lock().createdAt() + ")" + GcLockMeaning.of(h, snapshot.ledgerIfPresent()));
            case LockState.Unreadable u -> Optional.of("an unreadable lock object (" + u.diagnostic().code() + ")");
        };
        return new GcPlan(snapshot.location(), snapshot.ledgerIfPresent().map(l -> l.cas()), candidates, kept, refs.blockers(), holder);
    }

    /**
     * Deletes the plan's candidates under the cluster lock, following the class rules.
     *
     * @param conditionalDelete try {@code DELETE If-Match} first (S3); a 501 falls back to re-read-and-compare
     */
    public static GcResult execute(ObjectStore store, GcPlan plan, boolean conditionalDelete, Progress progress) throws StorageException {
        if (!plan.blockers().isEmpty()) {
            return new GcResult(GcResult.Outcome.REFUSED_BLOCKED, List.of(), List.of(), List.of(), Optional.empty(), false,
                    "Nothing was deleted: " + String.join("; ", plan.blockers()) + ".");
        }
        if (plan.candidates().isEmpty()) {
            return new GcResult(GcResult.Outcome.NOTHING_TO_DELETE, List.of(), List.of(), List.of(), Optional.empty(), false,
                    "There are no orphaned catalog blobs to delete.");
        }
        LockService locks = new LockService(store, conditionalDelete);
        LockService.Acquired acquired = locks.acquire(LOCK_OPERATION);
        if (acquired instanceof LockService.Acquired.HeldByOther other) {
            Optional<String> v2 = GcLockMeaning.refusal(other.holder(), store, plan.location());
            return new GcResult(GcResult.Outcome.REFUSED_LOCK_HELD, List.of(), List.of(), List.of(), Optional.empty(), false,
                    "Nothing was deleted: the cluster lock is held by " + describe(other.holder())
                            + v2.orElse(". Run the GC when no cluster command is running."));
        }
        LockFile ours = ((LockService.Acquired.Ours) acquired).lock();
        Run run = new Run(store, plan, conditionalDelete, progress);
        GcResult.Outcome outcome;
        String message;
        try {
            outcome = run.collect();
            message = run.message(outcome);
        } catch (CancellationException e) {
            outcome = GcResult.Outcome.CANCELLED;
            message = run.settleAfterStop("Cancelled");
        } catch (StorageException e) {
            outcome = GcResult.Outcome.ABORTED;
            message = run.settleAfterStop("Stopped by a storage failure: " + e.describe());
        }
        boolean released;
        String releaseNote = "";
        try {
            LockService.UnlockOutcome u = locks.release(ours);
            released = u.removed() || u.kind() == LockService.UnlockKind.ALREADY_GONE;
            if (!released) {
                releaseNote = " The lock was not released: " + u.message();
            }
        } catch (StorageException e) {
            released = false;
            releaseNote = " The lock " + ours.lockId() + " could not be released (" + e.describe()
                    + "); remove it with 'force-unlock " + ours.lockId() + "'.";
        }
        return new GcResult(outcome, run.deleted, run.skipped, run.restored, Optional.of(ours.lockId()), released, message + releaseNote);
    }

    private static String describe(LockState holder) {
        return switch (holder) {
            case LockState.Held h -> "'" + h.lock().operation() + "' (lock id " + h.lock().lockId() + ", since " + h.lock().createdAt() + ")";
            case LockState.Unreadable u -> "an unreadable lock object (" + u.diagnostic().code() + ")";
            case LockState.Free f -> "another process (it was released meanwhile; try again)";
        };
    }

    /** One execution's state, under the lock. */
    private static final class Run {
        final ObjectStore store;
        final GcPlan plan;
        /** Cleared after the server answers that it cannot delete conditionally, so the fallback is used at once. */
        boolean conditionalDelete;
        final Progress progress;
        final List<GcResult.Deleted> deleted = new ArrayList<>();
        final List<GcResult.Skipped> skipped = new ArrayList<>();
        final List<String> restored = new ArrayList<>();
        final Map<String, byte[]> retained = new LinkedHashMap<>();
        long retainedBytes;
        CatalogReferences refs;
        String ledgerToken;
        String abortReason;

        Run(ObjectStore store, GcPlan plan, boolean conditionalDelete, Progress progress) {
            this.store = store;
            this.plan = plan;
            this.conditionalDelete = conditionalDelete;
            this.progress = progress;
        }

        GcResult.Outcome collect() throws StorageException {
            if (!reread()) {
                return GcResult.Outcome.REFUSED_BLOCKED;
            }
            int done = 0;
            long bytes = 0;
            for (GcCandidate c : plan.candidates()) {
                progress.checkCancelled();
                if (!ledgerUnchanged()) {
                    boolean ok = reread();
                    putBackWhatIsReferenced();
                    if (!ok) {
                        skipRest(done, "not attempted: " + abortReason);
                        return GcResult.Outcome.ABORTED;
                    }
                }
                deleteOne(c);
                done++;
                bytes += c.size();
                progress.progress(bytes, plan.candidateBytes(), "Handled " + done + " of " + plan.candidates().size() + " blobs");
            }
            // a last full look: a writer that ignores the lock may have started referring to a deleted blob
            boolean ok = reread();
            putBackWhatIsReferenced();
            return ok ? GcResult.Outcome.COMPLETED : GcResult.Outcome.ABORTED;
        }

        /** Re-reads ledger, approvals and sidecars; false (with abortReason) when collection is no longer possible. */
        boolean reread() throws StorageException {
            LedgerState ledger = ClusterReader.readLedger(store);
            List<ApprovalEntry> approvals = ClusterReader.readApprovals(store);
            List<RecoveryEntry> recoveries = ClusterReader.readRecoveries(store);
            refs = CatalogReferences.of(ledger, approvals, recoveries, bundles(store, ledger, progress));
            ledgerToken = ledger instanceof LedgerState.Present p ? p.token() : null;
            if (!refs.blockers().isEmpty()) {
                abortReason = String.join("; ", refs.blockers());
                return false;
            }
            return true;
        }

        /** A cheap conditional read: true when the ledger is still the version last read. */
        boolean ledgerUnchanged() throws StorageException {
            if (ledgerToken == null) {
                return false;
            }
            return store.readIfChanged(ClusterLayout.STATE, ledgerToken, WireLimits.STATE_JSON_MAX_BYTES) instanceof ConditionalRead.Unchanged;
        }

        void deleteOne(GcCandidate c) throws StorageException {
            CatalogBlob asListed = CatalogBlob.of(new ObjectInfo(c.key(), c.size(), c.lastModified(), c.etag()));
            Optional<String> protection = refs.protection(asListed);
            if (protection.isPresent()) {
                skipped.add(new GcResult.Skipped(c.key(), "referenced since the listing: " + protection.get()));
                return;
            }
            if (retainedBytes + c.size() > RETAINED_BYTES_LIMIT) {
                skipped.add(new GcResult.Skipped(c.key(), "left for the next run (this run keeps at most "
                        + (RETAINED_BYTES_LIMIT >> 20) + " MiB of deleted bytes for put-back)"));
                return;
            }
            Optional<StoredObject> current;
            try {
                current = store.read(c.key(), WireLimits.CATALOG_BLOB_MAX_BYTES);
            } catch (StorageException e) {
                if (e.kind() == StorageException.Kind.TOO_LARGE) {
                    skipped.add(new GcResult.Skipped(c.key(), "larger than the console reads into memory; left in place"));
                    return;
                }
                throw e;
            }
            if (current.isEmpty()) {
                skipped.add(new GcResult.Skipped(c.key(), "already gone"));
                return;
            }
            StoredObject object = current.get();
            if (c.etag() != null && !c.etag().equals(object.token())) {
                skipped.add(new GcResult.Skipped(c.key(), "changed since the listing (ETag " + c.etag() + " → " + object.token() + ")"));
                return;
            }
            DeleteResult result = conditionalDelete ? store.deleteIfMatch(c.key(), object.token())
                    : new DeleteResult.ConditionNotSupported("not tried");
            if (result instanceof DeleteResult.ConditionNotSupported) {
                conditionalDelete = false;
                result = switch (store.readIfChanged(c.key(), object.token(), WireLimits.CATALOG_BLOB_MAX_BYTES)) {
                    case ConditionalRead.Unchanged u -> store.deleteUnconditionally(c.key());
                    case ConditionalRead.Changed ch -> new DeleteResult.PreconditionFailed();
                    case ConditionalRead.Absent a -> new DeleteResult.NotFound();
                };
            }
            switch (result) {
                case DeleteResult.Deleted d -> {
                    deleted.add(new GcResult.Deleted(c.key(), c.size(), d.conditional()));
                    retained.put(c.key(), object.bytes());
                    retainedBytes += object.size();
                }
                case DeleteResult.PreconditionFailed pf -> skipped.add(new GcResult.Skipped(c.key(), "changed since it was read; left in place"));
                case DeleteResult.NotFound nf -> skipped.add(new GcResult.Skipped(c.key(), "already gone"));
                case DeleteResult.ConditionNotSupported ns -> skipped.add(new GcResult.Skipped(c.key(), ns.detail()));
            }
        }

        /** Puts back, create-only and byte for byte, every deleted blob that is referenced now. */
        void putBackWhatIsReferenced() throws StorageException {
            if (refs == null) {
                return;
            }
            for (Map.Entry<String, byte[]> e : retained.entrySet()) {
                if (restored.contains(e.getKey())) {
                    continue;
                }
                GcResult.Deleted d = deleted.stream().filter(x -> x.key().equals(e.getKey())).findFirst().orElseThrow();
                CatalogBlob blob = CatalogBlob.of(new ObjectInfo(d.key(), d.size(), null, null));
                boolean needed = refs.protection(blob).isPresent() || !refs.blockers().isEmpty();
                if (needed) {
                    PutResult r = store.put(e.getKey(), e.getValue(), WriteCondition.IF_ABSENT);
                    if (r instanceof PutResult.Written || r instanceof PutResult.PreconditionFailed) {
                        restored.add(e.getKey()); // PreconditionFailed: someone already re-published the same content
                    }
                }
            }
        }

        private void skipRest(int from, String reason) {
            for (int i = from; i < plan.candidates().size(); i++) {
                skipped.add(new GcResult.Skipped(plan.candidates().get(i).key(), reason));
            }
        }

        /** After a cancel or failure: a best-effort re-check and put-back, then the message. */
        String settleAfterStop(String what) {
            try {
                reread();
                putBackWhatIsReferenced();
            } catch (StorageException | RuntimeException e) {
                what = what + " (the final re-check failed too: " + e.getMessage() + ")";
            }
            int handled = deleted.size() + skipped.size();
            skipRest(handled, "not attempted: the run stopped");
            return what + " after deleting " + deleted.size() + " of " + plan.candidates().size() + " blobs.";
        }

        String message(GcResult.Outcome outcome) {
            return switch (outcome) {
                case REFUSED_BLOCKED -> "Nothing was deleted: under the lock, " + abortReason + ".";
                case ABORTED -> "Stopped after deleting " + deleted.size() + " blobs: " + abortReason + "."
                        + (restored.isEmpty() ? "" : " Put back " + restored.size() + " blob(s) that became referenced.");
                default -> "Deleted " + (deleted.size() - restored.size()) + " of " + plan.candidates().size() + " orphaned blobs, "
                        + "skipped " + skipped.size() + (restored.isEmpty() ? "" : ", put back " + restored.size()
                        + " that became referenced while the GC ran") + ".";
            };
        }
    }
}
