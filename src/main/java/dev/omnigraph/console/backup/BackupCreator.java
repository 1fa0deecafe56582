package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Takes a restore point of a cluster root into a backup location, under the quiescence rules of a
 * migration: writers confirmed stopped, no outstanding deployment, the cluster lock ours for the
 * whole copy ({@link BackupLock}). Every object of the root except the lock is stored as a
 * content-addressed blob (create-only, verified); the ledger is the exact bytes read under the
 * lock. Before the manifest is written the root is checked once more (same ledger bytes, same
 * listing, the lock still ours): a point records one coherent state or is not written at all.
 * Killed or failed, the point stays incomplete; a re-run finds the blobs already stored and copies
 * only the rest.
 */
public final class BackupCreator {
    private record Item(BlobTransfer.Stored stored, String failure) {}

    private final ObjectStore root;
    private final ObjectStore location;
    private final BackupControl control;
    private final BackupListener listener;

    public BackupCreator(ObjectStore root, ObjectStore location, BackupControl control, BackupListener listener) {
        this.root = root;
        this.location = location;
        this.control = control;
        this.listener = listener;
    }

    public BackupResult create(BackupOptions options) throws Exception {
        if (!options.writersStopped()) {
            return BackupResult.refused("confirm that every server, apply and graph writer of this cluster is stopped (--writers-stopped): "
                    + "Lance datasets and the ledger must not change while a restore point is taken");
        }
        String display = root.uri().display();
        Optional<String> refusal = ledgerRefusal(readLedger());
        if (refusal.isPresent()) {
            return BackupResult.refused(refusal.get());
        }
        BackupLock.Outcome taken = BackupLock.take(root, location, options.takeOverLockId(), Instant.now());
        if (taken instanceof BackupLock.Outcome.Refused r) {
            return BackupResult.refused(r.reason());
        }
        BackupLock.Outcome.Taken t = (BackupLock.Outcome.Taken) taken;
        listener.notice((t.resumed() ? "resuming restore point " : "started restore point ") + t.lock().session().pointId() + " under lock "
                + t.lock().ours().lockId() + t.lock().session().originalLock().map(o -> " (the lock it took over is put back after)").orElse(""));
        try {
            LedgerFacts facts = LedgerFacts.of(readLedger().orElse(new byte[0]));
            facts.problem().ifPresent(p -> listener.notice("the ledger is kept as it is, although OmniGraph v0.13 would refuse it (" + p + ")"));
        } catch (IllegalArgumentException ignored) {
            // refused again under the lock
        }
        BackupResult result;
        try {
            result = underLock(t.lock(), options, display);
        } catch (Exception | Error e) {
            t.lock().putBack().ifPresent(listener::notice);
            throw e;
        }
        return result.withLockProblem(t.lock().putBack());
    }

    private Optional<byte[]> readLedger() throws StorageException {
        return root.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES).map(StoredObject::bytes);
    }

    private Optional<String> ledgerRefusal(Optional<byte[]> ledger) {
        String display = root.uri().display();
        if (ledger.isEmpty()) {
            return Optional.of("there is no ledger (" + ClusterLayout.STATE + ") at " + display + ": it is not a cluster root");
        }
        try {
            LedgerFacts facts = LedgerFacts.of(ledger.get());
            return facts.outstandingId().map(id -> LockAdvice.outstanding(display, id));
        } catch (IllegalArgumentException e) {
            return Optional.of("the ledger at " + display + " cannot be read (" + e.getMessage() + "): a restore point must capture a "
                    + "valid ledger");
        }
    }

    private BackupResult underLock(BackupLock lock, BackupOptions options, String display) throws Exception {
        String pointId = lock.session().pointId();
        Optional<byte[]> ledgerBytes = readLedger();
        Optional<String> refusal = ledgerRefusal(ledgerBytes);
        if (refusal.isPresent()) {
            return failed(pointId, refusal.get(), List.of(), 0, 0, 0, null);
        }
        byte[] ledger = ledgerBytes.get();
        LedgerFacts facts = LedgerFacts.of(ledger);
        List<ObjectInfo> objects = listRoot();
        Map<String, PointObject> previous = previousHashes(display);
        long bytes = objects.stream().mapToLong(ObjectInfo::size).sum() + ledger.length;
        ProgressCounter counter = new ProgressCounter("backup", objects.size() + 1L, bytes);
        BlobTransfer transfer = new BlobTransfer(location);
        BlobTransfer.Stored ledgerStored = Retrying.call(ClusterLayout.STATE, control, listener, () -> transfer.storeBytes(
                new ObjectInfo(ClusterLayout.STATE, ledger.length, Instant.EPOCH, null), ledger));
        counter.done(ledger.length, ledgerStored.copied());
        List<Item> items = ParallelRunner.run(objects, options.concurrency(), control, counter, listener, info -> {
            try {
                BlobTransfer.Stored s = Retrying.call(info.key(), control, listener,
                        () -> transfer.backup(root, info, known(previous, info)));
                counter.done(info.size(), s.copied());
                return new Item(s, null);
            } catch (TransferFailure f) {
                counter.failed.incrementAndGet();
                return new Item(null, f.getMessage());
            }
        });
        List<String> failures = items.stream().filter(i -> i.failure() != null).map(Item::failure).toList();
        long copied = counter.objectsCopied.get();
        long copiedBytes = counter.bytesCopied.get();
        long reused = counter.objectsDone.get() - copied;
        if (!failures.isEmpty()) {
            return failed(pointId, failures.size() + " object(s) could not be stored; the point is incomplete: run the backup again to "
                    + "retry them (stored blobs are not copied again)", failures, copied, copiedBytes, reused, counter);
        }
        Optional<String> moved = quiescenceBroken(lock, ledger, objects);
        if (moved.isPresent()) {
            return failed(pointId, moved.get(), List.of(), copied, copiedBytes, reused, counter);
        }
        List<PointObject> all = new ArrayList<>(items.stream().map(i -> i.stored().object()).toList());
        all.add(ledgerStored.object());
        all.sort(Comparator.comparing(PointObject::key, dev.omnigraph.console.storage.Keys::compare));
        RestorePoint point = new RestorePoint(pointId, lock.session().startedAt(), Instant.now(), display, facts,
                lock.session().originalLock().isPresent() ? "taken-over" : "acquired",
                lock.session().originalLock().isPresent() ? originalLockId(lock) : Optional.empty(), all, copied, copiedBytes);
        PutResult written = location.put(BackupLayout.manifestKey(pointId), point.toBytes(), WriteCondition.IF_ABSENT);
        if (!written.written()) {
            return failed(pointId, "a manifest for point " + pointId + " already exists: nothing was overwritten", List.of(), copied,
                    copiedBytes, reused, counter);
        }
        return new BackupResult(BackupResult.Outcome.CREATED, "restore point " + pointId + " created: " + all.size() + " objects, "
                + copied + " copied, " + reused + " already stored", Optional.of(point), Optional.of(pointId), List.of(), Optional.empty(),
                copied, copiedBytes, reused, counter.elapsed());
    }

    private static Optional<String> originalLockId(BackupLock lock) {
        try {
            return Optional.of(dev.omnigraph.console.cluster.model.LockFile.parse(lock.session().originalLockBytes().orElseThrow()).lockId());
        } catch (dev.omnigraph.console.cluster.model.WireFormatException e) {
            return Optional.empty();
        }
    }

    private BackupResult failed(String pointId, String message, List<String> failures, long copied, long copiedBytes, long reused,
                                ProgressCounter counter) {
        return new BackupResult(BackupResult.Outcome.FAILED, message, Optional.empty(), Optional.of(pointId), failures, Optional.empty(),
                copied, copiedBytes, reused, counter == null ? java.time.Duration.ZERO : counter.elapsed());
    }

    /** Every object of the root but the lock and the ledger (the ledger is the bytes read under the lock). */
    private List<ObjectInfo> listRoot() throws StorageException {
        try (Stream<ObjectInfo> s = root.list("")) {
            return s.filter(o -> !o.key().equals(ClusterLayout.LOCK) && !o.key().equals(ClusterLayout.STATE)).toList();
        }
    }

    /** Hashes recorded by the newest point of the same root, for objects that carried an ETag. */
    private Map<String, PointObject> previousHashes(String display) throws StorageException {
        Map<String, PointObject> out = new HashMap<>();
        BackupCatalog.latestFrom(location, display).ifPresent(p -> p.objects().stream().filter(o -> o.sourceEtag().isPresent())
                .forEach(o -> out.put(o.key(), o)));
        return out;
    }

    /** The SHA-256 an earlier point recorded for exactly this object (same key, size and ETag), if any. */
    private static Optional<String> known(Map<String, PointObject> previous, ObjectInfo info) {
        PointObject p = previous.get(info.key());
        if (p == null || info.etag() == null || p.size() != info.size() || !p.sourceEtag().orElse("").equals(info.etag())) {
            return Optional.empty();
        }
        return Optional.of(p.sha256());
    }

    /** Empty when the root is as it was when the point started: same ledger bytes, same listing, our lock. */
    private Optional<String> quiescenceBroken(BackupLock lock, byte[] ledger, List<ObjectInfo> listed) throws StorageException {
        if (!lock.stillOurs()) {
            return Optional.of("the cluster lock was changed while the backup ran: the point is incomplete (was the lock force-unlocked?)");
        }
        if (!Arrays.equals(readLedger().orElse(new byte[0]), ledger)) {
            return Optional.of("the ledger changed while the backup ran: a writer is still running; the point is incomplete");
        }
        List<ObjectInfo> now = listRoot();
        Map<String, Long> before = new HashMap<>();
        listed.forEach(o -> before.put(o.key(), o.size()));
        boolean same = now.size() == listed.size() && now.stream().allMatch(o -> Long.valueOf(o.size()).equals(before.get(o.key())));
        return same ? Optional.empty() : Optional.of("objects of the root were added, removed or resized while the backup ran: a graph writer "
                + "is still running; the point is incomplete");
    }
}
