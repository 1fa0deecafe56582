package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What upstream's read-only commands would warn about for one snapshot, per generation. On v1 roots
 * (and when the ledger is missing or unreadable) the v0.11 findings are kept as they were. On v2 roots
 * (v0.13 spec §7, §8.4): approvals are legacy history and say nothing; each recovery sidecar is
 * {@code legacy_recovery_pending} (never swept by v0.13, it blocks deployments and v1 conversion);
 * an outstanding deployment is {@code cluster_deployment_outstanding}; the v0.12 shape is
 * {@code ledger_upgrade_required}; a referenced bundle that is absent is {@code deployment_bundle_missing}.
 */
final class SnapshotDiagnostics {

    private SnapshotDiagnostics() {
    }

    static List<Diagnostic> collect(LedgerState ledger, LockState lock, List<ApprovalEntry> approvals,
            List<RecoveryEntry> recoveries, CatalogIndex catalog) {
        List<Diagnostic> out = new ArrayList<>();
        Optional<Ledger> parsed = ledger instanceof LedgerState.Present p ? Optional.of(p.ledger()) : Optional.empty();
        boolean v2 = parsed.map(l -> l.generation().isV2()).orElse(false);
        switch (ledger) {
            case LedgerState.Missing m -> out.add(Diagnostic.warning("state_missing", "state",
                    "no ledger at " + ClusterLayout.STATE + ": this root holds no cluster yet"));
            case LedgerState.Unreadable u -> out.add(u.diagnostic());
            case LedgerState.Present p -> ledgerFindings(p.ledger(), out);
        }
        if (lock instanceof LockState.Unreadable u) {
            out.add(u.diagnostic());
        }
        if (!v2) {
            for (ApprovalEntry a : approvals) {
                out.addAll(a.parse().diagnostics());
            }
        }
        for (RecoveryEntry r : recoveries) {
            out.addAll(r.parse().diagnostics());
            r.parse().artifact().ifPresent(s -> out.add(v2
                    ? Diagnostic.warning("legacy_recovery_pending", r.key(), "legacy recovery sidecar " + s.operationId()
                            + " (" + s.kind().wireName() + " of graph " + s.graphId() + "): OmniGraph v0.13 never sweeps it; "
                            + "it blocks every deployment and ledger conversion (policy_recovery_required) and quarantines "
                            + "the graph at boot. Resolve it with the build that wrote it")
                    : Diagnostic.warning("cluster_recovery_pending", r.key(), "recovery sidecar " + s.operationId() + " ("
                            + s.kind().wireName() + " of graph " + s.graphId() + ") is pending: the next apply or refresh "
                            + "sweeps it; serving quarantines the graph")));
        }
        for (CatalogEntry e : catalog.missing()) {
            out.add(Diagnostic.warning("catalog_payload_missing", e.address(),
                    "the ledger references " + e.address() + " at digest " + e.digest() + " but " + e.key() + " does not exist"));
        }
        for (CatalogEntry e : catalog.missingBundles()) {
            out.add(Diagnostic.warning("deployment_bundle_missing", e.key(), "the ledger's " + String.join(", ",
                    catalog.referencesOf(e.key())) + " names bundle " + e.digest() + ", but " + e.key() + " does not exist"
                    + (catalog.referencesOf(e.key()).stream().anyMatch(r -> r.startsWith("outstanding"))
                    ? ": the outstanding deployment cannot be reconciled without it" : ": that deployment's captured input is lost")));
        }
        return List.copyOf(out);
    }

    private static void ledgerFindings(Ledger ledger, List<Diagnostic> out) {
        for (String path : ledger.duplicateMapKeys()) {
            out.add(Diagnostic.warning("console_duplicate_map_key", path, "the ledger names " + path
                    + " more than once: OmniGraph keeps the last value (and so does this view), but it never writes such a "
                    + "ledger; it was edited by hand or damaged"));
        }
        if (ledger.generation() == LedgerGeneration.V2_V012_SHAPE) {
            ledger.v013Refusal().ifPresent(out::add);
        }
        ledger.outstanding().ifPresent(o -> out.add(Diagnostic.warning("cluster_deployment_outstanding", "state.outstanding",
                "deployment " + o.id() + " was accepted and is unfinished: serving, new deployments and graph writers refuse "
                        + "until `" + o.reconcileCommand() + "` reconciles it")));
    }
}
