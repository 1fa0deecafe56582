package dev.omnigraph.console.ui.approvals;

import dev.omnigraph.console.cluster.ApprovalEntry;
import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.ApprovalState;
import dev.omnigraph.console.cluster.model.DesiredConfig;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.Tagged;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One approval artifact as the Approvals view lists it, with its bound digests compared to the
 * ledger and, when the config folder is known, to the desired config. The comparison mirrors
 * upstream's match rule ({@code diff.rs::approved_resources}, spec §6.1): a pending artifact
 * authorizes a change only while {@code bound_before_digest} equals the ledger's digest for the
 * resource and {@code bound_config_digest} / {@code bound_after_digest} equal the desired config's;
 * otherwise upstream warns {@code approval_stale} and it authorizes nothing.
 *
 * @param state  "pending", "consumed" or "invalid"
 * @param ledger what the ledger says about {@code bound_before_digest}
 * @param desired what the desired config says about {@code bound_config_digest} and {@code bound_after_digest}
 */
public record ApprovalRow(String id, String file, String state, String resource, String operation, String reason,
                          String approvedBy, String createdAt, String consumedAt, String boundConfig, String boundBefore,
                          String boundAfter, Tagged ledger, Tagged desired, String problem) {

    public static ApprovalRow of(ApprovalEntry entry, Optional<Ledger> ledger, Optional<DesiredConfig> desired) {
        Optional<ApprovalArtifact> parsed = entry.parse().artifact();
        String problems = entry.parse().diagnostics().stream().map(d -> d.code() + ": " + d.message()).collect(Collectors.joining("\n"));
        if (parsed.isEmpty()) {
            Diagnostic d = entry.parse().diagnostics().getFirst();
            return new ApprovalRow(entry.stem(), entry.key(), "invalid", "", "", "", "", "", "", "", "", "",
                    Tagged.danger("authorizes nothing"), Tagged.neutral("–"), d.code() + ": " + d.message());
        }
        ApprovalArtifact a = parsed.get();
        boolean pending = a.state() == ApprovalState.PENDING;
        return new ApprovalRow(a.approvalId(), entry.key(), pending ? "pending" : "consumed", a.resource(), a.operation(), a.reason(),
                a.approvedBy(), a.createdAt(), a.consumedAt() == null ? "" : a.consumedAt(), a.boundConfigDigest(),
                nullToEmpty(a.boundBeforeDigest()), nullToEmpty(a.boundAfterDigest()), ledgerCheck(a, ledger),
                desiredCheck(a, desired), problems);
    }

    /** {@code bound_before_digest} against the ledger's current digest for the resource. */
    static Tagged ledgerCheck(ApprovalArtifact a, Optional<Ledger> ledger) {
        if (ledger.isEmpty()) {
            return Tagged.neutral("no ledger to compare");
        }
        Ledger l = ledger.get();
        if (a.state() == ApprovalState.CONSUMED) {
            return l.approvalRecords().containsKey(a.approvalId()) ? Tagged.neutral("consumed · recorded in ledger")
                    : Tagged.neutral("consumed");
        }
        String current = l.resource(a.resource()).map(LedgerResource::digest).orElse(null);
        if (Objects.equals(current, a.boundBeforeDigest())) {
            return Tagged.ok(current == null ? "matches ledger (resource absent)" : "matches ledger");
        }
        return Tagged.warn("ledger moved: bound " + Format.shortDigest(a.boundBeforeDigest()) + ", ledger has "
                + Format.shortDigest(current) + " (stale)");
    }

    /** {@code bound_config_digest} and {@code bound_after_digest} against the desired config. */
    static Tagged desiredCheck(ApprovalArtifact a, Optional<DesiredConfig> desired) {
        if (a.state() == ApprovalState.CONSUMED) {
            return Tagged.neutral("–");
        }
        if (desired.isEmpty()) {
            return Tagged.neutral("config folder unknown");
        }
        DesiredConfig d = desired.get();
        if (!d.configDigest().equals(a.boundConfigDigest())) {
            return Tagged.warn("stale: config changed since approval");
        }
        String after = d.resourceDigests().get(a.resource());
        if (!Objects.equals(after, a.boundAfterDigest())) {
            return Tagged.warn("stale: desired digest differs");
        }
        return Tagged.ok("current");
    }

    /** Pending and would authorize its change (no check says stale). */
    public boolean usable() {
        return state.equals("pending") && ledger.severity() == dev.omnigraph.console.ui.common.Severity.OK
                && desired.severity() != dev.omnigraph.console.ui.common.Severity.WARN;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
