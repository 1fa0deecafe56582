package dev.omnigraph.console.prefs;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The current preferences as a value others can watch, without a UI toolkit: listeners hear each
 * change (to a value that is not {@code equals} the previous one), on the thread that made it, in
 * the order they were added. The window adapts it to its own bindings where it needs them.
 */
public final class PreferencesValue {
    /** Called with the value before and after a change ({@code (source, before, now) -> …}). */
    @FunctionalInterface
    public interface Listener {
        void changed(PreferencesValue source, ConsolePreferences before, ConsolePreferences now);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile ConsolePreferences value;

    PreferencesValue(ConsolePreferences initial) {
        this.value = initial;
    }

    public ConsolePreferences get() {
        return value;
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Adds a listener held weakly: it stops being called (and is dropped) once nothing else keeps it
     * alive, so a view that is gone does not stay reachable through the preferences.
     */
    public void addWeakListener(Listener listener) {
        WeakReference<Listener> ref = new WeakReference<>(listener);
        listeners.add(new Listener() {
            @Override
            public void changed(PreferencesValue source, ConsolePreferences before, ConsolePreferences now) {
                Listener l = ref.get();
                if (l == null) {
                    listeners.remove(this);
                } else {
                    l.changed(source, before, now);
                }
            }
        });
    }

    void set(ConsolePreferences next) {
        ConsolePreferences before = value;
        value = next;
        if (!Objects.equals(before, next)) {
            for (Listener l : listeners) {
                l.changed(this, before, next);
            }
        }
    }
}
