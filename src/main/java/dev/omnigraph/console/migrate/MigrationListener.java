package dev.omnigraph.console.migrate;

/**
 * Receives {@link MigrationEvent}s. Called from engine threads, possibly several at once: keep it
 * quick and thread-safe (the wizard hands events to the JavaFX thread, the CLI prints them).
 */
@FunctionalInterface
public interface MigrationListener {
    void onEvent(MigrationEvent event);

    MigrationListener NONE = event -> {};
}
