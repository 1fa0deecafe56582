package dev.omnigraph.console.prefs;

import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The preferences as the running console sees them: an observable value that every change goes
 * through ({@link #update}), saved at once to the {@link PreferencesStore}. A failed save is
 * reported in {@link #lastProblem()} and never stops the console. No UI toolkit: the window watches
 * {@link #property()}.
 */
public final class PreferencesModel {
    private static final Logger LOG = Logger.getLogger(PreferencesModel.class.getName());

    private final PreferencesStore store;
    private final PreferencesValue current;
    private Optional<String> lastProblem;

    public PreferencesModel(PreferencesStore store) {
        this.store = store;
        PreferencesStore.Loaded loaded = store.load();
        this.current = new PreferencesValue(loaded.preferences());
        this.lastProblem = loaded.problem();
    }

    /** In memory only (tests, screenshots): never writes. */
    public static PreferencesModel inMemory(ConsolePreferences preferences) {
        PreferencesModel m = new PreferencesModel(null, preferences);
        return m;
    }

    private PreferencesModel(PreferencesStore store, ConsolePreferences preferences) {
        this.store = store;
        this.current = new PreferencesValue(preferences);
        this.lastProblem = Optional.empty();
    }

    public ConsolePreferences get() {
        return current.get();
    }

    /** The preferences as they change: {@code property().addListener((source, before, now) -> …)}. */
    public PreferencesValue property() {
        return current;
    }

    /** Applies a change and saves it. */
    public void update(UnaryOperator<ConsolePreferences> change) {
        ConsolePreferences next = change.apply(current.get());
        if (next.equals(current.get())) {
            return;
        }
        current.set(next);
        save(next);
    }

    /** Deletes the saved file and returns to the defaults. */
    public void reset() {
        try {
            current.set(store == null ? ConsolePreferences.defaults() : store.reset());
            lastProblem = Optional.empty();
        } catch (IOException e) {
            lastProblem = Optional.of("Could not delete " + store.file() + ": " + e.getMessage());
        }
    }

    private void save(ConsolePreferences p) {
        if (store == null) {
            return;
        }
        try {
            store.save(p);
            lastProblem = Optional.empty();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not save preferences to " + store.file() + ": " + e.getMessage());
            lastProblem = Optional.of("Could not save preferences to " + store.file() + ": " + e.getMessage());
        }
    }

    /** A sentence about the last load or save problem, if any. */
    public Optional<String> lastProblem() {
        return lastProblem;
    }

    /** Where the file lives (null when in memory). */
    public PreferencesStore store() {
        return store;
    }
}
