package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import dev.omnigraph.console.cluster.model.SchemaContract;
import dev.omnigraph.console.common.Format;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generation-aware part of {@code status}: generation and which releases serve the root, the
 * v2 counters, the outstanding deployment, retained results, contracts and what the lock means.
 * Text and JSON carry the same facts.
 */
final class GenerationReport {

    /** The CLI has no staleness threshold: it never calls a lock stale. */
    private static final long NEVER_STALE = Long.MAX_VALUE;

    private GenerationReport() {
    }

    /** The lines under the lock line: what the lock means here. */
    static void printLock(PrintStream out, ClusterSnapshot s) {
        s.lockMeaning(NEVER_STALE).ifPresent(m -> {
            out.println("           " + m.summary());
            out.println("           if its owner is alive, force-unlock breaks it: " + m.unlockBreaks());
            if (!m.ageNote().isEmpty()) {
                out.println("           " + m.ageNote());
            }
        });
        if (s.lock() instanceof LockState.Unreadable u && u.released().isPresent()) {
            out.println("           " + u.released().get().describe());
        }
    }

    /** The lines under the ledger line: generation, counters, deployments, contracts. */
    static void print(PrintStream out, ClusterSnapshot s) {
        Optional<Ledger> ledger = s.ledgerIfPresent();
        ledger.ifPresent(l -> {
            LedgerGeneration g = l.generation();
            out.println("Generation " + g.label() + ": " + g.servedBy());
            if (g.isV2()) {
                out.println("Counters   ledger " + l.ledgerId().orElse("?") + ", state revision " + Long.toUnsignedString(l.stateRevision())
                        + ", result revision " + Long.toUnsignedString(l.resultRevision().orElse(0)) + ", next sequence "
                        + Long.toUnsignedString(l.nextSequence().orElse(0)));
                printOutstanding(out, l.outstanding());
                printResults(out, l.deploymentResults());
                l.schemaContracts().forEach((graph, c) -> out.println("Contract   " + graph + ": source "
                        + Format.shortDigest(c.sourceHash()) + ", identity " + c.schemaIdentityDomain() + " v"
                        + c.schemaIdentityVersion()));
            }
        });
        if (s.isV2() && !s.approvals().isEmpty()) {
            out.println("Approvals  " + s.approvals().size() + " legacy file(s) in __cluster/approvals/: history only, "
                    + "OmniGraph v0.13 neither reads nor writes approvals");
        }
    }

    private static void printOutstanding(PrintStream out, Optional<OutstandingDeployment> outstanding) {
        if (outstanding.isEmpty()) {
            out.println("Outstanding none");
            return;
        }
        OutstandingDeployment o = outstanding.get();
        List<String> graphs = new ArrayList<>();
        o.graphs().forEach((g, e) -> graphs.add(g + " " + e.state().describe() + " (" + e.action() + ")"));
        out.println("Outstanding " + o.id() + " accepted " + o.acceptedAt() + " by " + o.authority().describe());
        out.println("           graphs: " + String.join(", ", graphs));
        out.println("           serving, new deployments and graph writers refuse (cluster_deployment_outstanding) until: "
                + o.reconcileCommand());
    }

    private static void printResults(PrintStream out, List<DeploymentResult> results) {
        out.println("Results    " + results.size() + " retained");
        for (DeploymentResult r : results) {
            List<String> graphs = new ArrayList<>();
            r.graphs().forEach((g, o) -> graphs.add(g + " " + o.describe()));
            out.println("           #" + Long.toUnsignedString(r.sequence()) + " " + r.acceptedAt() + " "
                    + (r.converged() ? "converged" : "partial") + ", result revision " + Long.toUnsignedString(r.resultRevision())
                    + ": " + String.join(", ", graphs));
        }
    }

    static void addJson(Map<String, Object> out, ClusterSnapshot s) {
        s.ledgerIfPresent().ifPresent(l -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", l.generation().wireName());
            g.put("label", l.generation().label());
            g.put("served_by", l.generation().servingReleases());
            g.put("served_by_text", l.generation().servedBy());
            g.put("v013_refusal", l.generation().v013Refusal().orElse(null));
            out.put("generation", g);
        });
        if (s.ledgerIfPresent().isEmpty()) {
            out.put("generation", null);
        }
        s.lockMeaning(NEVER_STALE).ifPresent(m -> out.put("lock_meaning", meaning(m)));
        if (s.lock() instanceof LockState.Unreadable u) {
            u.released().ifPresent(r -> out.put("lock_released_record", Map.of("lock_id", r.lockId(), "operation", r.operation(),
                    "release_id", r.releaseId(), "message", r.describe())));
        }
        out.put("approvals_are_legacy", s.isV2());
    }

    /** The v2 fields of the ledger object. */
    static void addLedgerJson(Map<String, Object> ledger, Ledger l) {
        ledger.put("version", l.version());
        ledger.put("ledger_id", l.ledgerId().orElse(null));
        ledger.put("result_revision", l.resultRevision().isPresent() ? l.resultRevision().getAsLong() : null);
        ledger.put("next_sequence", l.nextSequence().isPresent() ? l.nextSequence().getAsLong() : null);
        ledger.put("outstanding_id", l.outstanding().map(OutstandingDeployment::id).orElse(null));
        ledger.put("outstanding", l.outstanding().map(GenerationReport::outstanding).orElse(null));
        ledger.put("retained_results", l.deploymentResults().size());
        ledger.put("deployment_results", l.deploymentResults().stream().map(GenerationReport::result).toList());
        Map<String, Object> contracts = new LinkedHashMap<>();
        l.schemaContracts().forEach((graph, c) -> contracts.put(graph, contract(c)));
        ledger.put("schema_contracts", contracts);
    }

    private static Map<String, Object> outstanding(OutstandingDeployment o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("sequence", o.deploymentId().sequence());
        m.put("accepted_at", String.valueOf(o.acceptedAt()));
        m.put("input_digest", o.inputDigest());
        m.put("authority", Map.of("kind", o.authority().kind(), "actor", String.valueOf(o.authority().actor())));
        Map<String, Object> graphs = new LinkedHashMap<>();
        o.graphs().forEach((g, e) -> graphs.put(g, Map.of("state", e.state().phase().wireName(), "action", e.action())));
        m.put("graphs", graphs);
        m.put("recorded_roots", o.recordedRoots());
        m.put("reconcile_command", o.reconcileCommand());
        return m;
    }

    private static Map<String, Object> result(DeploymentResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("sequence", r.sequence());
        m.put("accepted_at", String.valueOf(r.acceptedAt()));
        m.put("input_digest", r.inputDigest());
        m.put("authority", r.authority().describe());
        m.put("result_revision", r.resultRevision());
        m.put("config_digest", r.configDigest());
        m.put("converged", r.converged());
        Map<String, Object> graphs = new LinkedHashMap<>();
        r.graphs().forEach((g, o) -> graphs.put(g, o.outcome().wireName()));
        m.put("graphs", graphs);
        return m;
    }

    private static Map<String, Object> contract(SchemaContract c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_hash", c.sourceHash());
        m.put("schema_ir_hash", c.schemaIrHash());
        m.put("schema_identity_domain", c.schemaIdentityDomain());
        m.put("schema_identity_version", c.schemaIdentityVersion());
        return m;
    }

    private static Map<String, Object> meaning(LockOperation.Meaning m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operation", m.operation().wireName().isEmpty() ? null : m.operation().wireName());
        out.put("era", m.operation().era().name().toLowerCase(java.util.Locale.ROOT));
        out.put("held_for_owners_life", m.operation().heldForOwnersLife());
        out.put("summary", m.summary());
        out.put("unlock_breaks", m.unlockBreaks());
        out.put("next_step", m.nextStep());
        out.put("possibly_stale", m.possiblyStale());
        out.put("age_note", m.ageNote());
        return out;
    }
}
