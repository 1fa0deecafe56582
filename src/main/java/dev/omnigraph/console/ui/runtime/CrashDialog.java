package dev.omnigraph.console.ui.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import dev.omnigraph.console.runtime.CrashReport;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The window's way to show a {@link CrashReport}: a non-blocking error dialog with the one-sentence
 * summary, the whole (redacted) report in a read-only text area, a <b>Copy report</b> button that
 * puts it on the clipboard, and where the report file and the log are. One dialog at a time: errors
 * that arrive while it is open only raise the count it shows (a failing pulse must not flood the
 * screen); after {@value #MAX_DIALOGS} dialogs further errors go to the log and report files only.
 */
public final class CrashDialog {
    /** Dialogs shown per session at most. */
    public static final int MAX_DIALOGS = 5;
    /** The copy button's text (also its accessible name). */
    public static final String COPY = "Copy report";

    private static final AtomicInteger SHOWN = new AtomicInteger();
    private static Alert open;
    private static int moreWhileOpen;

    private CrashDialog() {}

    /**
     * Shows {@code report} on the JavaFX thread. Throws {@link IllegalStateException} when the
     * toolkit is not running, so the caller falls back to standard error.
     *
     * @param owner the main window, or {@code null}
     */
    public static void present(CrashReport report, Window owner) {
        Platform.runLater(() -> {
            if (open != null && open.isShowing()) {
                moreWhileOpen++;
                open.setHeaderText(header(moreWhileOpen));
                return;
            }
            if (SHOWN.incrementAndGet() > MAX_DIALOGS) {
                return;
            }
            moreWhileOpen = 0;
            open = create(report, owner);
            open.show();
        });
    }

    /** Builds the dialog (not shown); package-private for tests. */
    static Alert create(CrashReport report, Window owner) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("OmniGraph Console — unexpected error");
        alert.setHeaderText(header(0));
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.initModality(Modality.NONE);
        alert.setResizable(true);

        Label summary = new Label(report.summary() + "\n\nPlease copy the report below into your bug report. "
                + "It holds no access keys, secrets or tokens.");
        summary.setWrapText(true);
        TextArea text = new TextArea(report.text());
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(18);
        text.setPrefColumnCount(90);
        text.setStyle("-fx-font-family: monospace;");
        text.setAccessibleText("Error report");
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox body = new VBox(10, summary, text);
        body.setPrefWidth(760);
        alert.getDialogPane().setContent(body);

        ButtonType copyType = new ButtonType(COPY, ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copyType, ButtonType.CLOSE);
        Button copy = (Button) alert.getDialogPane().lookupButton(copyType);
        copy.setAccessibleText(COPY);
        copy.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            ClipboardContent content = new ClipboardContent();
            content.putString(report.text());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        return alert;
    }

    private static String header(int more) {
        return "Something went wrong inside the console." + (more == 0 ? "" : " (" + more + " more errors since; see the log.)");
    }
}
