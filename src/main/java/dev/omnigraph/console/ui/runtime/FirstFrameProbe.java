package dev.omnigraph.console.ui.runtime;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Reports when a window's first frame has been rendered: through JavaFX's per-scene
 * rendered-frame callback ({@code com.sun.javafx.perf.PerformanceTracker}, reached reflectively
 * because it is not public API; released after the first frame), else, if that is unavailable, at
 * the second animation pulse after the window is shown (a pulse starts only once the previous
 * frame has been rendered). Call on the JavaFX thread before the first pulse of the window.
 */
public final class FirstFrameProbe {
    public static final String CALLBACK = "the scene's rendered-frame callback";
    public static final String PULSES = "the second pulse after showing (fallback)";

    private FirstFrameProbe() {}

    /** Calls {@code onFirstFrame(epochMillis, method)} once, on whatever thread rendered. */
    static void attach(Window window, BiConsumer<Long, String> onFirstFrame) {
        AtomicBoolean done = new AtomicBoolean();
        Scene scene = window.getScene();
        if (scene != null && attachTracker(scene, done, onFirstFrame)) {
            return;
        }
        AnimationTimer pulses = new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen == 2) {
                    stop();
                    if (done.compareAndSet(false, true)) {
                        onFirstFrame.accept(System.currentTimeMillis(), PULSES);
                    }
                }
            }
        };
        pulses.start();
    }

    private static boolean attachTracker(Scene scene, AtomicBoolean done, BiConsumer<Long, String> onFirstFrame) {
        try {
            Class<?> type = Class.forName("com.sun.javafx.perf.PerformanceTracker");
            Method get = type.getMethod("getSceneTracker", Scene.class);
            Method release = type.getMethod("releaseSceneTracker", Scene.class);
            Method setTask = type.getMethod("setOnRenderedFrameTask", Runnable.class);
            Object tracker = get.invoke(null, scene);
            if (tracker == null) {
                return false;
            }
            setTask.invoke(tracker, (Runnable) () -> {
                if (done.compareAndSet(false, true)) {
                    long at = System.currentTimeMillis();
                    Platform.runLater(() -> release(release, scene));
                    onFirstFrame.accept(at, CALLBACK);
                }
            });
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Releases the scene's tracker once the first frame is known (keeping it costs a counter per frame). */
    private static void release(Method release, Scene scene) {
        try {
            release.invoke(null, scene);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // kept: it only costs the counter
        }
    }
}
