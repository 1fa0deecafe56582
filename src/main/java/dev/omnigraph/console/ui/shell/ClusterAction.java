package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.ui.session.ViewContext;
import java.util.function.Consumer;

/**
 * A command on a cluster, listed in the Cluster menu and the workspace's "Actions" button: for
 * example "Verify catalog", "Force unlock…", later "Migrate storage…" (a non-modal wizard window)
 * or "Collect catalog garbage…".
 *
 * @param id    stable id (tests, accelerators)
 * @param label menu text with mnemonic, e.g. {@code "_Force unlock…"}
 * @param run   what it does, given the cluster's context (on the FX thread: start work through the
 *              session's task runner, open windows with {@link ViewContext#owner()})
 */
public record ClusterAction(String id, String label, Consumer<ViewContext> run) {}
