package dev.omnigraph.console.ui.fit;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Finds what a user would see cut: every visible {@link Labeled} whose rendered text (its skin's
 * text node) differs from {@code getText()} — JavaFX put "…" in — and every button narrower than
 * its label. Table and list cells are left out (their columns are the admin's to resize and their
 * full text is in the detail panes); their column headers are checked.
 */
public final class ClippedText {
    private ClippedText() {}

    /** One offender, described so the failure message says where to look. */
    public record Offender(String window, String control, String text, String rendered) {
        @Override
        public String toString() {
            return window + " › " + control + ": \"" + text + "\" renders as \"" + rendered + "\"";
        }
    }

    /** Every offender in every showing window. Call on the FX thread after a layout pass. */
    public static List<Offender> scan() {
        List<Offender> found = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() != null) {
                w.getScene().getRoot().applyCss();
                w.getScene().getRoot().layout();
                scan(w.getScene().getRoot(), title(w), found);
            }
        }
        return found;
    }

    private static void scan(Node node, String window, List<Offender> found) {
        if (!node.isVisible() || node instanceof IndexedCell<?>) {
            return;
        }
        if (node instanceof Labeled l && l.getWidth() > 0 && l.getText() != null && !l.getText().isEmpty()) {
            check(l, window, found);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                scan(child, window, found);
            }
        }
        if (node instanceof ScrollPane sp && sp.getContent() != null && !((Parent) sp).getChildrenUnmodifiable().contains(sp.getContent())) {
            scan(sp.getContent(), window, found);
        }
    }

    private static void check(Labeled l, String window, List<Offender> found) {
        String expected = l.isMnemonicParsing() ? withoutMnemonic(l.getText()) : l.getText();
        Text rendered = renderedText(l);
        if (rendered != null && !rendered.getText().equals(expected) && !rendered.getText().replace("\n", " ").equals(expected)) {
            found.add(new Offender(window, describe(l), expected, rendered.getText()));
        } else if (l instanceof ButtonBase b && b.getWidth() + 0.5 < b.prefWidth(-1)) {
            found.add(new Offender(window, describe(l), expected, "(button " + Math.round(b.getWidth()) + " px wide, its label needs "
                    + Math.round(b.prefWidth(-1)) + ")"));
        }
    }

    /** The skin's text node ({@code LabeledText}, style class "text"), or null before the skin exists. */
    private static Text renderedText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t;
            }
        }
        return null;
    }

    static String withoutMnemonic(String text) {
        int i = text.indexOf('_');
        return i < 0 || i == text.length() - 1 ? text : text.substring(0, i) + text.substring(i + 1);
    }

    private static String describe(Labeled l) {
        String kind = l instanceof Button ? "button" : l.getClass().getSimpleName();
        return kind + (l.getId() == null ? "" : " #" + l.getId());
    }

    private static String title(Window w) {
        if (w instanceof javafx.stage.Stage s && s.getTitle() != null) {
            return s.getTitle();
        }
        return w.getClass().getSimpleName();
    }
}
