package dev.omnigraph.console.app;

import dev.omnigraph.console.cli.CliMain;
import dev.omnigraph.console.runtime.AppHome;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.runtime.StartupTimeline;
import dev.omnigraph.console.ui.runtime.WindowSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The top of the console: decides how this process runs (a command or the window) and installs
 * the {@link AppRuntime} for it, with the window's start-up measurement and crash dialogs
 * ({@link WindowSupport}) when the window opens. Called first thing in {@code Launcher.main}.
 */
public final class AppStart {
    private static final Logger LOG = Logger.getLogger(AppStart.class.getName());

    private AppStart() {}

    /**
     * Log file, redaction, crash handler, and for the window the start-up measurement and crash
     * dialogs. Never throws: a console that cannot log still runs.
     */
    public static synchronized AppRuntime install(String[] args) {
        StartupTimeline timeline = StartupTimeline.startingNow();
        AppRuntime.Mode mode = CliMain.isCommand(args) ? AppRuntime.Mode.COMMAND_LINE : AppRuntime.Mode.WINDOW;
        AppRuntime runtime = AppRuntime.start(mode, AppHome.resolve(), System.getenv(), System.getProperties(), System.err, timeline);
        if (mode == AppRuntime.Mode.WINDOW) {
            runtime.trail().note("Starting the window");
            try {
                WindowSupport.watch(runtime);
            } catch (LinkageError | RuntimeException e) {
                LOG.log(Level.WARNING, "Start-up measurement and crash dialogs are off: " + e);
            }
        } else {
            runtime.trail().note("Running the command '" + commandWords(args) + "'");
        }
        return runtime;
    }

    private static String commandWords(String[] args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(2, args.length) && !args[i].startsWith("-"); i++) {
            b.append(i == 0 ? "" : " ").append(args[i]);
        }
        return b.isEmpty() ? (args.length > 0 ? args[0] : "") : b.toString();
    }
}
