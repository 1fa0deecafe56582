package dev.omnigraph.console.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The test double of {@link DialogService}: answers confirmations from a script and records every dialog. */
public final class ScriptedDialogs implements DialogService {
    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final List<Confirmation> asked = new ArrayList<>();
    private final List<String> told = new ArrayList<>();

    /** The next confirmation is answered with {@code yes} (in order). */
    public ScriptedDialogs answer(boolean yes) {
        answers.add(yes);
        return this;
    }

    @Override
    public boolean confirm(Confirmation question) {
        asked.add(question);
        if (answers.isEmpty()) {
            throw new AssertionError("an unexpected confirmation was asked: " + question.header());
        }
        return answers.removeFirst();
    }

    @Override
    public void inform(String title, String header, String detail) {
        told.add(header + ": " + detail);
    }

    @Override
    public void warn(String title, String header, String detail) {
        told.add(header + ": " + detail);
    }

    public List<Confirmation> asked() {
        return asked;
    }

    public List<String> told() {
        return told;
    }
}
