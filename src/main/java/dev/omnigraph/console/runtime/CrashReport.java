package dev.omnigraph.console.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A readable, copyable report of an unexpected error: what happened in one sentence, the
 * version, operating system, Java and JavaFX, what the console was doing, the exception chain and
 * (in its technical part) the stack traces. Every line is redacted: no access key, secret, session
 * token or {@code api_key} value reaches the report, the dialog or the saved file.
 */
public final class CrashReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int MAX_FRAMES = 80;

    private final Instant at;
    private final String summary;
    private final String readable;
    private final String technical;

    private CrashReport(Instant at, String summary, String readable, String technical) {
        this.at = at;
        this.summary = summary;
        this.readable = readable;
        this.technical = technical;
    }

    /**
     * Builds the report of {@code error} thrown on {@code thread}.
     *
     * @param logFile where the log is written, or {@code null}
     */
    public static CrashReport build(Thread thread, Throwable error, AppFacts facts, ActivityTrail trail, Path logFile,
                                    Redactor redactor) {
        Instant at = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        String doing = trail.latest();
        String summary = redactor.redact("The console hit an unexpected error"
                + (doing == null ? "" : " (last activity: " + doing + ")") + " on the thread '" + thread.getName()
                + "': " + oneLine(error) + ".");

        StringBuilder r = new StringBuilder(2048);
        r.append("OmniGraph Console — unexpected error report").append('\n');
        r.append("===========================================").append('\n');
        r.append(summary).append("\n\n");
        field(r, "When", WHEN.format(ZonedDateTime.ofInstant(at, zone)));
        field(r, "Version", facts.product());
        field(r, "Mode", facts.mode());
        field(r, "Operating system", facts.os());
        field(r, "Java", facts.java());
        field(r, "JavaFX", facts.javaFx());
        field(r, "Thread", thread.getName() + (thread.isDaemon() ? " (daemon)" : ""));
        Runtime rt = Runtime.getRuntime();
        field(r, "Memory", mib(rt.totalMemory() - rt.freeMemory()) + " used, " + mib(rt.maxMemory()) + " max");
        field(r, "Process", String.valueOf(facts.pid()));
        field(r, "Log file", logFile == null ? "(none: logging to a file is off)" : logFile.toString());
        r.append('\n');
        r.append("What the console was doing (oldest first):").append('\n');
        List<ActivityTrail.Entry> recent = trail.recent();
        if (recent.isEmpty()) {
            r.append("  (nothing noted)").append('\n');
        }
        for (ActivityTrail.Entry e : recent) {
            r.append("  ").append(CLOCK.format(ZonedDateTime.ofInstant(e.at(), zone))).append("  ").append(e.what()).append('\n');
        }
        r.append('\n');
        r.append("Error chain:").append('\n');
        int i = 1;
        for (Throwable t : chain(error)) {
            r.append("  ").append(i == 1 ? "1. " : i + ". caused by ").append(describe(t)).append('\n');
            i++;
        }
        String readable = redactor.redact(r.toString());

        StringBuilder tech = new StringBuilder(4096);
        tech.append("Technical details (stack traces):").append('\n');
        tech.append(stackTrace(error));
        String technical = redactor.redact(tech.toString());
        return new CrashReport(at, summary, readable, technical);
    }

    /** When the error was reported. */
    public Instant at() {
        return at;
    }

    /** One sentence for people: what happened, on which thread, during what. */
    public String summary() {
        return summary;
    }

    /** The report without stack traces (what standard error shows for commands). */
    public String readablePart() {
        return readable;
    }

    /** The whole report: the readable part and the stack traces. This is what gets copied and saved. */
    public String text() {
        return readable + "\n" + technical;
    }

    /** {@code IOException: disk full} for the outermost throwable, plus the root cause when different. */
    public static String oneLine(Throwable error) {
        List<Throwable> chain = chain(error);
        Throwable root = chain.get(chain.size() - 1);
        return describe(error) + (root == error ? "" : " (cause: " + describe(root) + ")");
    }

    private static String describe(Throwable t) {
        String message;
        try {
            message = t.getMessage();
        } catch (RuntimeException e) {
            message = "(message unavailable)";
        }
        String type = t.getClass().getName();
        return message == null || message.isBlank() ? type : type + ": " + message.strip();
    }

    /** Outermost first; stops at cycles. */
    static List<Throwable> chain(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }

    private static String stackTrace(Throwable error) {
        StringWriter w = new StringWriter();
        try {
            error.printStackTrace(new PrintWriter(w));
        } catch (RuntimeException e) {
            return describe(error) + "\n(stack trace unavailable: " + e.getClass().getName() + ")\n";
        }
        String[] lines = w.toString().split("\\R");
        StringBuilder out = new StringBuilder();
        int frames = 0;
        int skipped = 0;
        for (String line : lines) {
            boolean frame = line.startsWith("\tat ") || line.startsWith("\t\tat ");
            if (frame && ++frames > MAX_FRAMES) {
                skipped++;
                continue;
            }
            if (!frame) {
                frames = 0;
                if (skipped > 0) {
                    out.append("\t... ").append(skipped).append(" more frames left out").append('\n');
                    skipped = 0;
                }
            }
            out.append(line).append('\n');
        }
        if (skipped > 0) {
            out.append("\t... ").append(skipped).append(" more frames left out").append('\n');
        }
        return out.toString();
    }

    private static void field(StringBuilder r, String name, String value) {
        r.append(String.format("%-18s %s", name + ":", value)).append('\n');
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
