package dev.omnigraph.console.prefs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console remembers per user between sessions: saved connections, recently opened
 * roots, theme, live-refresh interval, lock staleness threshold and window layout. Immutable;
 * every change makes a new value that {@link PreferencesStore} writes.
 *
 * <p>Rule mirrored: nothing secret is ever persisted. No type reachable from here has a field for
 * an access key, secret, session token or {@code api_key}; credentials given in the connect
 * dialog stay in memory for the session ({@code S3Settings.StaticKeys}).
 *
 * @param version           file format version ({@link #CURRENT_VERSION})
 * @param savedConnections  named connections, in the admin's order
 * @param recentRoots       most recent first, at most {@link #MAX_RECENT}
 * @param pollSeconds       live refresh interval while a cluster is visible
 * @param lockStaleMinutes  a held lock older than this is flagged as probably stale
 */
public record ConsolePreferences(int version, List<SavedConnection> savedConnections, List<String> recentRoots, Theme theme,
                                 int pollSeconds, int lockStaleMinutes, WindowLayout window) {

    public static final int CURRENT_VERSION = 1;
    public static final int MAX_RECENT = 12;
    public static final int MIN_POLL_SECONDS = 1;
    public static final int MAX_POLL_SECONDS = 3_600;
    public static final int MIN_LOCK_STALE_MINUTES = 1;
    public static final int MAX_LOCK_STALE_MINUTES = 60 * 24 * 30;

    public ConsolePreferences {
        savedConnections = List.copyOf(savedConnections == null ? List.of() : savedConnections);
        recentRoots = List.copyOf(recentRoots == null ? List.of() : recentRoots.stream().limit(MAX_RECENT).map(UriCredentials::strip).toList());
        theme = theme == null ? Theme.SYSTEM : theme;
        pollSeconds = Math.max(MIN_POLL_SECONDS, Math.min(MAX_POLL_SECONDS, pollSeconds));
        lockStaleMinutes = Math.max(MIN_LOCK_STALE_MINUTES, Math.min(MAX_LOCK_STALE_MINUTES, lockStaleMinutes));
        window = window == null ? WindowLayout.DEFAULT : window;
    }

    public static ConsolePreferences defaults() {
        return new ConsolePreferences(CURRENT_VERSION, List.of(), List.of(), Theme.SYSTEM, 5, 30, WindowLayout.DEFAULT);
    }

    public Duration pollInterval() {
        return Duration.ofSeconds(pollSeconds);
    }

    public Duration lockStaleAfter() {
        return Duration.ofMinutes(lockStaleMinutes);
    }

    public ConsolePreferences withSavedConnections(List<SavedConnection> value) {
        return new ConsolePreferences(version, value, recentRoots, theme, pollSeconds, lockStaleMinutes, window);
    }

    public ConsolePreferences withTheme(Theme value) {
        return new ConsolePreferences(version, savedConnections, recentRoots, value, pollSeconds, lockStaleMinutes, window);
    }

    public ConsolePreferences withPollSeconds(int value) {
        return new ConsolePreferences(version, savedConnections, recentRoots, theme, value, lockStaleMinutes, window);
    }

    public ConsolePreferences withLockStaleMinutes(int value) {
        return new ConsolePreferences(version, savedConnections, recentRoots, theme, pollSeconds, value, window);
    }

    public ConsolePreferences withWindow(WindowLayout value) {
        return new ConsolePreferences(version, savedConnections, recentRoots, theme, pollSeconds, lockStaleMinutes, value);
    }

    /** Moves {@code root} to the front of the recent list. */
    public ConsolePreferences withRecent(String root) {
        List<String> out = new ArrayList<>();
        out.add(root);
        recentRoots.stream().filter(r -> !r.equals(root)).forEach(out::add);
        return new ConsolePreferences(version, savedConnections, out, theme, pollSeconds, lockStaleMinutes, window);
    }

    /** Adds a connection, replacing one with the same name. */
    public ConsolePreferences withSaved(SavedConnection connection) {
        List<SavedConnection> out = new ArrayList<>();
        boolean replaced = false;
        for (SavedConnection c : savedConnections) {
            if (c.name().equals(connection.name())) {
                out.add(connection);
                replaced = true;
            } else {
                out.add(c);
            }
        }
        if (!replaced) {
            out.add(connection);
        }
        return new ConsolePreferences(version, out, recentRoots, theme, pollSeconds, lockStaleMinutes, window);
    }

    /** Renames a saved connection in place (same position); unchanged when {@code from} is absent. */
    public ConsolePreferences withRenamed(String from, String to) {
        List<SavedConnection> out = savedConnections.stream()
                .map(c -> c.name().equals(from) ? new SavedConnection(to, c.kind(), c.target(), c.endpoint(), c.region(), c.pathStyle(),
                        c.profile()) : c)
                .toList();
        return new ConsolePreferences(version, out, recentRoots, theme, pollSeconds, lockStaleMinutes, window);
    }

    public ConsolePreferences withoutSaved(String name) {
        return new ConsolePreferences(version, savedConnections.stream().filter(c -> !c.name().equals(name)).toList(), recentRoots,
                theme, pollSeconds, lockStaleMinutes, window);
    }
}
