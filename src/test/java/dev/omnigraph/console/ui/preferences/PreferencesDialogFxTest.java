package dev.omnigraph.console.ui.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.prefs.ConsolePreferences;
import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.prefs.SavedConnection;
import dev.omnigraph.console.prefs.Theme;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.FxHarness;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.shell.ConsoleWindow;
import dev.omnigraph.console.ui.shell.StoreOpener;
import dev.omnigraph.console.ui.task.FxTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Preferences dialog in the real window: opened with the shortcut, the theme switches live in
 * every window (main window and dialog), the refresh interval reaches the open sessions' settings,
 * "Reset all preferences" asks first. Also renders {@code preferences-light.png} and
 * {@code preferences-dark.png} (to {@code target/screenshots}, or {@code -Dscreenshots.dir=docs/screenshots}).
 */
@ExtendWith(ApplicationExtension.class)
class PreferencesDialogFxTest {
    @TempDir
    static Path home;

    private final FxTaskRunner runner = new FxTaskRunner(2);
    private PreferencesModel prefs;
    private ConsoleWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ConsolePreferences p = ConsolePreferences.defaults().withTheme(Theme.LIGHT)
                .withSaved(new SavedConnection("Production brain", SavedConnection.Kind.ROOT, "s3://omnigraph-prod/company-brain",
                        null, "eu-west-1", null, "ops-admin"))
                .withSaved(new SavedConnection("Staging (MinIO)", SavedConnection.Kind.ROOT, "s3://staging/brain",
                        "http://minio.internal:9000", null, true, null))
                .withSaved(new SavedConnection("Local config", SavedConnection.Kind.CONFIG, "/srv/omnigraph/config", null, null, null, null))
                .withWindow(ConsolePreferences.defaults().window().withBounds(0, 0, 1100, 760, false));
        prefs = PreferencesModel.inMemory(p);
        window = new ConsoleWindow(stage, new ConsoleWindow.Services(prefs, runner, runner.activities(), PollScheduler.MANUAL,
                Clock.systemUTC(), home, S3Settings.fromEnvironment(Map.of()), home, StoreOpener.DEFAULT));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    @Test
    void themeSwitchesLiveEverywhereAndResetAllAsksFirst(FxRobot robot) throws Exception {
        FxHarness.runFx(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        FxHarness.waitFor("the Preferences dialog", 20, () -> dialog() != null);
        PreferencesDialog dialog = dialog();
        assertThat(FxHarness.onFx(() -> rootClasses(dialog))).contains("theme-light");
        assertThat(FxHarness.onFx(() -> dialog.saved.getItems().size())).isEqualTo(3);
        assertThat(FxHarness.onFx(() -> ((javafx.scene.control.Label) dialog.getScene().lookup("#prefs-secrets-note")).getText()))
                .contains("session only");
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        FxHarness.runFx(() -> dialog.saved.getSelectionModel().select(1));
        FxHarness.screenshot(dialog, out.resolve("preferences-light.png"));

        FxHarness.runFx(() -> dialog.theme.setValue(Theme.DARK));
        assertThat(FxHarness.onFx(() -> rootClasses(stage))).contains("theme-dark").doesNotContain("theme-light");
        assertThat(FxHarness.onFx(() -> rootClasses(dialog))).contains("theme-dark").doesNotContain("theme-light");
        assertThat(prefs.get().theme()).isEqualTo(Theme.DARK);
        FxHarness.screenshot(dialog, out.resolve("preferences-dark.png"));

        FxHarness.runFx(() -> dialog.theme.setValue(Theme.SYSTEM));
        String system = FxHarness.onFx(() -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK ? "theme-dark" : "theme-light");
        assertThat(FxHarness.onFx(() -> rootClasses(stage))).as("follows the OS").contains(system);

        FxHarness.runFx(() -> dialog.poll.getValueFactory().setValue(42));
        assertThat(FxHarness.onFx(() -> window.shell().settings().pollIntervalProperty().get())).isEqualTo(Duration.ofSeconds(42));

        // the View menu's choice shows up in the open dialog
        FxHarness.runFx(() -> window.theme().themeProperty().set(Theme.LIGHT));
        assertThat(FxHarness.onFx(() -> dialog.theme.getValue())).isEqualTo(Theme.LIGHT);

        robot.clickOn("#prefs-reset-all");
        FxHarness.waitFor("the confirmation", 20, () -> confirmation() != null);
        DialogPane confirm = confirmation();
        assertThat(FxHarness.onFx(confirm::getContentText)).contains("all 3 saved connections");
        assertThat(prefs.get().savedConnections()).as("nothing forgotten before the admin confirms").hasSize(3);
        Button yes = FxHarness.onFx(() -> (Button) confirm.getButtonTypes().stream()
                .filter(t -> t.getText().equals("Reset all preferences")).map(confirm::lookupButton).findFirst().orElseThrow());
        robot.clickOn(yes);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(prefs.get()).isEqualTo(ConsolePreferences.defaults());
        assertThat(FxHarness.onFx(() -> dialog.saved.getItems().isEmpty())).isTrue();
        assertThat(FxHarness.onFx(() -> dialog.theme.getValue())).isEqualTo(Theme.SYSTEM);
        assertThat(FxHarness.onFx(() -> window.shell().settings().pollIntervalProperty().get())).isEqualTo(Duration.ofSeconds(5));
        FxHarness.runFx(dialog::close);
    }

    private static java.util.List<String> rootClasses(Window w) {
        return java.util.List.copyOf(w.getScene().getRoot().getStyleClass());
    }

    private static PreferencesDialog dialog() {
        return Window.getWindows().stream().filter(w -> w instanceof PreferencesDialog && w.isShowing())
                .map(w -> (PreferencesDialog) w).findFirst().orElse(null);
    }

    private static DialogPane confirmation() {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane).map(r -> (DialogPane) r).findFirst().orElse(null);
    }

}
