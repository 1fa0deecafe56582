package dev.omnigraph.console.backup;

/** Receives progress and notices from a running backup, restore or verify, on a worker thread. */
public interface BackupListener {
    void progress(BackupProgress progress);

    /** One sentence worth showing (a retry, the lock taken over, the lock put back). */
    default void notice(String message) {}

    BackupListener NONE = p -> { };
}
