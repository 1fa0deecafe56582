package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.ui.common.ClusterView;
import dev.omnigraph.console.ui.common.DialogService;
import dev.omnigraph.console.ui.common.FxDialogService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * What a page or an action gets from the shell: the cluster's session, a way to switch to another
 * page of the same workspace (e.g. the Overview's lock badge opens the Lock page), and the window
 * to own dialogs, the dialog service (confirmations such as force-unlock go through it), the window's actions
 * (open another cluster, mark this one moved), the preferences (e.g. to remember split positions), and the other pages (an action may drive one, e.g. "Verify catalog").
 */
public record ViewContext(ClusterSession session, Consumer<String> navigate, Supplier<Window> owner,
                          Function<String, ClusterView> views, PreferencesModel preferences, DialogService dialogs,
                          ShellActions shell) {

    /** A context whose dialogs are the window's own ({@link FxDialogService} over {@code owner}) and no window actions. */
    public ViewContext(ClusterSession session, Consumer<String> navigate, Supplier<Window> owner,
                       Function<String, ClusterView> views, PreferencesModel preferences) {
        this(session, navigate, owner, views, preferences, new FxDialogService(owner), ShellActions.NONE);
    }

    /** The page with this id in the same workspace (created on first use), or null for an unknown id. */
    public ClusterView view(String id) {
        return views.apply(id);
    }
}
