package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.ui.catalog.CatalogView;
import dev.omnigraph.console.ui.common.Ui;
import dev.omnigraph.console.ui.lock.LockView;
import dev.omnigraph.console.ui.session.ViewContext;
import java.util.List;

/**
 * Commands on the selected cluster, shown in the Cluster menu and the workspace's Actions button.
 * Adding one is a {@link ClusterAction} line here (a wizard opens its own non-modal window from
 * {@code run}, owned by {@link ViewContext#owner()}).
 */
public final class ClusterActions {
    private ClusterActions() {}

    public static List<ClusterAction> all() {
        return List.of(
                new ClusterAction("refresh", "_Refresh now", ctx -> ctx.session().refresh()),
                new ClusterAction("verify-catalog", "_Verify catalog", ctx -> {
                    ctx.navigate().accept("catalog");
                    if (ctx.view("catalog") instanceof CatalogView v) {
                        v.viewModel().verifyAll();
                    }
                }),
                new ClusterAction("force-unlock", "_Force unlock…", ctx -> {
                    ctx.navigate().accept("lock");
                    if (ctx.view("lock") instanceof LockView v && v.viewModel().forceUnlock() != null) {
                        new dev.omnigraph.console.ui.lock.ForceUnlockDialog(ctx.owner().get(), v.viewModel().forceUnlock()).show();
                    }
                }),
                new ClusterAction("migrate", "_Migrate storage…", dev.omnigraph.console.ui.migrate.MigrationWizard::open),
                new ClusterAction("catalog-gc", "Collect catalog _garbage…", dev.omnigraph.console.ui.gc.CatalogGcDialog::open),
                new ClusterAction("copy-root", "_Copy root URI", ctx -> Ui.copy(ctx.session().location().root().display()))
        );
    }
}
