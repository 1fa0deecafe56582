package dev.omnigraph.console.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every run of the console sets up before anything else (installed once from
 * {@code Launcher.main} through {@code app.AppStart}): the per-user {@link AppHome}, the redacted
 * rotating log ({@link AppLogging}), the uncaught-exception handler ({@link CrashHandler}) and, for
 * the window, the start-up timeline (crash dialogs: {@code ui.runtime.WindowSupport}). The bottom
 * of the console: every other package may use it, it uses none of them.
 *
 * <p>Hooks for the rest of the console, all safe to call when nothing was installed (tests):
 * <ul>
 *   <li>{@link #clusterOpened(String)} — the window opened a cluster (logged; the smoke test waits for it);</li>
 *   <li>{@link #doing(String)} — what the console is doing now, for crash reports;</li>
 *   <li>{@link #secret(String)} / {@link #secrets(String...)} — register a secret so it is
 *       redacted everywhere (the storage layer's {@code S3Settings.StaticKeys} calls it for every key the console uses, {@code LocalS3Server} for the keys it generates);</li>
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
    private static final Redactor PATTERNS_ONLY = new Redactor();
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

    /** Sets up a runtime with explicit inputs and makes it current (tests; {@code app.AppStart.install} in production). */
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

    /** Hook: never let any of these values reach a log, report or dialog (nulls and short values are ignored). */
    public static void secrets(String... values) {
        AppRuntime r = current;
        if (r != null) {
            for (String v : values) {
                r.redactor.addSecret(v);
            }
        }
    }

    /**
     * {@code text} with the session's known secrets and every secret-shaped value masked (patterns
     * only when nothing was installed): for text that reaches a screen or standard output.
     */
    public static String redact(String text) {
        AppRuntime r = current;
        return (r == null ? PATTERNS_ONLY : r.redactor).redact(text);
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

    /** The first frame of the window was rendered at {@code at} (epoch ms), measured by {@code method}. */
    public void firstFrame(long at, String method) {
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

    /** The first window, titled {@code title}, was shown. */
    public void windowShown(String title) {
        timeline.windowShown(System.currentTimeMillis());
        trail.note("Window shown: " + title);
    }
}
