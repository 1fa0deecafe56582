package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.ApprovalState;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
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

    /**
     * Approvals that still authorize something: pending v1 artifacts. Empty on v2 roots, where
     * OmniGraph neither reads nor writes approvals (v0.13 spec §7): see {@link #legacyApprovals()}.
     */
    public List<ApprovalArtifact> pendingApprovals() {
        if (isV2()) {
            return List.of();
        }
        return approvals.stream().flatMap(a -> a.parse().artifact().stream())
                .filter(a -> a.state() == ApprovalState.PENDING).toList();
    }

    /** On a v2 root, every readable approval file: history only, nothing reads it. Empty on other roots. */
    public List<ApprovalArtifact> legacyApprovals() {
        if (!isV2()) {
            return List.of();
        }
        return approvals.stream().flatMap(a -> a.parse().artifact().stream()).toList();
    }

    /** The ledger's generation, when it could be read (the one place that decides it is {@link Ledger#parse}). */
    public Optional<LedgerGeneration> generation() {
        return ledgerIfPresent().map(Ledger::generation);
    }

    /** A v2 ledger of either shape: v0.13's lock, deployment and approval rules apply. */
    public boolean isV2() {
        return generation().map(LedgerGeneration::isV2).orElse(false);
    }

    /** The outstanding deployment, if the ledger has one. */
    public Optional<OutstandingDeployment> outstanding() {
        return ledgerIfPresent().flatMap(Ledger::outstanding);
    }

    /**
     * What the held lock means here (operation, generation, outstanding deployment); empty when the
     * lock is free or unreadable. Never "possibly stale" on a v2 root (or one whose ledger is unknown).
     *
     * @param staleAfterSeconds the admin's staleness threshold, used on v1 roots only
     */
    public Optional<LockOperation.Meaning> lockMeaning(long staleAfterSeconds) {
        if (!(lock instanceof LockState.Held held)) {
            return Optional.empty();
        }
        Optional<LedgerGeneration> generation = ledger instanceof LedgerState.Missing
                ? Optional.of(LedgerGeneration.V1) : generation();
        return Optional.of(LockOperation.of(held.lock().operation()).meaning(generation, outstanding(), held.ageSeconds(),
                staleAfterSeconds));
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
