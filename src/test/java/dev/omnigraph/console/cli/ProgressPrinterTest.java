package dev.omnigraph.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.backup.BackupProgress;
import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one progress printer of backups and migrations: the lines are the ones the two printers it
 * replaced wrote (captured from them), a bar redraws in place only on a terminal, JSON is one
 * object per line.
 */
class ProgressPrinterTest {
    private static final BackupProgress COPYING = new BackupProgress("copy", 3, 7, 1_572_864, 3_145_728, 2, 1_048_576, 1, 12.4, 524_288.0,
            Optional.of(Duration.ofSeconds(3)), Duration.ofSeconds(2), true, false);
    private static final BackupProgress VERIFIED = new BackupProgress("verify", 7, 7, 0, 0, 0, 0, 0, 0, 0, Optional.empty(),
            Duration.ofSeconds(2), false, true);
    private static final ProgressSnapshot CANCELLING = new ProgressSnapshot(MigrationPhase.COPY, ProgressSnapshot.State.CANCELLING, 3, 7,
            1_572_864, 3_145_728, 2, 0, 12.4, 524_288.0, Optional.of(Duration.ofSeconds(75)), Duration.ofSeconds(2), List.of(), List.of());
    private static final ProgressSnapshot PLANNING = new ProgressSnapshot(MigrationPhase.PLAN, ProgressSnapshot.State.RUNNING, 1234, 0, 0, 0,
            0, 0, 0, 0, Optional.empty(), Duration.ofSeconds(4), List.of(), List.of());

    @Test
    void theLinesAreTheOnesBothOldPrintersWrote() {
        assertThat(ProgressPrinter.line(COPYING)).isEqualTo("  copy    [############------------]  50%  3/7 objects  1.5 MiB/3.0 MiB  "
                + "512 KiB/s  12 obj/s  ETA 3s  copied 2  1 failed (paused)");
        assertThat(ProgressPrinter.line(VERIFIED)).isEqualTo("  verify  [########################] 100%  7/7 objects  0 B/0 B  0 B/s  "
                + "0 obj/s  ETA –  copied 0");
        assertThat(ProgressPrinter.bar(CANCELLING)).isEqualTo("  copy   [############------------]  50%  3/7 objects  1.5 MiB/3.0 MiB  "
                + "512 KiB/s  12 obj/s  ETA 1m 15s  2 failed (cancelling)");
        assertThat(ProgressPrinter.bar(PLANNING)).isEqualTo("  plan   compared 1,234 objects (4s)");
    }

    @Test
    void intoAFileTheFinishedLineAndNoticesArePlainLines() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(TerminalSafeOutput.wrap(new PrintStream(err, true, StandardCharsets.UTF_8)),
                ProgressPrinter.Mode.LINES);
        printer.progress(VERIFIED);
        printer.notice("lock put back");
        printer.onEvent(new MigrationEvent.Notice(Instant.EPOCH, MigrationPhase.COPY, MigrationEvent.Level.WARNING, "slow endpoint"));
        printer.onEvent(new MigrationEvent.Notice(Instant.EPOCH, MigrationPhase.COPY, MigrationEvent.Level.INFO, "retrying a/b"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(ProgressPrinter.line(VERIFIED) + "\n  lock put back\n  warning: slow endpoint\n");
        assertThat(text).doesNotContain("\r", "\u001b");
    }

    @Test
    void onATerminalTheBarRedrawsInPlaceAndIsClearedForANotice() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(TerminalSafeOutput.wrap(new PrintStream(err, true, StandardCharsets.UTF_8)),
                ProgressPrinter.Mode.BAR);
        printer.progress(COPYING);
        printer.notice("lock taken over");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\r" + ProgressPrinter.line(COPYING) + "\u001b[K" + "\r\u001b[K"
                + "  lock taken over\n");
    }

    @Test
    void withJsonEveryEventIsOneObjectPerLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(err, true, StandardCharsets.UTF_8), ProgressPrinter.Mode.JSON);
        printer.progress(COPYING);
        printer.onEvent(new MigrationEvent.Progress(Instant.EPOCH, CANCELLING));
        printer.onEvent(new MigrationEvent.PhaseFinished(Instant.EPOCH, MigrationPhase.COPY, true, "7 copied"));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"at\":").contains("\"event\":\"progress\",\"task\":\"copy\",\"objects_done\":3");
        assertThat(lines.get(1)).isEqualTo("{\"at\":\"1970-01-01T00:00:00Z\",\"event\":\"progress\",\"phase\":\"copy\",\"state\":\"cancelling\","
                + "\"objects_done\":3,\"objects_total\":7,\"bytes_done\":1572864,\"bytes_total\":3145728,\"failed\":2,\"retries\":0,"
                + "\"objects_per_second\":12.4,\"bytes_per_second\":524288,\"eta_seconds\":75,\"in_flight\":[]}");
        assertThat(lines.get(2)).isEqualTo("{\"at\":\"1970-01-01T00:00:00Z\",\"event\":\"phase_finished\",\"phase\":\"copy\",\"ok\":true,"
                + "\"summary\":\"7 copied\"}");
    }
}
