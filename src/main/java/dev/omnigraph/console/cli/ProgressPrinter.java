package dev.omnigraph.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.omnigraph.console.backup.BackupListener;
import dev.omnigraph.console.backup.BackupProgress;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationListener;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shows a long command's progress on stderr (a backup, restore, verify, diff or migration): a bar
 * redrawn in place on a terminal, a line every few seconds into a file or pipe, or one JSON object
 * per event with {@code --json} (stdout keeps the final result). The JSON events are
 * {@link ProgressEvents}.
 */
final class ProgressPrinter implements BackupListener, MigrationListener {
    enum Mode {
        BAR, LINES, JSON;

        static Mode of(boolean json, CliContext ctx) {
            return json ? JSON : ctx.interactive() ? BAR : LINES;
        }
    }

    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream err;
    private final PrintStream bar;
    private final Mode mode;
    private long lastLine;
    private boolean barShown;

    ProgressPrinter(PrintStream err, Mode mode) {
        this.err = err;
        this.bar = TerminalSafeOutput.raw(err); // the bar redraws in place with CR and ESC [K on purpose
        this.mode = mode;
    }

    ProgressPrinter(CliContext ctx, boolean json) {
        this(ctx.err(), Mode.of(json, ctx));
    }

    @Override
    public synchronized void progress(BackupProgress p) {
        if (mode == Mode.JSON) {
            err.println(write(ProgressEvents.json(p)));
        } else {
            show(line(p), p.finished());
        }
        err.flush();
    }

    @Override
    public synchronized void notice(String message) {
        if (mode == Mode.JSON) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("at", Instant.now().toString());
            out.put("event", "notice");
            out.put("message", message);
            err.println(write(out));
        } else {
            clearBar();
            err.println("  " + message);
        }
        err.flush();
    }

    @Override
    public synchronized void onEvent(MigrationEvent event) {
        if (mode == Mode.JSON) {
            err.println(write(ProgressEvents.json(event)));
        } else {
            switch (event) {
                case MigrationEvent.Progress p -> show(bar(p.snapshot()), p.snapshot().state() == ProgressSnapshot.State.FINISHED);
                case MigrationEvent.Notice n -> {
                    if (n.level() != MigrationEvent.Level.INFO || !n.message().startsWith("retrying")) {
                        clearBar();
                        err.println("  " + n.level().name().toLowerCase(Locale.ROOT) + ": " + n.message());
                    }
                }
                case MigrationEvent.PhaseStarted s -> { }
                case MigrationEvent.PhaseFinished f -> clearBar();
            }
        }
        err.flush();
    }

    /** The bar redrawn in place, or a line every few seconds (and the last one). */
    private void show(String line, boolean finished) {
        if (mode == Mode.BAR) {
            bar.print("\r" + line + "\u001b[K");
            barShown = !finished;
            if (finished) {
                bar.println();
            }
            bar.flush();
        } else if (finished || System.nanoTime() - lastLine > LINE_INTERVAL_NANOS) {
            lastLine = System.nanoTime();
            err.println(line);
        }
    }

    private void clearBar() {
        if (barShown) {
            bar.print("\r\u001b[K");
            bar.flush();
            barShown = false;
        }
    }

    static String line(BackupProgress p) {
        return String.format(Locale.ROOT, "  %-7s %s  copied %s%s%s", p.task(), meter(p.fraction(), p.objectsDone(), p.objectsTotal(),
                p.bytesDone(), p.bytesTotal(), p.bytesPerSecond(), p.objectsPerSecond(), p.eta()), Format.count(p.objectsCopied()),
                p.failed() > 0 ? "  " + p.failed() + " failed" : "", p.paused() ? " (paused)" : "");
    }

    static String bar(ProgressSnapshot s) {
        if (s.objectsTotal() == 0 && s.phase() == dev.omnigraph.console.migrate.MigrationPhase.PLAN) {
            return "  plan   compared " + Format.count(s.objectsDone()) + " objects (" + Format.duration(s.elapsed()) + ")";
        }
        String state = switch (s.state()) {
            case PAUSED -> " (paused)";
            case CANCELLING -> " (cancelling)";
            default -> "";
        };
        return String.format(Locale.ROOT, "  %-6s %s%s%s", s.phase().title().toLowerCase(Locale.ROOT), meter(s.fraction(), s.objectsDone(),
                s.objectsTotal(), s.bytesDone(), s.bytesTotal(), s.bytesPerSecond(), s.objectsPerSecond(), s.eta()),
                s.failed() > 0 ? "  " + s.failed() + " failed" : "", state);
    }

    /** {@code [#####---]  42%  3/7 objects  1 MiB/2 MiB  5 MiB/s  12 obj/s  ETA 3s}. */
    private static String meter(double fraction, long objectsDone, long objectsTotal, long bytesDone, long bytesTotal, double bytesPerSecond,
                                double objectsPerSecond, Optional<Duration> eta) {
        int width = 24;
        int filled = (int) Math.round(fraction * width);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %s/%s objects  %s/%s  %s  %.0f obj/s  %s", "#".repeat(filled),
                "-".repeat(width - filled), fraction * 100, Format.count(objectsDone), Format.count(objectsTotal), Format.bytes(bytesDone),
                Format.bytes(bytesTotal), Format.rate(bytesPerSecond), objectsPerSecond, eta.map(d -> "ETA " + Format.duration(d)).orElse("ETA –"));
    }

    private static String write(Map<String, Object> out) {
        try {
            return COMPACT.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
