package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.ui.approvals.ApprovalsView;
import dev.omnigraph.console.ui.catalog.CatalogView;
import dev.omnigraph.console.ui.common.ClusterView;
import dev.omnigraph.console.ui.graphs.GraphsView;
import dev.omnigraph.console.ui.ledger.LedgerView;
import dev.omnigraph.console.ui.lock.LockView;
import dev.omnigraph.console.ui.overview.OverviewView;
import dev.omnigraph.console.ui.recoveries.RecoveriesView;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;

/**
 * The pages of a cluster workspace, in navigation order. Adding a page is one class implementing
 * {@link ClusterView} (with a constructor taking a {@link ViewContext}) plus one line here.
 */
public final class ClusterViews {
    private ClusterViews() {}

    public static List<ClusterViewProvider> all() {
        return List.of(
                new ClusterViewProvider("overview", "_Overview", ctx -> new OverviewView(ctx, OverviewBadges.all())),
                new ClusterViewProvider("ledger", "_Ledger", LedgerView::new),
                new ClusterViewProvider("catalog", "_Catalog", CatalogView::new),
                new ClusterViewProvider("approvals", "_Approvals", ApprovalsView::new),
                new ClusterViewProvider("recoveries", "_Recoveries", RecoveriesView::new),
                new ClusterViewProvider("graphs", "_Graphs", GraphsView::new),
                new ClusterViewProvider("lock", "Loc_k", LockView::new),
                new ClusterViewProvider("history", "_History", dev.omnigraph.console.ui.history.LedgerHistoryView::new),
                new ClusterViewProvider("doctor", "_Doctor", dev.omnigraph.console.ui.doctor.DoctorView::new),
                new ClusterViewProvider("deployments", "D_eployments", dev.omnigraph.console.ui.deployments.DeploymentsView::new),
                new ClusterViewProvider("backups", "_Backups", dev.omnigraph.console.ui.backups.BackupsView::new)
        );
    }
}
