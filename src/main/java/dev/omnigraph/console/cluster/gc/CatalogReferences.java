package dev.omnigraph.console.cluster.gc;

import dev.omnigraph.console.cluster.ApprovalEntry;
import dev.omnigraph.console.cluster.CatalogBlob;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.RecoveryEntry;
import dev.omnigraph.console.cluster.SidecarImpact;
import dev.omnigraph.console.cluster.doctor.BundleReads;
import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.ApprovalState;
import dev.omnigraph.console.cluster.model.CatalogPayload;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.RecoverySidecar;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What must not be deleted from the catalog, computed from the ledger, the pending approvals and
 * the recovery sidecars. The rule is deliberately wider than what upstream reads today:
 *
 * <ul>
 *   <li>every blob the ledger references (address + digest → key, spec §4.3);</li>
 *   <li>for each pending approval: the blobs its resource would have at its bound before/after
 *       digests, and any blob whose digest it names;</li>
 *   <li>for each recovery sidecar: every blob of the resources it blocks ({@link SidecarImpact}: the
 *       graph's queries and the policies bound to it) — the interrupted apply may have published
 *       them before it stopped — and any blob whose digest it names.</li>
 * </ul>
 *
 * <p>When the ledger is missing or unreadable, or a sidecar cannot be parsed, nothing can be proven
 * unreferenced: {@link #blockers()} says why and the GC deletes nothing.
 */
public final class CatalogReferences {
    private final Optional<Ledger> ledger;
    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, String> byDigest = new HashMap<>();
    private final Map<String, String> byAddress = new HashMap<>();
    private final List<String> addressPrefixes = new ArrayList<>();
    private final Map<String, String> prefixReasons = new HashMap<>();
    private final List<String> blockers = new ArrayList<>();
    private DeploymentReferences deployments = DeploymentReferences.NONE;

    private CatalogReferences(Optional<Ledger> ledger) {
        this.ledger = ledger;
    }

    public static CatalogReferences of(LedgerState ledgerState, List<ApprovalEntry> approvals, List<RecoveryEntry> recoveries) {
        return of(ledgerState, approvals, recoveries, Map.of());
    }

    /**
     * With the deployment bundles a v2 ledger names ({@link BundleReads#read}): on a v2 root the
     * outstanding deployment and every retained receipt also protect what they reference.
     */
    public static CatalogReferences of(LedgerState ledgerState, List<ApprovalEntry> approvals, List<RecoveryEntry> recoveries,
                                       Map<String, BundleReads.BundleRead> bundles) {
        Optional<Ledger> ledger = ledgerState instanceof LedgerState.Present p ? Optional.of(p.ledger()) : Optional.empty();
        CatalogReferences refs = new CatalogReferences(ledger);
        switch (ledgerState) {
            case LedgerState.Missing m -> refs.blockers.add("there is no ledger: every blob would look unreferenced, so nothing can be collected");
            case LedgerState.Unreadable u -> refs.blockers.add("the ledger cannot be read (" + u.diagnostic().code()
                    + "): what it references is unknown, so nothing can be collected");
            case LedgerState.Present p -> {
                refs.addLedger(p.ledger());
                if (p.ledger().generation().isV2()) {
                    refs.deployments = DeploymentReferences.of(p.ledger(), bundles, refs.blockers);
                }
            }
        }
        boolean v2 = ledger.map(l -> l.generation().isV2()).orElse(false);
        for (ApprovalEntry a : approvals) {
            a.parse().artifact().filter(x -> x.state() == ApprovalState.PENDING).ifPresent(x -> refs.addApproval(x, v2));
        }
        for (RecoveryEntry r : recoveries) {
            if (r.parse().artifact().isEmpty()) {
                refs.blockers.add("recovery sidecar " + r.key() + " cannot be parsed, so what its interrupted apply touched "
                        + "is unknown; nothing is collected until it is resolved");
            } else {
                refs.addSidecar(r.parse().artifact().get());
            }
        }
        return refs;
    }

    private void addLedger(Ledger l) {
        for (Map.Entry<String, LedgerResource> r : l.resources().entrySet()) {
            ResourceAddress address = ResourceAddress.parse(r.getKey());
            CatalogPayload.relativeKey(address, r.getValue().digest())
                    .ifPresent(k -> byKey.putIfAbsent(k, "the ledger references it (" + r.getKey() + ")"));
        }
    }

    private void addApproval(ApprovalArtifact a, boolean v2) {
        String reason = v2 ? "legacy approval " + a.approvalId() + " (" + a.operation() + " " + a.resource() + ", v1 history that "
                + "v0.13 never reads; not pending work) names its digest, and the GC keeps what any record names"
                : "pending approval " + a.approvalId() + " (" + a.operation() + " " + a.resource() + ") is bound to its digest";
        ResourceAddress address = ResourceAddress.parse(a.resource());
        for (String digest : new String[] {a.boundBeforeDigest(), a.boundAfterDigest()}) {
            if (digest == null) {
                continue;
            }
            byDigest.putIfAbsent(digest, reason);
            CatalogPayload.relativeKey(address, digest).ifPresent(k -> byKey.putIfAbsent(k, reason));
        }
    }

    private void addSidecar(RecoverySidecar s) {
        String reason = "recovery sidecar " + s.operationId() + " (" + s.kind().wireName() + " of graph " + s.graphId()
                + ") is pending: the interrupted apply may have published it";
        if (!s.desiredSchemaDigest().isEmpty()) {
            byDigest.putIfAbsent(s.desiredSchemaDigest(), reason);
        }
        if (!s.isAttributed()) {
            blockers.add("recovery sidecar " + s.operationId() + " names no graph, so what it touched is unknown; nothing is "
                    + "collected until it is resolved");
            return;
        }
        for (String address : SidecarImpact.of(s, ledger).blockedAddresses()) {
            byAddress.putIfAbsent(address, reason);
        }
        String prefix = "query." + s.graphId() + ".";
        addressPrefixes.add(prefix);
        prefixReasons.putIfAbsent(prefix, reason);
    }

    /** Why nothing at all may be collected; empty when collection is possible. */
    public List<String> blockers() {
        return List.copyOf(blockers);
    }

    /** The ledger these references were computed from. */
    public Optional<Ledger> ledger() {
        return ledger;
    }

    /** Why {@code blob} must be kept, or empty when nothing refers to it. */
    public Optional<String> protection(CatalogBlob blob) {
        if (blob.key().startsWith(DeploymentReferences.BUNDLES)) {
            return Optional.of(deployments.bundleReason(blob.key()));
        }
        Optional<String> deployment = deployments.protection(blob.key());
        if (deployment.isPresent() && !byKey.containsKey(blob.key())) {
            return deployment;
        }
        if (!blob.wellFormed()) {
            return Optional.of("not named like a catalog payload (<sha256>.gq / <sha256>.yaml): the GC only collects payloads");
        }
        String why = byKey.get(blob.key());
        if (why != null) {
            return Optional.of(why);
        }
        why = byDigest.get(blob.digest());
        if (why != null) {
            return Optional.of(why);
        }
        why = byAddress.get(blob.address());
        if (why != null) {
            return Optional.of(why);
        }
        if (blob.kind() == ResourceKind.QUERY) {
            for (String prefix : addressPrefixes) {
                if (blob.address().startsWith(prefix)) {
                    return Optional.of(prefixReasons.get(prefix));
                }
            }
        }
        return Optional.empty();
    }
}
