package dev.omnigraph.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.omnigraph.console.backup.BackupListener;
import dev.omnigraph.console.backup.BackupProgress;
import dev.omnigraph.console.common.Format;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a backup's, restore's or verify's progress on stderr: a bar redrawn in place on a terminal,
 * a line every few seconds into a file or pipe, or one JSON object per event with {@code --json}.
 */
final class BackupProgressPrinter implements BackupListener {
    enum Mode { BAR, LINES, JSON }

    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream err;
    private final PrintStream bar;
    private final Mode mode;
    private long lastLine;
    private boolean barShown;

    BackupProgressPrinter(PrintStream err, Mode mode) {
        this.err = err;
        this.bar = TerminalSafeOutput.raw(err);
        this.mode = mode;
    }

    static Mode mode(Args args, CliContext ctx) {
        return args.flag("json") ? Mode.JSON : ctx.interactive() ? Mode.BAR : Mode.LINES;
    }

    @Override
    public synchronized void progress(BackupProgress p) {
        switch (mode) {
            case JSON -> err.println(json(p));
            case BAR -> {
                bar.print("\r" + line(p) + "\u001b[K");
                barShown = !p.finished();
                if (p.finished()) {
                    bar.println();
                }
                bar.flush();
            }
            case LINES -> {
                if (p.finished() || System.nanoTime() - lastLine > LINE_INTERVAL_NANOS) {
                    lastLine = System.nanoTime();
                    err.println(line(p));
                }
            }
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
            if (barShown) {
                bar.print("\r\u001b[K");
                barShown = false;
            }
            err.println("  " + message);
        }
        err.flush();
    }

    static String line(BackupProgress p) {
        int width = 24;
        int filled = (int) Math.round(p.fraction() * width);
        return String.format(Locale.ROOT, "  %-7s [%s%s] %3.0f%%  %s/%s objects  %s/%s  %s  %.0f obj/s  %s  copied %s%s%s", p.task(),
                "#".repeat(filled), "-".repeat(width - filled), p.fraction() * 100, Format.count(p.objectsDone()), Format.count(p.objectsTotal()),
                Format.bytes(p.bytesDone()), Format.bytes(p.bytesTotal()), Format.rate(p.bytesPerSecond()), p.objectsPerSecond(),
                p.eta().map(d -> "ETA " + Format.duration(d)).orElse("ETA –"), Format.count(p.objectsCopied()),
                p.failed() > 0 ? "  " + p.failed() + " failed" : "", p.paused() ? " (paused)" : "");
    }

    static String json(BackupProgress p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", Instant.now().toString());
        out.put("event", "progress");
        out.put("task", p.task());
        out.put("objects_done", p.objectsDone());
        out.put("objects_total", p.objectsTotal());
        out.put("bytes_done", p.bytesDone());
        out.put("bytes_total", p.bytesTotal());
        out.put("objects_copied", p.objectsCopied());
        out.put("bytes_copied", p.bytesCopied());
        out.put("failed", p.failed());
        out.put("objects_per_second", Math.round(p.objectsPerSecond() * 10) / 10.0);
        out.put("bytes_per_second", Math.round(p.bytesPerSecond()));
        out.put("eta_seconds", p.eta().map(d -> d.toSeconds()).orElse(null));
        out.put("finished", p.finished());
        return write(out);
    }

    private static String write(Map<String, Object> out) {
        try {
            return COMPACT.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
