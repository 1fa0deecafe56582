package dev.omnigraph.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationListener;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a migration's progress on stderr: a one-line bar redrawn in place on a terminal, a plain
 * line every few seconds when stderr is a file or pipe, or one JSON object per event with
 * {@code --json} (for scripts; stdout keeps the final result).
 */
final class MigrationProgressPrinter implements MigrationListener {
    enum Mode { BAR, LINES, JSON }

    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream err;
    private final PrintStream bar;
    private final Mode mode;
    private long lastLine;
    private boolean barShown;

    MigrationProgressPrinter(PrintStream err, Mode mode) {
        this.err = err;
        this.bar = TerminalSafeOutput.raw(err); // the bar redraws in place with CR and ESC [K on purpose
        this.mode = mode;
    }

    @Override
    public synchronized void onEvent(MigrationEvent event) {
        switch (mode) {
            case JSON -> err.println(json(event));
            case BAR, LINES -> human(event);
        }
        err.flush();
    }

    private void human(MigrationEvent event) {
        switch (event) {
            case MigrationEvent.Progress p -> {
                ProgressSnapshot s = p.snapshot();
                if (mode == Mode.BAR) {
                    bar.print("\r" + bar(s) + "\u001b[K");
                    bar.flush();
                    barShown = true;
                    if (s.state() == ProgressSnapshot.State.FINISHED) {
                        err.println();
                        barShown = false;
                    }
                } else if (System.nanoTime() - lastLine > LINE_INTERVAL_NANOS || s.state() == ProgressSnapshot.State.FINISHED) {
                    lastLine = System.nanoTime();
                    err.println(bar(s));
                }
            }
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

    private void clearBar() {
        if (barShown) {
            bar.print("\r\u001b[K");
            bar.flush();
            barShown = false;
        }
    }

    static String bar(ProgressSnapshot s) {
        if (s.objectsTotal() == 0 && s.phase() == dev.omnigraph.console.migrate.MigrationPhase.PLAN) {
            return "  plan   compared " + Format.count(s.objectsDone()) + " objects (" + Format.duration(s.elapsed()) + ")";
        }
        int width = 24;
        int filled = (int) Math.round(s.fraction() * width);
        String state = switch (s.state()) {
            case PAUSED -> " (paused)";
            case CANCELLING -> " (cancelling)";
            default -> "";
        };
        String eta = s.eta().map(d -> "ETA " + Format.duration(d)).orElse("ETA –");
        return String.format(Locale.ROOT, "  %-6s [%s%s] %3.0f%%  %s/%s objects  %s/%s  %s  %.0f obj/s  %s%s%s",
                s.phase().title().toLowerCase(Locale.ROOT), "#".repeat(filled), "-".repeat(width - filled), s.fraction() * 100,
                Format.count(s.objectsDone()), Format.count(s.objectsTotal()), Format.bytes(s.bytesDone()), Format.bytes(s.bytesTotal()),
                Format.rate(s.bytesPerSecond()), s.objectsPerSecond(), eta, s.failed() > 0 ? "  " + s.failed() + " failed" : "", state);
    }

    static String json(MigrationEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", event.at().toString());
        switch (event) {
            case MigrationEvent.PhaseStarted s -> {
                out.put("event", "phase_started");
                out.put("phase", phase(s.phase()));
            }
            case MigrationEvent.PhaseFinished f -> {
                out.put("event", "phase_finished");
                out.put("phase", phase(f.phase()));
                out.put("ok", f.ok());
                out.put("summary", f.summary());
            }
            case MigrationEvent.Notice n -> {
                out.put("event", "notice");
                out.put("phase", phase(n.phase()));
                out.put("level", n.level().name().toLowerCase(Locale.ROOT));
                out.put("message", n.message());
            }
            case MigrationEvent.Progress p -> {
                ProgressSnapshot s = p.snapshot();
                out.put("event", "progress");
                out.put("phase", phase(s.phase()));
                out.put("state", s.state().name().toLowerCase(Locale.ROOT));
                out.put("objects_done", s.objectsDone());
                out.put("objects_total", s.objectsTotal());
                out.put("bytes_done", s.bytesDone());
                out.put("bytes_total", s.bytesTotal());
                out.put("failed", s.failed());
                out.put("retries", s.retries());
                out.put("objects_per_second", Math.round(s.objectsPerSecond() * 10) / 10.0);
                out.put("bytes_per_second", Math.round(s.bytesPerSecond()));
                out.put("eta_seconds", s.eta().map(d -> d.toSeconds()).orElse(null));
                out.put("in_flight", s.current().stream().map(t -> Map.of("key", t.key(), "bytes_done", t.bytesDone(), "size", t.size(),
                        "server_side", t.serverSide(), "attempt", t.attempt())).toList());
            }
        }
        try {
            return COMPACT.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String phase(dev.omnigraph.console.migrate.MigrationPhase phase) {
        return phase == null ? null : phase.name().toLowerCase(Locale.ROOT);
    }
}
