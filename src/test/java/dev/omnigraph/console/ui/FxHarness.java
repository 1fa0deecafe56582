package dev.omnigraph.console.ui;

import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.FxPollScheduler;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ClusterWorkspace;
import dev.omnigraph.console.ui.shell.ConsoleWindow;
import dev.omnigraph.console.ui.shell.StoreOpener;
import dev.omnigraph.console.ui.task.FxTaskRunner;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Builds the real console window in a TestFX stage with its own home folder, in-memory
 * preferences and a real background runner, and offers waits and screenshots. Shared by the
 * window tests and the screenshot generator.
 */
public final class FxHarness {
    public final Path home;
    public final FxTaskRunner runner = new FxTaskRunner(4);
    public ConsoleWindow window;

    public FxHarness(Path home) {
        this.home = home;
    }

    /** Call from the TestFX {@code @Start} method (FX thread). */
    public ConsoleWindow show(Stage stage, S3Settings environment, Theme theme, PollScheduler scheduler, double width, double height) {
        ConsolePreferences prefs = ConsolePreferences.defaults().withTheme(theme)
                .withWindow(ConsolePreferences.defaults().window().withBounds(0, 0, width, height, false));
        window = new ConsoleWindow(stage, new ConsoleWindow.Services(PreferencesModel.inMemory(prefs), runner, runner.activities(),
                scheduler == null ? new FxPollScheduler() : scheduler, Clock.systemDefaultZone(), home, environment, home,
                StoreOpener.DEFAULT));
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        return window;
    }

    public static void waitFor(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                Boolean[] ok = new Boolean[1];
                WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.call()).get();
                return Boolean.TRUE.equals(ok[0]);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static <T> T onFx(Callable<T> call) {
        return onFx(call, 30);
    }

    public static <T> T onFx(Callable<T> call, int seconds) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void runFx(Runnable r) {
        onFx(() -> {
            r.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The session of an open cluster by name, waiting until its first snapshot is on screen. */
    public ClusterSession awaitCluster(String name, int seconds) {
        waitFor("cluster " + name + " loaded", seconds, () -> window.shell().sessions().stream()
                .anyMatch(s -> s.name().equals(name) && s.snapshot() != null));
        return onFx(() -> window.shell().sessions().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }

    public ClusterWorkspace select(ClusterSession session) {
        runFx(() -> window.shell().selectedProperty().set(session));
        return onFx(() -> window.workspace(session));
    }

    /** Renders the window's scene to a PNG. */
    public static void screenshot(Stage stage, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = onFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return stage.getScene().snapshot(null);
        });
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(file.getParent());
        ImageIO.write(buffered, "png", file.toFile());
    }

    public static boolean isFx() {
        return Platform.isFxApplicationThread();
    }
}
