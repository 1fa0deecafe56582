package dev.omnigraph.console.ui;

import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.PreferencesStore;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the per-user preferences (and loads the JSON library) on a thread of its own while the
 * JavaFX toolkit starts, so the window's first frame does not wait for it. {@link #take()} falls
 * back to reading them on the spot when nothing was started (tests) or the read failed.
 */
public final class PreferencesPreload {
    private static volatile CompletableFuture<PreferencesModel> pending;

    private PreferencesPreload() {}

    /** Called from {@code Launcher.main} before the toolkit starts. */
    public static void start() {
        CompletableFuture<PreferencesModel> f = new CompletableFuture<>();
        pending = f;
        Thread t = new Thread(() -> {
            try {
                f.complete(new PreferencesModel(PreferencesStore.forUser()));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "preferences-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The preferences read ahead, or read now. */
    public static PreferencesModel take() {
        CompletableFuture<PreferencesModel> f = pending;
        pending = null;
        if (f != null) {
            try {
                return f.join();
            } catch (RuntimeException e) {
                // read again below: the model reports its own problem
            }
        }
        return new PreferencesModel(PreferencesStore.forUser());
    }
}
