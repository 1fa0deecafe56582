package dev.omnigraph.console.ui.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.runtime.ActivityTrail;
import dev.omnigraph.console.runtime.AppFacts;
import dev.omnigraph.console.runtime.AppHome;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.runtime.CrashReport;
import dev.omnigraph.console.runtime.Redactor;
import dev.omnigraph.console.runtime.StartupTimeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash dialog and the window wiring, on the headless (Monocle) toolkit. */
class CrashDialogTest {
    @TempDir
    Path home;

    private Thread.UncaughtExceptionHandler previous;
    private AppRuntime runtime;

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> {});
        } catch (IllegalStateException alreadyRunning) {
            // started by another test class
        }
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void restore() throws Exception {
        if (runtime != null) {
            runtime.crashes().presentWith(null);
            runtime.uninstall();
        }
        Thread.setDefaultUncaughtExceptionHandler(previous);
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                w.hide();
            }
            return null;
        });
    }

    @Test
    void theDialogShowsTheSummaryAndTheWholeReportAndCopiesIt() throws Exception {
        CrashReport report = CrashReport.build(new Thread(() -> {}, "ledger-poll"), new IllegalStateException("lost the ledger"),
                AppFacts.current("window"), new ActivityTrail(), null, new Redactor());
        Alert alert = fx(() -> CrashDialog.create(report, null));
        TextArea area = find(alert.getDialogPane().getContent(), TextArea.class);
        Label summary = find(alert.getDialogPane().getContent(), Label.class);
        assertThat(area.getText()).isEqualTo(report.text()).contains("Technical details");
        assertThat(area.isEditable()).isFalse();
        assertThat(summary.getText()).contains(report.summary(), "holds no access keys");

        Button copy = fx(() -> {
            alert.show();
            return alert.getButtonTypes().stream().map(t -> (Button) alert.getDialogPane().lookupButton(t))
                    .filter(b -> b.getText().equals(CrashDialog.COPY)).findFirst().orElseThrow();
        });
        fx(() -> {
            Clipboard.getSystemClipboard().clear();
            copy.fire();
            return null;
        });
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(report.text());
        assertThat(fx(copy::getText)).isEqualTo("Copied");
        assertThat(fx(alert::isShowing)).as("copying does not close the dialog").isTrue();
    }

    @Test
    void anUncaughtErrorOnTheFxThreadOpensOneDialogAndLaterOnesOnlyRaiseItsCount() throws Exception {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        runtime = AppRuntime.start(AppRuntime.Mode.WINDOW, new AppHome(home), Map.of(), new Properties(),
                new PrintStream(err, true, StandardCharsets.UTF_8), StartupTimeline.startingNow());
        Stage stage = fx(() -> {
            Stage s = new Stage();
            s.setTitle("OmniGraph Console");
            s.setScene(new Scene(new Label("main"), 300, 200));
            s.show();
            WindowSupport.windowUp(s);
            return s;
        });

        Platform.runLater(() -> {
            throw new IllegalStateException("fx boom");
        });
        Platform.runLater(() -> {
            throw new IllegalStateException("fx boom again");
        });
        waitFor(() -> fx(() -> crashDialogs().size() == 1 && crashDialogs().get(0).getScene().getRoot().lookup(".header-panel") != null
                && headerText(crashDialogs().get(0)).contains("1 more")));

        Window dialog = fx(() -> crashDialogs().get(0));
        TextArea area = fx(() -> find(dialog.getScene().getRoot(), TextArea.class));
        assertThat(area.getText()).contains("fx boom", "JavaFX Application Thread", "Window shown: OmniGraph Console");
        assertThat(fx(() -> ((Stage) dialog).getOwner())).isSameAs(stage);
        assertThat(runtime.crashes().reportedCount()).isEqualTo(2);
        try (var files = Files.list(new AppHome(home).crashReports())) {
            assertThat(files.count()).isEqualTo(2);
        }
        waitFor(() -> Files.readString(runtime.logFile()).contains(StartupTimeline.FIRST_FRAME_PREFIX));
        assertThat(Files.readString(runtime.logFile())).contains("measured by " + FirstFrameProbe.CALLBACK);
    }

    private static List<Window> crashDialogs() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && "OmniGraph Console — unexpected error".equals(s.getTitle()))
                .toList();
    }

    private static String headerText(Window w) {
        Label header = find(w.getScene().getRoot().lookup(".header-panel"), Label.class);
        return header == null ? "" : header.getText();
    }

    private static <T> T find(Node node, Class<T> type) {
        if (type.isInstance(node)) {
            return type.cast(node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(50))
                .ignoreExceptions().until(check::ok);
    }

}
