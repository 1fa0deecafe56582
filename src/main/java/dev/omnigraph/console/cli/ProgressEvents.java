package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupProgress;
import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON lines {@link ProgressPrinter} writes on stderr with {@code --json}: one object per event. */
final class ProgressEvents {
    private ProgressEvents() {}

    static Map<String, Object> json(BackupProgress p) {
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
        return out;
    }

    static Map<String, Object> json(MigrationEvent event) {
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
            case MigrationEvent.Progress p -> progress(out, p.snapshot());
        }
        return out;
    }

    private static void progress(Map<String, Object> out, ProgressSnapshot s) {
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

    private static String phase(MigrationPhase phase) {
        return phase == null ? null : phase.name().toLowerCase(Locale.ROOT);
    }
}
