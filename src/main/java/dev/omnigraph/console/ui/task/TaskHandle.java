package dev.omnigraph.console.ui.task;

/** A submitted job: cancel it, or ask whether it is still running. */
public interface TaskHandle {
    void cancel();

    boolean isDone();

    /** A handle for work that already finished. */
    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
