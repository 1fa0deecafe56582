package dev.omnigraph.console.cluster.doctor;

import java.util.List;
import java.util.Optional;

/**
 * The root's ledger generation and what it means for the OmniGraph releases an admin may run, as
 * the doctor shows it next to its verdict.
 *
 * @param generation      {@code v1}, {@code v2_v012_shape}, {@code v2}, {@code missing} or {@code unreadable}
 * @param label           e.g. {@code v2 ledger (v0.13)}
 * @param servingReleases the OmniGraph releases that can serve the root as it is
 * @param servedBy        one sentence: which releases serve it and what v0.13 needs first
 * @param facts           ledger id, counters, outstanding deployment, lock meaning, contracts (one line each)
 * @param upgrade         what {@code cluster upgrade-ledger --writers-stopped} would do here, and what blocks it
 * @param legacyHistory   approvals, approval and recovery records kept as v1 history (never pending work on v2)
 */
public record GenerationView(String generation, String label, List<String> servingReleases, String servedBy, List<String> facts,
                             Optional<UpgradePlan> upgrade, List<String> legacyHistory) {
    public GenerationView {
        servingReleases = List.copyOf(servingReleases);
        facts = List.copyOf(facts);
        legacyHistory = List.copyOf(legacyHistory);
    }

    /**
     * {@code omnigraph --cluster ROOT cluster upgrade-ledger --writers-stopped} on this root.
     *
     * @param command   the exact command
     * @param outcome   {@code converts}, {@code no_op}, or the code it refuses with
     * @param willDo    what it changes (nothing in graph storage)
     * @param blockedBy what makes it refuse now, each with its code
     */
    public record UpgradePlan(String command, String outcome, List<String> willDo, List<String> blockedBy) {
        public UpgradePlan {
            willDo = List.copyOf(willDo);
            blockedBy = List.copyOf(blockedBy);
        }
    }
}
