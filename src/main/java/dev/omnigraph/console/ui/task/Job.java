package dev.omnigraph.console.ui.task;

/** Work that runs off the JavaFX application thread, reporting progress and honouring cancel. */
@FunctionalInterface
public interface Job<T> {
    T call(JobContext context) throws Exception;
}
