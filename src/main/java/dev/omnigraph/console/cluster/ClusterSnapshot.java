package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.ApprovalState;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.RecoverySidecar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the console shows about one cluster, read at one moment: ledger, lock, approvals,
 * recovery sidecars, catalog (joined with the ledger) and graph roots. Immutable; a refresh reads
 * a new one. Built by {@link ClusterReader}.
 *
 * @param diagnostics what upstream's read-only commands would warn about, plus console findings
 * @param objectsListed objects seen while reading (for the cost figures)
 */
public record ClusterSnapshot(ClusterLocation location, Instant readAt, Duration took, LedgerState ledger, LockState lock,
                              List<ApprovalEntry> approvals, List<RecoveryEntry> recoveries, CatalogIndex catalog,
                              List<GraphSummary> graphs, List<Diagnostic> diagnostics, long objectsListed) {

    public Optional<Ledger> ledgerIfPresent() {
        return ledger instanceof LedgerState.Present p ? Optional.of(p.ledger()) : Optional.empty();
    }

    public List<ApprovalArtifact> pendingApprovals() {
        return approvals.stream().flatMap(a -> a.parse().artifact().stream())
                .filter(a -> a.state() == ApprovalState.PENDING).toList();
    }

    public List<RecoverySidecar> sidecars() {
        return recoveries.stream().flatMap(r -> r.parse().artifact().stream()).toList();
    }

    public long graphBytes() {
        return graphs.stream().mapToLong(GraphSummary::bytes).sum();
    }

    public long graphObjects() {
        return graphs.stream().mapToLong(GraphSummary::objects).sum();
    }
}
