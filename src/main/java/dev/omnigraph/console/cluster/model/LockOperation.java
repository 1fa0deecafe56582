package dev.omnigraph.console.cluster.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a lock's {@code operation} label means (spec §5.2-§5.4): who takes it, whether it is held
 * for its owner's whole life, what breaks if it is force-unlocked while the owner is alive, and
 * what to do after an unlock. The one place the console keeps this knowledge; {@link #meaning}
 * pairs it with the ledger's generation and outstanding deployment.
 *
 * <p>Staleness: on a v2 root a lock is never called stale from its age alone — v0.13 holds every
 * lock for its owner's life and a cleanly stopped server still leaves its {@code serve} lock, so
 * age proves nothing (upstream: "a lock's age is not proof"). v1 roots keep the age threshold.
 */
public enum LockOperation {
    SERVE("serve", Era.V013, true, "omnigraph-server --cluster ROOT, before it reads its serving snapshot",
            "the running server refuses its next deployment with cluster_admission_lost and another owner can "
                    + "take the root while it still serves", "start the server again (it takes a new serve lock)"),
    GRAPH_OPERATION("graph_operation", Era.V013, true,
            "an embedded graph door opening a cluster-managed graph for writing (which CLI verbs do is inferred)",
            "the writer loses its exclusive admission (cluster_admission_lost) while it may still write graph data",
            "rerun the graph operation"),
    DEPLOYMENT("deployment", Era.V013, true, "omnigraph cluster apply --config DIR (direct deployment)",
            "the deployment refuses its next effect with cluster_admission_lost, possibly half-done",
            "reconcile any outstanding deployment; otherwise run the next deployment"),
    DEPLOYMENT_RECONCILE("deployment_reconcile", Era.V013, true,
            "omnigraph --cluster ROOT cluster apply --deployment-id ID --writers-stopped",
            "the reconciliation refuses its next effect with cluster_admission_lost",
            "reconcile the outstanding deployment again with the same id"),
    UPGRADE_LEDGER("upgrade_ledger", Era.V013, true, "omnigraph --cluster ROOT cluster upgrade-ledger --writers-stopped",
            "the conversion may write the ledger after another owner was admitted",
            "run upgrade-ledger again (a finished conversion answers with the v2 status)"),
    BOOTSTRAP("bootstrap", Era.V013, false, "the first cluster apply on a root without a ledger, while it writes the empty v2 ledger",
            "the bootstrap may write the ledger after another owner was admitted",
            "run the first cluster apply again"),
    BOOTSTRAP_SERVING("bootstrap_serving", Era.POST_V013, true,
            "library-only bootstrap_serving of an empty S3 cluster (after v0.13), handed to the first server",
            "the server started with --bootstrap-handoff cannot claim the lock", "start the server with its handoff receipt"),
    PLAN("plan", Era.LEGACY_V1, false, "omnigraph cluster plan --lock (≤ 0.11)", "a concurrent v1 writer may interleave",
            "rerun the command"),
    APPLY("apply", Era.LEGACY_V1, false, "omnigraph cluster apply (≤ 0.11)", "a concurrent v1 writer may interleave",
            "rerun apply; v1 apply sweeps its recovery sidecars"),
    APPROVE("approve", Era.LEGACY_V1, false, "omnigraph cluster approve (≤ 0.11; removed in 0.12)",
            "a concurrent v1 writer may interleave", "rerun the command"),
    REFRESH("refresh", Era.LEGACY_V1, false, "omnigraph cluster refresh (≤ 0.11; removed in 0.12)",
            "a concurrent v1 writer may interleave", "rerun the command"),
    IMPORT("import", Era.LEGACY_V1, false, "omnigraph cluster import (≤ 0.11; removed in 0.12)",
            "a concurrent v1 writer may interleave", "rerun the command"),
    CONSOLE_MIGRATION("migrate-storage", Era.CONSOLE, false, "this console's storage migration",
            "the migration may copy a source that is changing", "resume the migration or start it again"),
    CONSOLE_GC("catalog-gc", Era.CONSOLE, false, "this console's catalog clean-up",
            "the clean-up may delete blobs a concurrent writer just referenced", "run the clean-up again"),
    CONSOLE_UNLOCK("console-unlock", Era.CONSOLE, false, "this console, for the instant of a force-unlock (claim then delete)",
            "nothing beyond the interrupted unlock", "check the lock again"),
    UNKNOWN("", Era.UNKNOWN, true, "an unknown tool", "unknown: OmniGraph treats the label as opaque; any lock blocks "
            + "every acquisition", "find the owner first");

    /** Which tool generation writes a label. */
    public enum Era { V013, POST_V013, LEGACY_V1, CONSOLE, UNKNOWN }

    private final String wireName;
    private final Era era;
    private final boolean heldForOwnersLife;
    private final String takenBy;
    private final String unlockBreaks;
    private final String afterUnlock;

    LockOperation(String wireName, Era era, boolean heldForOwnersLife, String takenBy, String unlockBreaks, String afterUnlock) {
        this.wireName = wireName;
        this.era = era;
        this.heldForOwnersLife = heldForOwnersLife;
        this.takenBy = takenBy;
        this.unlockBreaks = unlockBreaks;
        this.afterUnlock = afterUnlock;
    }

    /** The operation for a stored label; {@link #UNKNOWN} for anything else. */
    public static LockOperation of(String label) {
        for (LockOperation op : values()) {
            if (op != UNKNOWN && op.wireName.equals(label)) {
                return op;
            }
        }
        return UNKNOWN;
    }

    public String wireName() {
        return wireName;
    }

    public Era era() {
        return era;
    }

    /** The owner keeps it until it is explicitly released (v0.13 hold-on-drop), not just while it works. */
    public boolean heldForOwnersLife() {
        return heldForOwnersLife;
    }

    public String takenBy() {
        return takenBy;
    }

    /** What breaks if it is force-unlocked while its owner is alive. */
    public String unlockBreaks() {
        return unlockBreaks;
    }

    /** What to do after an unlock when nothing is outstanding. */
    public String afterUnlock() {
        return afterUnlock;
    }

    /**
     * What a held lock means on this root.
     *
     * @param generation  the ledger's generation, empty when the ledger is missing or unreadable (treated like v2)
     * @param outstanding the outstanding deployment, if any
     * @param ageSeconds  the lock's age, if known
     * @param staleAfterSeconds the admin's threshold for v1 roots
     */
    public Meaning meaning(Optional<LedgerGeneration> generation, Optional<OutstandingDeployment> outstanding,
            OptionalLong ageSeconds, long staleAfterSeconds) {
        boolean v1 = generation.map(g -> g == LedgerGeneration.V1).orElse(false);
        boolean possiblyStale = v1 && ageSeconds.isPresent() && ageSeconds.getAsLong() >= staleAfterSeconds;
        String next = outstanding.map(o -> "reconcile deployment " + o.id() + " first: " + o.reconcileCommand()
                + " (never resubmit it under a new id)").orElse(afterUnlock);
        String holding = heldForOwnersLife && !v1
                ? "held for its owner's whole life" + (this == SERVE ? ", and in v0.13 still present after a clean stop" : "")
                : "held while its command runs";
        String summary = (this == UNKNOWN ? "unknown operation" : wireName) + ": taken by " + takenBy + "; " + holding
                + (outstanding.isPresent() ? "; deployment " + outstanding.get().id() + " is outstanding and this lock may "
                + "be guarding its unknown effects" : "");
        String breaks = v1 || unlockBreaks.contains("cluster_admission_lost") ? unlockBreaks
                : unlockBreaks + " (cluster_admission_lost for any v0.13 owner that re-checks its lock)";
        return new Meaning(this, summary, breaks, next, possiblyStale,
                !v1 ? "OmniGraph v0.13 holds a lock for its owner's life: its age is not proof that the owner stopped. "
                        + "Confirm the owner is stopped before force-unlocking." : possiblyStale
                        ? "older than your threshold: possibly stale (v1 tools delete their lock when they finish)" : "");
    }

    /**
     * A lock explained for one root.
     *
     * @param operation     the operation
     * @param summary       who holds it and for how long, paired with the outstanding deployment
     * @param unlockBreaks  what a force-unlock breaks while the owner lives
     * @param nextStep      what to do after an unlock
     * @param possiblyStale true only on v1 roots past the threshold; never on v2 roots
     * @param ageNote       what the age does or does not prove
     */
    public record Meaning(LockOperation operation, String summary, String unlockBreaks, String nextStep,
            boolean possiblyStale, String ageNote) {
    }
}
