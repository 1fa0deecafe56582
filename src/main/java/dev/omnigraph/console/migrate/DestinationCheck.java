package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.CapabilityProbe;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Phase 1: is the destination usable? It must be a separate root (not the source, not nested in
 * it), reachable and listable, and the capability probe must <em>prove</em> create-only and
 * If-Match writes there (spec §9: the ledger and lock depend on both). A server that ignores the
 * preconditions is refused with the probe's reason. When both roots share an S3 endpoint, a second
 * probe ({@link CopyPreconditionProbe}) decides whether objects may be copied server-side.
 *
 * <p>Read first, probe after: the source ledger and the destination's ledger and lock are read
 * before anything is written, so a source that cannot be read, a destination that cannot be
 * reached (conditional writes "could not be tested"), one that holds another cluster's ledger or
 * a lock, or one that already holds exactly the source's ledger, is answered without the probes'
 * scratch objects (written under {@code __cluster/} and removed) ever touching it.
 */
public final class DestinationCheck {

    /**
     * The checklist and the probe behind it.
     *
     * @param serverSideCopy both roots share an endpoint and its CopyObject proved it honours destination preconditions
     */
    public record Report(Endpoint destination, List<CheckItem> items, Optional<CapabilityProbe.Report> probe, boolean serverSideCopy) {
        public Report {
            items = List.copyOf(items);
        }

        public boolean ok() {
            return items.stream().noneMatch(CheckItem::refused);
        }

        /** The first refusal, for one-line messages. */
        public Optional<CheckItem> refusal() {
            return items.stream().filter(CheckItem::refused).findFirst();
        }
    }

    private static final String UNTESTED = "conditional writes could not be tested";

    private DestinationCheck() {}

    /** Without the source store: the destination alone (no source-readability or same-ledger check). */
    public static Report run(Endpoint source, Endpoint destination, ObjectStore destinationStore) {
        return run(source, null, destination, destinationStore);
    }

    public static Report run(Endpoint source, ObjectStore sourceStore, Endpoint destination, ObjectStore destinationStore) {
        List<CheckItem> items = new ArrayList<>();
        Optional<String> overlap = RootOverlap.between(source, destination);
        if (overlap.isPresent()) {
            items.add(CheckItem.refuse("separate roots", overlap.get() + ": choose a root outside the source"));
            return new Report(destination, items, Optional.empty(), false);
        }
        items.add(CheckItem.pass("separate roots", "the destination does not overlap the source root"));
        Optional<byte[]> sourceLedger = Optional.empty();
        if (sourceStore != null) {
            CheckItem readable = sourceReadable(sourceStore, source);
            items.add(readable);
            if (readable.refused()) {
                return new Report(destination, items, Optional.empty(), false);
            }
            sourceLedger = readLedger(sourceStore);
        }
        List<CheckItem> before = readFirst(destinationStore, destination, sourceLedger);
        items.addAll(before);
        if (before.stream().anyMatch(i -> i.refused() || i.verdict() == CheckItem.Verdict.DONE)) {
            return new Report(destination, items, Optional.empty(), false);
        }
        return probe(source, destination, destinationStore, items);
    }

    private static Report probe(Endpoint source, Endpoint destination, ObjectStore destinationStore, List<CheckItem> items) {
        CapabilityProbe.Report probe = CapabilityProbe.run(destinationStore, ClusterLayout.PROBE, CapabilityProbe.Purpose.NEW_CLUSTER);
        items.add(fromProbe(probe, CapabilityProbe.LIST, "list", "the destination cannot be listed"));
        items.add(fromProbe(probe, CapabilityProbe.CREATE_ONLY, "create-only writes",
                "create-only writes (If-None-Match: *) are not enforced: the ledger cutover could overwrite another writer"));
        items.add(fromProbe(probe, CapabilityProbe.IF_MATCH, "If-Match writes",
                "If-Match writes are not enforced: the cluster's ledger compare-and-swap would not hold there"));
        probe.check(CapabilityProbe.VERSIONING).ifPresent(v -> items.add(v.status() == CapabilityProbe.Status.PASS
                ? CheckItem.pass("versioning", v.detail())
                : CheckItem.warn("versioning", v.detail(), List.of())));
        boolean serverSide = false;
        if (ServerSide.possible(source, destination) && probe.canWriteConditionally()) {
            Optional<String> why = CopyPreconditionProbe.check(destinationStore);
            serverSide = why.isEmpty();
            items.add(serverSide
                    ? CheckItem.pass("server-side copy", "CopyObject honours If-None-Match and If-Match: the server copies the objects itself")
                    : CheckItem.warn("server-side copy", why.get() + ": objects are streamed through this machine instead, so every write "
                            + "stays conditional", List.of()));
        }
        return new Report(destination, items, Optional.of(probe), serverSide);
    }

    private static CheckItem sourceReadable(ObjectStore sourceStore, Endpoint source) {
        try {
            return sourceStore.stat(ClusterLayout.STATE).isPresent()
                    ? CheckItem.pass("source readable", "the source ledger can be read at " + source.display())
                    : CheckItem.refuse("source readable", "there is no ledger (" + ClusterLayout.STATE + ") at the source "
                            + source.display() + ": it holds no cluster to migrate; nothing was written at the destination");
        } catch (StorageException e) {
            return CheckItem.refuse("source readable", "the source cannot be read (" + e.describe() + "): check its endpoint and keys; "
                    + "nothing was written at the destination");
        }
    }

    private static Optional<byte[]> readLedger(ObjectStore store) {
        try {
            return store.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES).map(StoredObject::bytes);
        } catch (StorageException e) {
            return Optional.empty(); // preflight reads it again under the lock and says why
        }
    }

    /** The destination's ledger and lock, read before any probe writes there. */
    private static List<CheckItem> readFirst(ObjectStore destinationStore, Endpoint destination, Optional<byte[]> sourceLedger) {
        Optional<StoredObject> ledger;
        Optional<StoredObject> lock;
        try {
            ledger = destinationStore.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES);
            lock = destinationStore.read(ClusterLayout.LOCK, WireLimits.LOCK_MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                return List.of(CheckItem.refuse("destination ledger", "the destination already holds a ledger or lock that is not the "
                        + "source's (" + e.getMessage() + "); nothing will be overwritten: choose an empty destination"));
            }
            return List.of(CheckItem.refuse("reachable", "the destination " + destination.display() + " cannot be read ("
                    + e.describe() + "): " + UNTESTED + "; check its endpoint and keys"));
        }
        List<CheckItem> out = new ArrayList<>();
        out.add(CheckItem.pass("reachable", "the destination can be read"));
        if (ledger.isPresent()) {
            byte[] there = ledger.get().bytes();
            if (sourceLedger.isPresent() && Arrays.equals(there, sourceLedger.get())) {
                out.add(CheckItem.done("destination ledger", "the destination already holds exactly the source ledger ("
                        + Digests.stateCas(there) + "): this migration is already done; nothing was probed there"));
                return out;
            }
            out.add(CheckItem.refuse("destination ledger", "the destination already holds a ledger (" + Digests.stateCas(there)
                    + ") that is not the source's: it is another cluster, or one that has moved on; nothing was written there, "
                    + "choose an empty destination"));
        }
        lock.ifPresent(l -> out.add(CheckItem.refuse("destination lock", "the destination holds a lock at " + ClusterLayout.LOCK
                + ": something else is working there; nothing was written there")));
        return out;
    }

    private static CheckItem fromProbe(CapabilityProbe.Report probe, String check, String name, String refusal) {
        Optional<CapabilityProbe.Check> c = probe.check(check);
        if (c.isPresent() && c.get().status() == CapabilityProbe.Status.PASS) {
            return CheckItem.pass(name, c.get().detail());
        }
        String detail = c.map(CapabilityProbe.Check::detail).orElse("not checked");
        if (!proven(probe, c)) {
            return CheckItem.refuse(name, name + " could not be tested at the destination (" + detail + "): " + UNTESTED
                    + "; check its endpoint, keys and permissions");
        }
        return CheckItem.refuse(name, refusal + " (" + detail + ")");
    }

    /**
     * Whether a failed check proved the server misbehaves, rather than failing to run: the probe's
     * own findings name the server's behaviour ("the server …", "… was refused"); a request error
     * (unreachable, wrong keys, no permission) is a storage error's description, and a failed
     * create-only put leaves the If-Match check skipped.
     */
    private static boolean proven(CapabilityProbe.Report probe, Optional<CapabilityProbe.Check> c) {
        if (c.isEmpty() || c.get().status() == CapabilityProbe.Status.SKIPPED) {
            return false;
        }
        if (c.get().name().equals(CapabilityProbe.LIST)) {
            return false;
        }
        boolean writeFailedToRun = probe.check(CapabilityProbe.IF_MATCH).map(i -> i.status() == CapabilityProbe.Status.SKIPPED).orElse(false);
        if (c.get().name().equals(CapabilityProbe.CREATE_ONLY) && writeFailedToRun) {
            return false;
        }
        String d = c.get().detail();
        return d.startsWith("the server") || d.startsWith("a create-only put");
    }
}
