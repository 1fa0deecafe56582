package dev.omnigraph.console.ui;

import dev.omnigraph.console.prefs.PreferencesModel;
import dev.omnigraph.console.runtime.CommandLine;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.session.FxPollScheduler;
import dev.omnigraph.console.ui.shell.AfterFirstFrame;
import dev.omnigraph.console.ui.shell.ConsoleWindow;
import dev.omnigraph.console.ui.shell.StartupArgs;
import dev.omnigraph.console.ui.shell.StoreOpener;
import dev.omnigraph.console.ui.runtime.WindowSupport;
import dev.omnigraph.console.ui.task.FxTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The console window's application class. With no arguments it creates the demo clusters under
 * {@code <home>/demo/} (home: {@code omnigraph.console.home} or {@code ~/.omnigraph-console}) and
 * opens them; {@code --root URI} or {@code --config DIR} (with {@code --endpoint/--region/--profile/
 * --path-style}) open that cluster instead. Started through {@code Launcher}, never directly.
 */
public final class ConsoleApp extends Application {
    private FxTaskRunner runner;

    public static void launchWindow(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner(6);
        PreferencesModel preferences = PreferencesPreload.take();
        Path cwd = Path.of("").toAbsolutePath();
        StartupArgs args = null;
        String usage = null;
        try {
            args = StartupArgs.parse(getParameters().getRaw(), System.getenv());
        } catch (CommandLine.UsageException e) {
            usage = e.getMessage();
        }
        ConsoleWindow window = new ConsoleWindow(stage, new ConsoleWindow.Services(preferences, runner, runner.activities(),
                new FxPollScheduler(), Clock.systemDefaultZone(), preferences.store().home(),
                args == null ? S3Settings.fromEnvironment() : args.s3(), cwd, StoreOpener.DEFAULT), false);
        stage.show();
        WindowSupport.windowUp(stage);
        StartupArgs parsed = args;
        String problem = usage;
        // the first frame gets the CPU: opening clusters (demo creation, storage reads on the runner's
        // threads, the pages' class loading) starts once the window has been painted
        AfterFirstFrame.run(() -> openWhatWasAsked(stage, window, parsed, problem));
    }

    private static void openWhatWasAsked(Stage stage, ConsoleWindow window, StartupArgs args, String usage) {
        stage.getIcons().setAll(icons());
        window.connectView(); // the form behind the Connect tab, now that the window is painted
        if (usage != null) {
            window.dialogs().warn("OmniGraph Console", "The command line could not be used",
                    usage + "\n\nThe console opened without a cluster; use File → Connect.");
            window.showConnect();
        } else {
            window.start(args);
        }
    }

    /** The window icon at every size the set has (the OS picks). */
    public static List<Image> icons() {
        return List.of(16, 24, 32, 48, 64, 128, 256).stream()
                .map(size -> ConsoleApp.class.getResource("/dev/omnigraph/console/icons/omnigraph-console-" + size + ".png"))
                .filter(java.util.Objects::nonNull).map(url -> new Image(url.toExternalForm())).toList();
    }

    @Override
    public void stop() {
        dev.omnigraph.console.ui.migrate.LocalS3Endpoint.shared().stopNow();
        if (runner != null) {
            runner.shutdown();
        }
    }
}
