package dev.omnigraph.console.ui.recoveries;

import dev.omnigraph.console.cluster.RecoveryEntry;
import dev.omnigraph.console.cluster.SidecarImpact;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.RecoverySidecar;
import dev.omnigraph.console.ui.common.Tagged;
import java.util.List;
import java.util.Optional;

/**
 * One recovery sidecar as the Recoveries view lists it (spec §6.2): kind, graph, actor,
 * started_at, whether its {@code state_cas_base} is still the ledger's CAS (if not, the ledger has
 * moved since the apply that wrote it began), and what it blocks ({@link SidecarImpact}). An
 * unreadable sidecar is listed too: serving refuses to start on it.
 */
public record RecoveryRow(String operationId, String file, String kind, String graph, String actor, String startedAt,
                          Tagged casBase, List<String> blocks, String graphUri, String manifestVersions, String approvalId,
                          String problem) {

    public static RecoveryRow of(RecoveryEntry entry, Optional<Ledger> ledger) {
        Optional<RecoverySidecar> parsed = entry.parse().artifact();
        if (parsed.isEmpty()) {
            Diagnostic d = entry.parse().diagnostics().getFirst();
            return new RecoveryRow(entry.stem(), entry.key(), "unreadable", "", "", "", Tagged.danger("–"),
                    List.of("serving refuses to start (" + d.code() + ")"), "", "", "", d.code() + ": " + d.message());
        }
        RecoverySidecar s = parsed.get();
        SidecarImpact impact = SidecarImpact.of(s, ledger);
        Tagged cas = impact.ledgerUnchangedSince().map(same -> same ? Tagged.ok("still the ledger's CAS")
                : Tagged.warn("ledger moved since")).orElse(Tagged.neutral(s.stateCasBase() == null ? "not recorded" : "no ledger"));
        String versions = "observed " + unsigned(s.observedManifestVersion()) + " → expected " + unsigned(s.expectedManifestVersion());
        String problems = String.join("\n", entry.parse().diagnostics().stream().map(d -> d.code() + ": " + d.message()).toList());
        return new RecoveryRow(s.operationId(), entry.key(), s.kind().wireName(), s.graphId(), s.actor() == null ? "" : s.actor(),
                s.startedAt(), cas, impact.blockedAddresses(), s.graphUri(), versions, s.approvalId() == null ? "" : s.approvalId(),
                problems);
    }

    private static String unsigned(Long v) {
        return v == null ? "–" : Long.toUnsignedString(v);
    }

    /** What it blocks, in one sentence. */
    public String blocksText() {
        if (graph.isEmpty()) {
            return String.join(", ", blocks);
        }
        return "apply blocks " + String.join(", ", blocks) + "; serving quarantines graph " + graph;
    }
}
