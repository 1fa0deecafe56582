package dev.omnigraph.console.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The uncaught-exception handler of every thread: builds a {@link CrashReport}, writes it to the
 * log and to {@code <home>/crash-reports/crash-<time>.txt} (create-only, the newest
 * {@value #KEEP} kept), then shows it: through the presenter the window registers (a dialog with a
 * copy button) while the JavaFX toolkit runs, on standard error otherwise. An error inside the
 * handler never hides the original one: it falls back to one line on standard error.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    /** Crash report files kept. */
    public static final int KEEP = 20;

    private static final Logger LOG = Logger.getLogger(CrashHandler.class.getName());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneId.systemDefault());

    private final AppHome home;
    private final Redactor redactor;
    private final ActivityTrail trail;
    private final Supplier<AppFacts> facts;
    private final Supplier<Path> logFile;
    private final PrintStream err;
    private final AtomicInteger reported = new AtomicInteger();
    private final ThreadLocal<Boolean> busy = ThreadLocal.withInitial(() -> false);
    private volatile Consumer<CrashReport> presenter;

    /**
     * @param logFile the current log file, or a supplier of {@code null}
     * @param err     where reports go when no window can show them
     */
    public CrashHandler(AppHome home, Redactor redactor, ActivityTrail trail, Supplier<AppFacts> facts,
                        Supplier<Path> logFile, PrintStream err) {
        this.home = home;
        this.redactor = redactor;
        this.trail = trail;
        this.facts = facts;
        this.logFile = logFile;
        this.err = err;
    }

    /** Becomes the default handler of every thread of this process. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    /**
     * Shows later reports through {@code presenter} (the window's dialog); {@code null} returns to
     * standard error. The presenter must not block; when it throws, standard error is used.
     */
    public void presentWith(Consumer<CrashReport> presenter) {
        this.presenter = presenter;
    }

    /** Reports handled so far. */
    public int reportedCount() {
        return reported.get();
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        report(thread, error);
    }

    /**
     * Builds, saves, logs and shows the report of {@code error}.
     *
     * @return the report, or empty when building it failed (one line went to standard error instead)
     */
    public Optional<CrashReport> report(Thread thread, Throwable error) {
        if (busy.get()) {
            err.println("OmniGraph Console: another unexpected error while reporting one: " + redactor.redact(String.valueOf(error)));
            return Optional.empty();
        }
        busy.set(true);
        try {
            reported.incrementAndGet();
            CrashReport report = CrashReport.build(thread, error, facts.get(), trail, logFile.get(), redactor);
            LOG.log(Level.SEVERE, report.summary(), error);
            Optional<Path> saved = save(report);
            show(report, saved);
            return Optional.of(report);
        } catch (Throwable failure) {
            try {
                err.println("OmniGraph Console: unexpected error on thread '" + thread.getName() + "': "
                        + redactor.redact(CrashReport.oneLine(error)) + " (the report could not be built: "
                        + failure.getClass().getName() + ")");
            } catch (Throwable ignored) {
                // nothing left to try
            }
            return Optional.empty();
        } finally {
            busy.set(false);
        }
    }

    private void show(CrashReport report, Optional<Path> saved) {
        Consumer<CrashReport> p = presenter;
        if (p != null) {
            try {
                p.accept(report);
                err.println("OmniGraph Console: " + report.summary() + saved.map(f -> " Report: " + f).orElse(""));
                return;
            } catch (RuntimeException toolkitGone) {
                // the toolkit has stopped: fall through to standard error
            }
        }
        if (saved.isPresent()) {
            err.println(report.readablePart());
            err.println("The full report (with technical details for a bug report) was saved to " + saved.get());
        } else {
            err.println(report.text());
        }
        err.flush();
    }

    /** Writes the report to a new file; empty when the folder cannot be written. */
    Optional<Path> save(CrashReport report) {
        try {
            Path folder = AppHome.ensureFolder(home.crashReports());
            String base = "crash-" + FILE_TIME.format(report.at());
            Path file = folder.resolve(base + ".txt");
            for (int n = 2; Files.exists(file); n++) {
                file = folder.resolve(base + "-" + n + ".txt");
            }
            Files.writeString(file, report.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            prune(folder);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            LOG.warning("The crash report could not be saved under " + home.crashReports() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void prune(Path folder) throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.list(folder)) {
            reports = files.filter(f -> f.getFileName().toString().matches("crash-.*\\.txt"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        }
        for (Path old : reports.subList(Math.min(KEEP, reports.size()), reports.size())) {
            Files.deleteIfExists(old);
        }
    }
}
