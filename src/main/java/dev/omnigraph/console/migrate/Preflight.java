package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.ApprovalState;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.lance.GraphDataPortability;
import dev.omnigraph.console.migrate.lance.PortabilityReport;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Phase 2: can this cluster be migrated now? Mirrors spec §8 "facts a Java implementation of D7
 * must respect":
 * <ul>
 *   <li>the source lock is free and we take it ({@code migrate-storage}) for the whole migration;</li>
 *   <li>the source ledger parses (read under the lock; its exact bytes are what cutover writes);</li>
 *   <li>every Lance dataset of every graph is portable: no base path outside it (a shallow clone)
 *       and no branch ({@link GraphDataPortability});</li>
 *   <li>no recovery sidecars: they carry absolute source {@code graph_uri}s the sweep would probe at
 *       the destination — refuse;</li>
 *   <li>pending approvals go stale once {@code storage:} changes (the desired config digest
 *       changes, §4.4) — warn and list them;</li>
 *   <li>the destination has no ledger, or exactly the source's bytes (then the migration is already
 *       done), and no lock of its own;</li>
 *   <li>the admin confirms that graph writers are stopped (graph roots must be quiescent).</li>
 * </ul>
 * A refused or already-done preflight releases the lock again: it leaves the source as it was.
 */
public final class Preflight {
    private Preflight() {}

    /**
     * @param writersStopped the admin confirmed that no engine writes to the graphs during the copy
     * @param takeOverLockId the exact id of a lock left by an interrupted migration, to resume under it
     */
    public static PreflightReport run(ObjectStore source, SourceLock lock, ObjectStore destination, boolean writersStopped,
                                      Optional<String> takeOverLockId) throws StorageException {
        List<CheckItem> items = new ArrayList<>();
        SourceLock.Outcome taken = lock.acquire(takeOverLockId, writersStopped);
        switch (taken) {
            case SourceLock.Outcome.Taken t -> items.add(CheckItem.pass("source lock", taken(t)));
            case SourceLock.Outcome.Refused r -> items.add(CheckItem.refuse("source lock", r.reason()));
        }
        boolean done = false;
        Optional<Ledger> ledger = Optional.empty();
        List<ApprovalArtifact> pending = List.of();
        try {
            LedgerState state = ClusterReader.readLedger(source);
            switch (state) {
                case LedgerState.Present p -> {
                    ledger = Optional.of(p.ledger());
                    items.add(CheckItem.pass("source ledger", "the ledger parses (" + p.ledger().generation().label() + "): revision "
                            + Long.toUnsignedString(p.ledger().stateRevision()) + ", " + p.ledger().resources().size() + " resources, "
                            + p.ledger().cas()));
                    outstanding(p.ledger(), source.uri().display()).ifPresent(items::add);
                }
                case LedgerState.Missing m -> items.add(CheckItem.refuse("source ledger",
                        "there is no ledger (" + ClusterLayout.STATE + ") at the source: it holds no cluster to migrate"));
                case LedgerState.Unreadable u -> items.add(CheckItem.refuse("source ledger",
                        "the source ledger cannot be read (" + u.diagnostic().code() + "): " + u.diagnostic().message()));
            }
            items.add(sidecars(source));
            items.add(graphData(source));
            pending = pendingApprovals(source);
            if (pending.isEmpty()) {
                items.add(CheckItem.pass("approvals", "no pending approvals"));
            } else {
                items.add(CheckItem.warn("approvals", pending.size() + " pending approval(s) will become stale (approval_stale): changing "
                        + "storage: changes the desired config digest; approve them again after the migration", pending.stream()
                        .map(a -> a.approvalId() + ": " + a.operation() + " " + a.resource() + " approved by " + a.approvedBy()).toList()));
            }
            CheckItem destinationLedger = destinationLedger(destination, ledger);
            items.add(destinationLedger);
            done = destinationLedger.verdict() == CheckItem.Verdict.DONE;
            if (!done) {
                items.add(destinationLock(destination));
            }
            items.add(writersStopped
                    ? CheckItem.pass("graph writers", "the admin confirmed that graph writers are stopped")
                    : CheckItem.refuse("graph writers", "confirm that every server, apply and graph writer of this cluster "
                            + "(omnigraph-server, cluster apply, ingest and other graph jobs) is stopped: Lance datasets must not change "
                            + "while they are copied"));
        } catch (StorageException | RuntimeException e) {
            lock.release();
            throw e;
        }
        Optional<LockFile> held = lock.held();
        if (done || items.stream().anyMatch(CheckItem::refused)) {
            Optional<String> problem = lock.release();
            problem.ifPresent(p -> items.add(CheckItem.warn("source lock", p, List.of())));
            held = Optional.empty();
        }
        return new PreflightReport(items, ledger, held, done, pending);
    }

    private static String taken(SourceLock.Outcome.Taken t) {
        String id = t.lock().lockId();
        if (t.replaced().isPresent()) {
            LockFile old = t.replaced().get();
            return "took over " + old.operation() + " lock " + old.lockId() + " by its exact id (" + LockOperation.of(old.operation())
                    .meaning(Optional.empty(), Optional.empty(), java.util.OptionalLong.empty(), Long.MAX_VALUE).summary()
                    + "), the admin having confirmed every server, apply and graph writer is stopped: it is now lock " + id + " ("
                    + SourceLock.OPERATION + "), held until the migration ends";
        }
        return (t.takenOver() ? "took over lock " + id + " of the interrupted migration" : "took lock " + id + " (" + SourceLock.OPERATION
                + ")") + "; it is held until the migration ends";
    }

    /**
     * An outstanding deployment refuses the migration (spec §2.5, §9.3): its bundle and the
     * ledger's {@code outstanding} record carry the source's absolute root, so a copy could never
     * be reconciled.
     */
    private static Optional<CheckItem> outstanding(Ledger ledger, String root) {
        return ledger.outstanding().map(o -> new CheckItem("outstanding deployment", CheckItem.Verdict.REFUSE, "deployment " + o.id()
                + " is outstanding: its bundle and the ledger's outstanding record carry this root's absolute location, so a copy "
                + "could never be reconciled; settle it at the source first: " + o.reconcileCommand().replace("ROOT", root)
                + " (never resubmit it under a new id)", o.recordedRoots()));
    }

    private static CheckItem sidecars(ObjectStore source) throws StorageException {
        List<String> found = new ArrayList<>();
        for (ObjectInfo info : source.listChildren(ClusterLayout.RECOVERIES).objects()) {
            if (ClusterLayout.jsonChildStem(ClusterLayout.RECOVERIES, info.key()).isPresent()) {
                found.add(info.key());
            }
        }
        if (found.isEmpty()) {
            return CheckItem.pass("recovery sidecars", "no pending recovery sidecars");
        }
        return new CheckItem("recovery sidecars", CheckItem.Verdict.REFUSE, found.size() + " pending recovery sidecar(s): they name the "
                + "source graph roots by absolute URI, which the next sweep would probe at the destination; run 'omnigraph cluster "
                + "refresh' (or apply) at the source to settle them first", found);
    }

    private static CheckItem graphData(ObjectStore source) throws StorageException {
        PortabilityReport report = GraphDataPortability.check(source);
        if (report.portable()) {
            return CheckItem.pass("graph data", report.graphs() + " graph(s), " + report.datasets() + " Lance dataset(s), "
                    + report.manifests() + " manifest(s) inspected: every dataset reads only its own files and has no branch");
        }
        List<String> details = new ArrayList<>(report.problems().stream().map(PortabilityReport.Problem::describe).toList());
        if (report.moreProblems() > 0) {
            details.add("… and " + report.moreProblems() + " more");
        }
        PortabilityReport.Problem first = report.problems().getFirst();
        return new CheckItem("graph data", CheckItem.Verdict.REFUSE, "graph " + first.graph() + ", dataset " + first.dataset()
                + " is not portable (" + (report.problems().size() + report.moreProblems()) + " problem(s)): a Lance shallow clone or "
                + "branch reads through an absolute location, so a copy would still read the source; rebuild it at the destination "
                + "by export and load instead", details);
    }

    private static List<ApprovalArtifact> pendingApprovals(ObjectStore source) throws StorageException {
        List<ApprovalArtifact> out = new ArrayList<>();
        for (ObjectInfo info : source.listChildren(ClusterLayout.APPROVALS).objects()) {
            Optional<String> stem = ClusterLayout.jsonChildStem(ClusterLayout.APPROVALS, info.key());
            if (stem.isEmpty() || info.size() > WireLimits.APPROVAL_MAX_BYTES) {
                continue;
            }
            Optional<StoredObject> bytes = source.read(info.key(), WireLimits.APPROVAL_MAX_BYTES);
            if (bytes.isPresent()) {
                ApprovalArtifact.parse(bytes.get().bytes(), stem.get()).artifact()
                        .filter(a -> a.state() == ApprovalState.PENDING).ifPresent(out::add);
            }
        }
        return out;
    }

    private static CheckItem destinationLedger(ObjectStore destination, Optional<Ledger> source) throws StorageException {
        Optional<StoredObject> existing;
        try {
            existing = destination.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                return CheckItem.refuse("destination ledger", "the destination already holds a ledger that is not the source's ("
                        + e.getMessage() + "); nothing will be overwritten: choose an empty destination");
            }
            throw e;
        }
        if (existing.isEmpty()) {
            return CheckItem.pass("destination ledger", "the destination holds no ledger: it becomes authoritative only at cutover");
        }
        byte[] there = existing.get().bytes();
        if (source.isPresent() && Arrays.equals(there, source.get().rawBytes())) {
            return CheckItem.done("destination ledger", "the destination already holds exactly the source ledger ("
                    + source.get().cas() + "): this migration is already done");
        }
        return CheckItem.refuse("destination ledger", "the destination already holds a different ledger ("
                + dev.omnigraph.console.cluster.model.Digests.stateCas(there) + ", " + Format.bytes(there.length)
                + "); it is another cluster, or one that has moved on: nothing will be overwritten, choose an empty destination");
    }

    private static CheckItem destinationLock(ObjectStore destination) throws StorageException {
        Optional<StoredObject> lock = destination.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        if (lock.isEmpty()) {
            return CheckItem.pass("destination lock", "no lock at the destination");
        }
        String holder;
        try {
            LockFile l = LockFile.parse(lock.get().bytes());
            holder = "lock " + l.lockId() + " (" + l.operation() + ", pid " + l.pid() + ")";
        } catch (dev.omnigraph.console.cluster.model.WireFormatException e) {
            holder = "an unreadable lock object";
        }
        return CheckItem.refuse("destination lock", "the destination holds " + holder + " at " + ClusterLayout.LOCK
                + ": something else is working there, and after cutover it would block every locking command");
    }
}
