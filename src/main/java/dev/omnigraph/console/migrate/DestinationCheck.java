package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.CapabilityProbe;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phase 1: is the destination usable? It must be a separate root (not the source, not nested in
 * it), reachable and listable, and the capability probe must <em>prove</em> create-only and
 * If-Match writes there (spec §9: the ledger and lock depend on both). A server that ignores the
 * preconditions is refused with the probe's reason. When both roots share an S3 endpoint, a second
 * probe ({@link CopyPreconditionProbe}) decides whether objects may be copied server-side. The
 * probes write scratch objects under {@code __cluster/} and remove them.
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

    private DestinationCheck() {}

    public static Report run(Endpoint source, Endpoint destination, ObjectStore destinationStore) {
        List<CheckItem> items = new ArrayList<>();
        Optional<String> overlap = RootOverlap.between(source, destination);
        if (overlap.isPresent()) {
            items.add(CheckItem.refuse("separate roots", overlap.get() + ": choose a root outside the source"));
            return new Report(destination, items, Optional.empty(), false);
        }
        items.add(CheckItem.pass("separate roots", "the destination does not overlap the source root"));
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

    private static CheckItem fromProbe(CapabilityProbe.Report probe, String check, String name, String refusal) {
        Optional<CapabilityProbe.Check> c = probe.check(check);
        if (c.isPresent() && c.get().status() == CapabilityProbe.Status.PASS) {
            return CheckItem.pass(name, c.get().detail());
        }
        String detail = c.map(CapabilityProbe.Check::detail).orElse("not checked");
        return CheckItem.refuse(name, refusal + " (" + detail + ")");
    }
}
