/**
 * The console window's shell: the window ({@link dev.omnigraph.console.ui.shell.ConsoleWindow}),
 * one workspace per open cluster ({@link dev.omnigraph.console.ui.shell.ClusterWorkspace}), themes,
 * menus and the activity list.
 *
 * <h2>Extension points</h2>
 * <ul>
 *   <li><b>A page of a cluster</b> (e.g. a ledger history/diff view, a serving-doctor report): write
 *       one class in its own feature package extending {@link dev.omnigraph.console.ui.session.SnapshotPage}
 *       (or implementing {@link dev.omnigraph.console.ui.common.ClusterView}) with a constructor
 *       taking a {@link dev.omnigraph.console.ui.session.ViewContext} (keep its logic in a view-model
 *       extending {@code ui.session.SnapshotViewModel}, tested with {@code ImmediateTaskRunner}), and
 *       add one line to {@link dev.omnigraph.console.ui.shell.ClusterViews#all()}. The workspace
 *       creates it on first visit and activates it only while it is on screen. A page uses only
 *       {@code ui.common}, {@code ui.task} and {@code ui.session}, never another page or this shell
 *       ({@code ArchitectureTest}); it reaches another page through {@code ViewContext.navigate} and
 *       {@code ViewContext.view(id)} (e.g. {@code ClusterView.reveal(key)}).</li>
 *   <li><b>A command on a cluster</b> (e.g. "Migrate storage…", "Collect catalog garbage…"): add one
 *       {@link dev.omnigraph.console.ui.shell.ClusterAction} line to
 *       {@link dev.omnigraph.console.ui.shell.ClusterActions#all()}; it appears in the Cluster menu
 *       and the workspace's Actions button. A wizard opens its own non-modal {@code Stage} owned by
 *       {@code ctx.owner().get()}; it is themed automatically (the theme manager styles every window).
 *       Long work goes through {@code ctx.session().runner()}.</li>
 *   <li><b>A badge on the Overview</b> (e.g. the serving doctor's verdict): add a factory to
 *       {@link dev.omnigraph.console.ui.shell.OverviewBadges#all()} returning a node bound to the
 *       session (the shell hands them to the Overview, which does not know the other features).</li>
 * </ul>
 *
 * <p>Rules every page follows: never touch storage on the FX thread (use the session's task
 * runner), show progress and allow cancel for anything long, give controls accessible text, and
 * use the shared style classes ({@code badge status-ok|info|warn|danger|neutral}, {@code mono},
 * {@code card}, {@code banner}) so both themes work.
 */
package dev.omnigraph.console.ui.shell;
