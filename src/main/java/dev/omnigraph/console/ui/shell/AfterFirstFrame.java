package dev.omnigraph.console.ui.shell;

import javafx.animation.AnimationTimer;

/**
 * Runs work on the FX thread once the window's first frame has been painted: at the second
 * animation pulse after the call (a pulse starts only after the previous frame was rendered). The
 * console defers everything that is not needed for the first paint (opening clusters, creating the
 * demo, building pages) this way, so the window appears before any of it competes for the CPU.
 */
public final class AfterFirstFrame {
    private AfterFirstFrame() {}

    /** Call on the FX thread, after {@code stage.show()}. */
    public static void run(Runnable work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    work.run();
                }
            }
        }.start();
    }
}
