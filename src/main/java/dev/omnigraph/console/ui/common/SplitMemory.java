package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.PreferencesValue;
import javafx.animation.PauseTransition;
import javafx.scene.control.SplitPane;
import javafx.util.Duration;

/**
 * Restores a split pane's divider from the preferences ({@code window.splits.<id>}) and saves it
 * half a second after the admin stops dragging it.
 */
public final class SplitMemory {
    private SplitMemory() {}

    public static void remember(SplitPane split, String id, PreferencesModel preferences) {
        if (preferences == null || split.getDividers().isEmpty()) {
            return;
        }
        double initial = split.getDividers().getFirst().getPosition();
        Double saved = preferences.get().window().splits().get(id);
        if (saved != null) {
            split.setDividerPositions(saved);
        }
        PauseTransition debounce = new PauseTransition(Duration.millis(500));
        debounce.setOnFinished(e -> {
            double position = split.getDividers().getFirst().getPosition();
            preferences.update(p -> p.withWindow(p.window().withSplit(id, position)));
        });
        split.getDividers().getFirst().positionProperty().addListener((o, a, b) -> debounce.playFromStart());
        // a layout reset (Preferences) drops the saved position: back to the page's own default
        PreferencesValue.Listener reset = (o, a, b) -> {
            if (a.window().splits().containsKey(id) && !b.window().splits().containsKey(id)) {
                debounce.stop();
                split.setDividerPositions(initial);
            }
        };
        split.getProperties().put(SplitMemory.class, reset); // the pane keeps the listener alive, the preferences do not
        preferences.property().addWeakListener(reset);
    }
}
