package dev.omnigraph.console.app;

import dev.omnigraph.console.cli.CliMain;
import dev.omnigraph.console.storage.S3Settings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every run of the console sets up before anything else (installed once from
 * {@code Launcher.main}): the per-user {@link AppHome}, the redacted rotating log
 * ({@link AppLogging}), the uncaught-exception handler ({@link CrashHandler}) and, for the window,
 * the start-up timeline and crash dialogs ({@link WindowSupport}).
 *
 * <p>Hooks for the rest of the console, all safe to call when nothing was installed (tests):
 * <ul>
 *   <li>{@link #clusterOpened(String)} — the window opened a cluster (logged; the smoke test waits for it);</li>
 *   <li>{@link #doing(String)} — what the console is doing now, for crash reports;</li>
 *   <li>{@link #secret(String)} / {@link #keys(S3Settings.StaticKeys)} — register a secret so it is
 *       redacted everywhere (call it when an admin types an access key);</li>
 *   <li>{@code WindowSupport.windowUp(stage)} — the main window is up (crash dialogs get it as owner).</li>
 * </ul>
 */
public final class AppRuntime {
    /** How this process runs. */
    public enum Mode {
        WINDOW("window"), COMMAND_LINE("command line");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * System property: exit (status 0) right after the first frame is rendered. Used by the
     * packaging scripts for the AppCDS training run and for start-up measurements.
     */
    public static final String EXIT_AFTER_FIRST_FRAME = "omnigraph.console.exitAfterFirstFrame";
    /** Prefix of the log line written when the window opened a cluster (stable for scripts). */
    public static final String CLUSTER_OPENED_PREFIX = "Cluster opened: ";

    private static final Logger LOG = Logger.getLogger(AppRuntime.class.getName());
    private static volatile AppRuntime current;

    private final Mode mode;
    private final AppHome home;
    private final Redactor redactor = new Redactor();
    private final ActivityTrail trail = new ActivityTrail();
    private final StartupTimeline timeline;
    private final AppLogging logging;
    private final CrashHandler crashes;

    private AppRuntime(Mode mode, AppHome home, Map<String, String> env, Properties properties, PrintStream err,
                       StartupTimeline timeline) {
        this.mode = mode;
        this.home = home;
        this.timeline = timeline;
        redactor.addFromEnvironment(env);
        redactor.addFromSystemProperties(properties);
        boolean window = mode == Mode.WINDOW;
        this.logging = AppLogging.install(home, redactor, window ? "omnigraph-console" : "omnigraph-console-cli", window, err);
        this.crashes = new CrashHandler(home, redactor, trail, () -> AppFacts.current(mode.toString()),
                () -> logging.logFile().orElse(null), err);
    }

    /**
     * Called first thing in {@code Launcher.main}: log file, redaction, crash handler, and for the
     * window the start-up measurement and crash dialogs. Never throws: a console that cannot log
     * still runs.
     */
    public static synchronized AppRuntime install(String[] args) {
        StartupTimeline timeline = StartupTimeline.startingNow();
        Mode mode = CliMain.isCommand(args) ? Mode.COMMAND_LINE : Mode.WINDOW;
        AppRuntime runtime = start(mode, AppHome.resolve(), System.getenv(), System.getProperties(), System.err, timeline);
        if (mode == Mode.WINDOW) {
            runtime.trail.note("Starting the window");
            try {
                WindowSupport.watch(runtime);
            } catch (LinkageError | RuntimeException e) {
                LOG.log(Level.WARNING, "Start-up measurement and crash dialogs are off: " + e);
            }
        } else {
            runtime.trail.note("Running the command '" + commandWords(args) + "'");
        }
        return runtime;
    }

    /** Sets up a runtime with explicit inputs and makes it current (tests; {@link #install} in production). */
    public static synchronized AppRuntime start(Mode mode, AppHome home, Map<String, String> env, Properties properties,
                                                PrintStream err, StartupTimeline timeline) {
        AppRuntime runtime = new AppRuntime(mode, home, env, properties, err, timeline);
        runtime.crashes.install();
        current = runtime;
        AppFacts facts = AppFacts.current(mode.toString());
        LOG.info(facts.product() + " starting (" + mode + "); " + facts.os() + "; Java " + facts.java() + "; home " + home);
        runtime.logging.problem().ifPresent(p -> LOG.log(mode == Mode.WINDOW ? Level.WARNING : Level.INFO, p));
        return runtime;
    }

    /** The installed runtime, or {@code null} when none was installed (tests that start the window directly). */
    public static AppRuntime current() {
        return current;
    }

    /** Hook: the window opened the cluster at {@code root} (display form, no credentials). */
    public static void clusterOpened(String root) {
        AppRuntime r = current;
        if (r != null) {
            r.trail.note("Opened the cluster " + root);
        }
        LOG.info(CLUSTER_OPENED_PREFIX + root);
    }

    /** Hook: the console is now doing {@code what} (one short sentence, shown in crash reports). */
    public static void doing(String what) {
        AppRuntime r = current;
        if (r != null) {
            r.trail.note(what);
        }
    }

    /** Hook: never let {@code value} reach a log, report or dialog. */
    public static void secret(String value) {
        AppRuntime r = current;
        if (r != null) {
            r.redactor.addSecret(value);
        }
    }

    /** Hook: never let these session keys reach a log, report or dialog. */
    public static void keys(S3Settings.StaticKeys keys) {
        AppRuntime r = current;
        if (r != null) {
            r.redactor.addKeys(keys);
        }
    }

    public Mode mode() {
        return mode;
    }

    public AppHome home() {
        return home;
    }

    public Redactor redactor() {
        return redactor;
    }

    public ActivityTrail trail() {
        return trail;
    }

    public CrashHandler crashes() {
        return crashes;
    }

    public StartupTimeline timeline() {
        return timeline;
    }

    /** The log file of this process, or {@code null} when logging to a file is off. */
    public Path logFile() {
        return logging.logFile().orElse(null);
    }

    /** Undoes {@link #start} (tests): default handler and log handlers removed. */
    public synchronized void uninstall() {
        if (Thread.getDefaultUncaughtExceptionHandler() == crashes) {
            Thread.setDefaultUncaughtExceptionHandler(null);
        }
        logging.close();
        if (current == this) {
            current = null;
        }
    }

    void firstFrame(long at, String method) {
        String line = timeline.firstFrameLine(at, method);
        trail.note("First frame rendered");
        LOG.info(line);
        if (Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME)) {
            LOG.info("Exiting after the first frame (" + EXIT_AFTER_FIRST_FRAME + ")");
            Thread exit = new Thread(() -> System.exit(0), "exit-after-first-frame");
            exit.setDaemon(true);
            exit.start();
        }
    }

    void windowShown(String title) {
        timeline.windowShown(System.currentTimeMillis());
        trail.note("Window shown: " + title);
    }

    private static String commandWords(String[] args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(2, args.length) && !args[i].startsWith("-"); i++) {
            b.append(i == 0 ? "" : " ").append(args[i]);
        }
        return b.isEmpty() ? (args.length > 0 ? args[0] : "") : b.toString();
    }
}
