package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.ui.common.DialogService;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ctrl+Q and closing the main window: when the local S3 endpoint holds data (it lives in memory,
 * so it may be the only copy of a cluster migrated there), the admin is told which roots are lost
 * and asked first. Nothing held: quit without a question.
 */
public final class QuitGuard {
    private final Supplier<DialogService> dialogs;
    private final Supplier<List<String>> localRoots;

    /** @param localRoots the roots the local S3 endpoint holds now (empty when it is stopped or empty) */
    public QuitGuard(Supplier<DialogService> dialogs, Supplier<List<String>> localRoots) {
        this.dialogs = dialogs;
        this.localRoots = localRoots;
    }

    /** True when quitting may go ahead (nothing would be lost, or the admin said so). */
    public boolean mayQuit() {
        List<String> held = localRoots.get();
        if (held.isEmpty()) {
            return true;
        }
        return dialogs.get().confirm(question(held));
    }

    static DialogService.Confirmation question(List<String> held) {
        String roots = String.join("\n  ", held);
        return new DialogService.Confirmation("Quit OmniGraph Console", "Quit and lose what the local S3 endpoint holds?",
                "The local S3 endpoint keeps its objects in memory only. Quitting stops it and deletes:\n  " + roots
                        + "\n\nIf a cluster was migrated there, this may be its only copy: migrate it back to a folder first "
                        + "(connect to the root above and choose Cluster > Migrate storage…).",
                "Quit and lose the local S3 data", "Keep the console open", true);
    }
}
