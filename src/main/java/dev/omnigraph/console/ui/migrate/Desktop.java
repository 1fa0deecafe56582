package dev.omnigraph.console.ui.migrate;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Label;

/** Opens a file or folder with the desktop's application, off the JavaFX thread; says so when it cannot. */
final class Desktop {
    private Desktop() {}

    static void open(Path path, Label problem) {
        Thread t = new Thread(() -> {
            String failure = null;
            try {
                if (!java.awt.Desktop.isDesktopSupported() || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    failure = "This desktop cannot open files from the console: open " + path + " yourself.";
                } else {
                    java.awt.Desktop.getDesktop().open(path.toFile());
                }
            } catch (Exception | Error e) {
                failure = "Could not open " + path + ": " + e.getMessage();
            }
            String f = failure;
            Platform.runLater(() -> problem.setText(f == null ? "" : f));
        }, "open-report");
        t.setDaemon(true);
        t.start();
    }
}
