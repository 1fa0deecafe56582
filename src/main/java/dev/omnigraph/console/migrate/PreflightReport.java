package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LockFile;
import java.util.List;
import java.util.Optional;

/**
 * What preflight found. {@link #ledger()} holds the exact source ledger bytes read under our lock:
 * cutover writes precisely those bytes, and only if the source still has them.
 *
 * @param items            the checklist, in the order the wizard shows it
 * @param ledger           the source ledger (empty when it is missing or unreadable)
 * @param lock             the source lock we hold (empty when refused, done, or already released)
 * @param alreadyDone      the destination already holds exactly the source's ledger bytes
 * @param pendingApprovals approvals that the new {@code storage:} value will make stale
 */
public record PreflightReport(List<CheckItem> items, Optional<Ledger> ledger, Optional<LockFile> lock, boolean alreadyDone,
                              List<ApprovalArtifact> pendingApprovals) {
    public PreflightReport {
        items = List.copyOf(items);
        pendingApprovals = List.copyOf(pendingApprovals);
    }

    /** True when the migration may go on to the plan. */
    public boolean ok() {
        return !alreadyDone && items.stream().noneMatch(CheckItem::refused);
    }

    public List<CheckItem> refusals() {
        return items.stream().filter(CheckItem::refused).toList();
    }

    public List<CheckItem> warnings() {
        return items.stream().filter(i -> i.verdict() == CheckItem.Verdict.WARN).toList();
    }
}
