package dev.omnigraph.console.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The per-user log: java.util.logging (the AWS SDK and s3proxy reach it through slf4j-jdk14)
 * writes to {@code <home>/logs/omnigraph-console-0.log} (window) or
 * {@code omnigraph-console-cli-0.log} (commands), rotating at {@value #LIMIT_BYTES} bytes over
 * {@value #COUNT} files. Every record passes through the {@link Redactor} before it is written.
 * In the window, warnings are also echoed to standard error in one line (no stack trace); commands
 * keep standard error for their own messages. When the folder cannot be written, logging falls
 * back to standard error and {@link #problem()} says why; the console still starts.
 *
 * <p>The level is INFO, or the system property {@value #LEVEL_PROPERTY} (e.g. {@code FINE}).
 */
public final class AppLogging implements AutoCloseable {
    /** System property that sets the root level (SEVERE, WARNING, INFO, FINE, FINER, ALL). */
    public static final String LEVEL_PROPERTY = "omnigraph.console.log.level";
    /** Bytes per log file before it rotates. */
    public static final int LIMIT_BYTES = 5 * 1024 * 1024;
    /** Log files kept per base name (current plus rotated). */
    public static final int COUNT = 5;

    /** Loggers whose levels are set here; JUL only keeps weak references to loggers. */
    private static final List<Logger> PINNED = new ArrayList<>();

    private final List<Handler> handlers;
    private final Path logFile;
    private final String problem;

    private AppLogging(List<Handler> handlers, Path logFile, String problem) {
        this.handlers = handlers;
        this.logFile = logFile;
        this.problem = problem;
    }

    /**
     * Replaces the JUL configuration of this process: the rotating file (redacted), plus a one-line
     * stderr echo of warnings when {@code echoWarnings}.
     *
     * @param baseName     file base name, e.g. {@code omnigraph-console} or {@code omnigraph-console-cli}
     * @param echoWarnings echo WARNING and SEVERE to {@code err} (the window)
     * @param err          standard error
     */
    public static synchronized AppLogging install(AppHome home, Redactor redactor, String baseName, boolean echoWarnings,
                                                  PrintStream err) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(configuredLevel());
        pin("org.eclipse.jetty", Level.WARNING);
        pin("org.gaul", Level.WARNING);
        pin("org.apache.http", Level.WARNING);
        pin("io.netty", Level.WARNING);

        List<Handler> installed = new ArrayList<>();
        Path file = null;
        String problem = null;
        try {
            Path folder = AppHome.ensureFolder(home.logs());
            FileHandler fileHandler = new FileHandler(folder.resolve(baseName + "-%g.log").toString(), LIMIT_BYTES, COUNT, true);
            fileHandler.setEncoding(StandardCharsets.UTF_8.name());
            fileHandler.setFormatter(new LogFormat(redactor, true));
            fileHandler.setLevel(Level.ALL);
            root.addHandler(fileHandler);
            installed.add(fileHandler);
            String marker = "Log opened by process " + ProcessHandle.current().pid() + ".";
            Logger.getLogger(AppLogging.class.getName()).info(marker);
            file = findOwnFile(folder, baseName, marker).orElse(folder.resolve(baseName + "-0.log"));
        } catch (IOException | RuntimeException e) {
            problem = "Logging to a file is off: " + home.logs() + " cannot be written (" + e.getMessage() + ").";
        }
        if (echoWarnings || problem != null) {
            Handler echo = new StreamHandler(err, new LogFormat(redactor, false)) {
                @Override
                public synchronized void publish(LogRecord record) {
                    super.publish(record);
                    flush();
                }

                @Override
                public synchronized void close() {
                    flush(); // never close standard error
                }
            };
            echo.setLevel(Level.WARNING);
            root.addHandler(echo);
            installed.add(echo);
        }
        return new AppLogging(List.copyOf(installed), file, problem);
    }

    /** The file this process writes to, if logging to a file works. */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    /** Why there is no log file, if there is none. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Flushes the handlers (the file handler flushes every record anyway). */
    public void flush() {
        handlers.forEach(Handler::flush);
    }

    /** Removes and closes this configuration's handlers (tests; the JVM closes them at exit). */
    @Override
    public synchronized void close() {
        Logger root = Logger.getLogger("");
        for (Handler h : handlers) {
            root.removeHandler(h);
            h.close();
        }
    }

    static Level configuredLevel() {
        String value = System.getProperty(LEVEL_PROPERTY);
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    private static void pin(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        synchronized (PINNED) {
            PINNED.add(logger);
        }
    }

    /**
     * JUL appends {@code .1}, {@code .2} … when another process holds the lock on the base file; the
     * file holding our marker line is ours.
     */
    private static Optional<Path> findOwnFile(Path folder, String baseName, String marker) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(folder.resolve(baseName + "-0.log"));
        for (int unique = 1; unique <= 20; unique++) {
            candidates.add(folder.resolve(baseName + "-0.log." + unique));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && tailContains(candidate, marker)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean tailContains(Path file, String marker) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, 8192);
            byte[] tail = new byte[size];
            raf.seek(length - size);
            raf.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).contains(marker);
        } catch (IOException e) {
            return false;
        }
    }
}
