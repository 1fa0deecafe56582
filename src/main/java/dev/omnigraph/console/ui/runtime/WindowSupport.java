package dev.omnigraph.console.ui.runtime;

import dev.omnigraph.console.runtime.AppRuntime;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The JavaFX side of {@link AppRuntime}: installed before the toolkit starts, it notices the first
 * window that is shown (no cooperation needed from the window code), measures its first rendered
 * frame and, from then on, shows crash reports in a {@link CrashDialog}.
 *
 * <p>Hook for the window, one line in {@code ConsoleApp.start} after {@code stage.show()}:
 * <pre>{@code dev.omnigraph.console.ui.runtime.WindowSupport.windowUp(stage);}</pre>
 * It makes the main stage the owner of crash dialogs and notes it for crash reports; it is
 * idempotent and harmless when nothing was installed (tests).
 */
public final class WindowSupport {
    private static final AtomicBoolean FIRST_WINDOW = new AtomicBoolean();
    private static volatile Window mainWindow;

    private WindowSupport() {}

    /** Watches for the first shown window (call before {@code Application.launch}). */
    public static void watch(AppRuntime runtime) {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    if (FIRST_WINDOW.compareAndSet(false, true)) {
                        firstWindow(runtime, w);
                    }
                }
            }
        });
    }

    /** Hook: the console's main window is up. */
    public static void windowUp(Stage stage) {
        mainWindow = stage;
        AppRuntime runtime = AppRuntime.current();
        if (runtime != null && FIRST_WINDOW.compareAndSet(false, true)) {
            firstWindow(runtime, stage);
        }
        if (runtime != null) {
            runtime.crashes().presentWith(report -> CrashDialog.present(report, mainWindow));
        }
    }

    private static void firstWindow(AppRuntime runtime, Window window) {
        String title = window instanceof Stage s && s.getTitle() != null ? s.getTitle() : window.getClass().getSimpleName();
        runtime.windowShown(title);
        runtime.crashes().presentWith(report -> CrashDialog.present(report, mainWindow != null ? mainWindow : window));
        FirstFrameProbe.attach(window, runtime::firstFrame);
    }
}
