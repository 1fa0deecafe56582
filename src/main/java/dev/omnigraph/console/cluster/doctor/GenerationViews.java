package dev.omnigraph.console.cluster.doctor;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerClassification;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Builds the doctor's {@link GenerationView}: the generation, which releases can serve the root,
 * the v2 counters and outstanding deployment, the lock's meaning, what
 * {@code cluster upgrade-ledger --writers-stopped} would do (spec §4) and what blocks it, and the
 * legacy v1 history a v2 root still carries.
 */
final class GenerationViews {
    private GenerationViews() {}

    static GenerationView of(ClusterSnapshot snapshot, Optional<byte[]> ledgerBytes, String root, List<DoctorFinding> findings) {
        return switch (snapshot.ledger()) {
            case LedgerState.Missing m -> new GenerationView("missing", "no ledger", List.of(),
                    "nothing serves it: a root is a cluster only when __cluster/state.json exists", List.of(lockFact(snapshot, null)),
                    Optional.empty(), List.of());
            case LedgerState.Unreadable u -> unreadable(snapshot, ledgerBytes, root, u);
            case LedgerState.Present p -> present(snapshot, p.ledger(), root, findings);
        };
    }

    private static GenerationView unreadable(ClusterSnapshot snapshot, Optional<byte[]> bytes, String root, LedgerState.Unreadable u) {
        String upgrade = bytes.map(b -> LedgerClassification.of(b).upgradeLedger()).orElse(u.diagnostic().code());
        GenerationView.UpgradePlan plan = new GenerationView.UpgradePlan(upgradeCommand(root), upgrade,
                List.of(), List.of(upgrade + ": " + describeUpgradeRefusal(upgrade)));
        return new GenerationView("unreadable", "unreadable ledger (" + u.diagnostic().code() + ")", List.of(),
                "no release serves it as it is: every OmniGraph refuses a ledger its strict reader rejects",
                List.of(lockFact(snapshot, null)), Optional.of(plan), List.of());
    }

    private static GenerationView present(ClusterSnapshot snapshot, Ledger ledger, String root, List<DoctorFinding> findings) {
        LedgerGeneration g = ledger.generation();
        List<String> facts = new ArrayList<>();
        ledger.ledgerId().ifPresent(id -> facts.add("ledger id " + id + ledger.ledgerCreatedAt().map(t -> " (created " + t + ")")
                .orElse("")));
        facts.add("state revision " + ledger.stateRevision() + text(ledger.resultRevision(), ", result revision ")
                + text(ledger.nextSequence(), ", next sequence ") + (g.isV2() ? ", config digest "
                + (ledger.configDigest() == null ? "null (the last deployment did not converge, or none ran)" : ledger.configDigest())
                : ""));
        if (g.isV2()) {
            List<DeploymentResult> results = ledger.deploymentResults();
            facts.add(results.size() + " retained deployment receipt" + (results.size() == 1 ? "" : "s")
                    + (results.isEmpty() ? "" : ": " + results.stream().map(DeploymentResult::id).collect(Collectors.joining(", "))));
            if (!ledger.schemaContracts().isEmpty()) {
                facts.add("schema contracts: " + String.join(", ", ledger.schemaContracts().keySet()));
            }
        }
        ledger.outstanding().ifPresent(o -> facts.add(outstandingFact(o, root)));
        facts.add(lockFact(snapshot, ledger));
        return new GenerationView(g.wireName(), g.label(), g.servingReleases(), g.servedBy(), facts,
                Optional.of(upgradePlan(snapshot, ledger, root, findings)), legacy(snapshot, ledger));
    }

    static String outstandingFact(OutstandingDeployment o, String root) {
        String phases = o.phases().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().wireName())
                .collect(Collectors.joining(", "));
        return "outstanding deployment " + o.id() + (o.acceptedAt() == null ? "" : " accepted " + o.acceptedAt()) + " (" + phases
                + "): serving, new deployments and graph writers refuse with cluster_deployment_outstanding until '"
                + o.reconcileCommand().replace("ROOT", root) + "' reconciles it";
    }

    private static String lockFact(ClusterSnapshot snapshot, Ledger ledger) {
        return switch (snapshot.lock()) {
            case LockState.Free f -> "lock: none";
            case LockState.Unreadable u -> "lock: present but unreadable (" + u.diagnostic().code() + "); it still blocks every "
                    + "acquisition";
            case LockState.Held h -> "lock: " + meaning(h, ledger).summary() + " (id " + h.lock().lockId() + ", pid "
                    + h.lock().pid() + ", since " + h.lock().createdAt() + ")";
        };
    }

    static LockOperation.Meaning meaning(LockState.Held h, Ledger ledger) {
        Optional<Ledger> l = Optional.ofNullable(ledger);
        return LockOperation.of(h.lock().operation()).meaning(l.map(Ledger::generation), l.flatMap(Ledger::outstanding),
                h.ageSeconds(), Long.MAX_VALUE);
    }

    private static GenerationView.UpgradePlan upgradePlan(ClusterSnapshot snapshot, Ledger ledger, String root,
                                                          List<DoctorFinding> findings) {
        String outcome = LedgerClassification.of(ledger.rawBytes()).upgradeLedger();
        List<String> willDo = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        switch (ledger.generation()) {
            case V2 -> willDo.add(outcome.equals(LedgerClassification.NO_OP) ? "nothing: the ledger is already v2 (v0.13); it "
                    + "prints the status and takes no lock" : "nothing until the outstanding deployment is reconciled");
            case V2_V012_SHAPE -> willDo.add("remove restart_required and activation from " + ledger.deploymentResults().size()
                    + " receipts and write it back with state revision " + (ledger.stateRevision() + 1) + "; nothing else changes");
            case V1 -> willDo.addAll(v1Conversion(ledger));
        }
        if (ledger.generation() != LedgerGeneration.V2) {
            willDo.add("take an upgrade_ledger lock for the conversion and delete it afterwards; graph storage is not touched");
            blockers(snapshot, ledger, findings, blocked);
        }
        return new GenerationView.UpgradePlan(upgradeCommand(root), outcome, willDo, blocked);
    }

    private static List<String> v1Conversion(Ledger ledger) {
        List<String> graphs = ledger.resources().keySet().stream().filter(a -> a.startsWith("graph.")).map(a -> a.substring(6)).toList();
        return List.of("set version 2, a fresh ledger_id (a new deployment-id namespace), next_sequence 1, result_revision 0 "
                        + "and no receipts; state revision " + ledger.stateRevision() + " → " + (ledger.stateRevision() + 1),
                "record each applied graph's live schema contract as schema_contracts" + (graphs.isEmpty() ? ""
                        : " (" + String.join(", ", graphs) + "), refusing with applied_schema_drift if a graph's live schema "
                        + "differs from the ledger"),
                "keep config_digest, resources, resource statuses, approval_records, recovery_records and observations "
                        + "unchanged, as history");
    }

    private static void blockers(ClusterSnapshot snapshot, Ledger ledger, List<DoctorFinding> findings, List<String> blocked) {
        if (snapshot.lock() instanceof LockState.Held h) {
            blocked.add("state_lock_held: the lock '" + h.lock().operation() + "' (id " + h.lock().lockId() + ") must be "
                    + "force-unlocked first, with its owner stopped");
        } else if (snapshot.lock() instanceof LockState.Unreadable u) {
            blocked.add("state_lock_held: an unreadable lock object (" + u.diagnostic().code() + ") is present");
        }
        if (ledger.generation() == LedgerGeneration.V1 && !snapshot.recoveries().isEmpty()) {
            blocked.add("policy_recovery_required: " + snapshot.recoveries().size() + " recovery sidecar(s) under "
                    + "__cluster/recoveries/; resolve them with the build that wrote them first");
        }
        findings.stream().filter(f -> f.severity() == FindingSeverity.FATAL)
                .filter(f -> f.stage() == DoctorStage.EMBEDDING_PROVIDERS || f.stage() == DoctorStage.APPLIED_RESOURCES)
                .forEach(f -> blocked.add(f.code() + ": " + f.object() + " (its legacy-mode serving checks refuse it)"));
    }

    private static List<String> legacy(ClusterSnapshot snapshot, Ledger ledger) {
        if (!ledger.generation().isV2()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (!snapshot.approvals().isEmpty() || !ledger.approvalRecords().isEmpty()) {
            out.add(snapshot.approvals().size() + " file(s) under __cluster/approvals/ and " + ledger.approvalRecords().size()
                    + " approval_records: v1 history. v0.13 neither reads nor writes approvals; nothing is pending — a graph "
                    + "is deleted by removing it from cluster.yaml and applying");
        }
        if (!ledger.recoveryRecords().isEmpty()) {
            out.add(ledger.recoveryRecords().size() + " recovery_records: v1 history, kept as data");
        }
        if (!ledger.observations().isEmpty()) {
            out.add(ledger.observations().size() + " observations from v1 (v2 never writes them; timestamps are not fresh)");
        }
        return out;
    }

    static String upgradeCommand(String root) {
        return "omnigraph --cluster " + root + " cluster upgrade-ledger --writers-stopped";
    }

    private static String describeUpgradeRefusal(String code) {
        return switch (code) {
            case "ledger_upgrade_pending" -> "a v0.12-shape ledger with an outstanding deployment: complete it with the build "
                    + "that accepted it, then upgrade";
            case "converts" -> "it would convert the ledger";
            default -> "upgrade-ledger refuses these bytes too";
        };
    }

    private static String text(OptionalLong value, String prefix) {
        return value.isPresent() ? prefix + value.getAsLong() : "";
    }
}
