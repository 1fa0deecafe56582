package dev.omnigraph.console.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * "What was happening": the last {@value #CAPACITY} things the console noted it was doing
 * (starting the window, opening a cluster, running a job …), oldest first, for crash reports.
 * Entries are redacted when a report is built, never stored anywhere else.
 */
public final class ActivityTrail {
    /** Entries kept. */
    public static final int CAPACITY = 20;

    /** One noted activity. */
    public record Entry(Instant at, String what) {}

    private final Deque<Entry> entries = new ArrayDeque<>(CAPACITY);

    /** Notes that the console is now doing {@code what} (one short sentence). */
    public synchronized void note(String what) {
        if (what == null || what.isBlank()) {
            return;
        }
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(Instant.now(), what.strip()));
    }

    /** Oldest first. */
    public synchronized List<Entry> recent() {
        return List.copyOf(entries);
    }

    /** The most recent entry's text, or {@code null}. */
    public synchronized String latest() {
        return entries.isEmpty() ? null : entries.getLast().what();
    }
}
