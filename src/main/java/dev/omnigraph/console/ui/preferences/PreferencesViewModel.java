package dev.omnigraph.console.ui.preferences;

import dev.omnigraph.console.ui.common.DialogService;
import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.prefs.WindowLayout;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Preferences dialog's state. Every change applies at once (no OK button): it goes into the
 * {@link PreferencesModel}, which saves it and from which the window takes the theme and every
 * open cluster its live-refresh interval and lock staleness threshold. Changes made elsewhere
 * (the View menu, the Lock page) show up here too. Toolkit-free (javafx.base only).
 */
public final class PreferencesViewModel {
    /** Said in the dialog: what is never stored. */
    public static final String SECRETS_NOTE = "Access keys typed in the Connect form are kept for this session only: they are "
            + "never written to the preferences, the log or a crash report. Saved connections keep the root, endpoint, region "
            + "and profile name only.";

    private final PreferencesModel preferences;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final IntegerProperty pollSeconds = new SimpleIntegerProperty();
    private final IntegerProperty lockStaleMinutes = new SimpleIntegerProperty();
    private final ObservableList<SavedConnection> saved = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean syncing;

    private final DialogService dialogs;

    public PreferencesViewModel(PreferencesModel preferences) {
        this(preferences, null);
    }

    /** @param dialogs asks before "Reset all preferences" ({@link #askResetAll()}); null: never asks, never resets */
    public PreferencesViewModel(PreferencesModel preferences, DialogService dialogs) {
        this.preferences = preferences;
        this.dialogs = dialogs;
        sync(preferences.get());
        preferences.property().addListener((o, a, b) -> sync(b));
        theme.addListener((o, a, b) -> change(p -> p.withTheme(b)));
        pollSeconds.addListener((o, a, b) -> change(p -> p.withPollSeconds(b.intValue())));
        lockStaleMinutes.addListener((o, a, b) -> change(p -> p.withLockStaleMinutes(b.intValue())));
    }

    private void change(java.util.function.UnaryOperator<ConsolePreferences> edit) {
        if (!syncing) {
            preferences.update(edit);
            sync(preferences.get()); // clamped values come back
            problem().ifPresent(message::set);
        }
    }

    private void sync(ConsolePreferences p) {
        syncing = true;
        try {
            theme.set(p.theme());
            pollSeconds.set(p.pollSeconds());
            lockStaleMinutes.set(p.lockStaleMinutes());
            if (!saved.equals(p.savedConnections())) {
                saved.setAll(p.savedConnections());
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * Renames a saved connection.
     *
     * @return why it was refused (blank, or another connection has that name), empty when done
     */
    public Optional<String> rename(SavedConnection connection, String newName) {
        String name = newName == null ? "" : newName.trim();
        if (name.isEmpty()) {
            return refuse("Give the connection a name.");
        }
        if (name.equals(connection.name())) {
            return Optional.empty();
        }
        if (saved.stream().anyMatch(c -> c.name().equals(name))) {
            return refuse("Another saved connection is already called \u201c" + name + "\u201d.");
        }
        preferences.update(p -> p.withRenamed(connection.name(), name));
        message.set("Renamed \u201c" + connection.name() + "\u201d to \u201c" + name + "\u201d.");
        return Optional.empty();
    }

    /** Forgets a saved connection (nothing on storage is touched). */
    public void delete(SavedConnection connection) {
        preferences.update(p -> p.withoutSaved(connection.name()));
        message.set("Forgot the saved connection \u201c" + connection.name() + "\u201d (" + connection.target() + ").");
    }

    /** Window size, position and pane splits back to the defaults. */
    public void resetLayout() {
        preferences.update(p -> p.withWindow(WindowLayout.DEFAULT));
        message.set("The window layout is back to the defaults.");
    }

    /** "Reset all preferences…": asks, naming what is forgotten; true when the admin confirmed and everything was reset. */
    public boolean askResetAll() {
        if (dialogs == null || !dialogs.confirm(new DialogService.Confirmation("Reset all preferences", "Reset all preferences?",
                resetAllConsequences(), "Reset all preferences", "Keep them", true))) {
            return false;
        }
        resetAll();
        return true;
    }

    /** Every preference back to the defaults; the file is deleted. */
    public void resetAll() {
        preferences.reset();
        sync(preferences.get());
        message.set(problem().orElse("All preferences are back to the defaults."));
    }

    private Optional<String> refuse(String why) {
        message.set(why);
        return Optional.of(why);
    }

    private Optional<String> problem() {
        return preferences.lastProblem();
    }

    /** What "Reset all preferences" will forget, for its confirmation. */
    public String resetAllConsequences() {
        int n = saved.size();
        return "This forgets " + (n == 0 ? "no saved connection" : n == 1 ? "the saved connection" : "all " + n + " saved connections")
                + ", the recent list, the theme, the live refresh interval, the lock threshold and the window layout. "
                + "Open clusters stay open; nothing on any cluster is changed.";
    }

    /** Where the preferences live and in which format version. */
    public String whereStored() {
        return preferences.store() == null ? "Kept in memory only (not saved)."
                : "Saved per user in " + preferences.store().file() + " (format version " + ConsolePreferences.CURRENT_VERSION + ").";
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty pollSecondsProperty() {
        return pollSeconds;
    }

    public IntegerProperty lockStaleMinutesProperty() {
        return lockStaleMinutes;
    }

    public ObservableList<SavedConnection> savedConnections() {
        return saved;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
