package dev.omnigraph.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashHandlerTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private CrashHandler handler(AppHome home) {
        return new CrashHandler(home, new Redactor(), new ActivityTrail(),
                () -> new AppFacts("1.0", false, "command line", "os", "java", "not loaded", 1), () -> null, err);
    }

    @Test
    void withoutAWindowTheReadablePartGoesToStderrAndTheWholeReportToAFile() throws Exception {
        AppHome home = new AppHome(tmp);
        CrashHandler handler = handler(home);
        Thread t = new Thread(() -> {
            throw new IllegalArgumentException("boom in worker");
        }, "worker-1");
        t.setUncaughtExceptionHandler(handler);
        t.start();
        t.join();

        String stderr = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("unexpected error report", "worker-1", "IllegalArgumentException: boom in worker",
                "The full report (with technical details for a bug report) was saved to").doesNotContain("\tat ");
        List<Path> reports = files(home.crashReports());
        assertThat(reports).hasSize(1);
        assertThat(Files.readString(reports.get(0))).contains("boom in worker", "Technical details", "\tat ");
        assertThat(handler.reportedCount()).isEqualTo(1);
    }

    @Test
    void aPresenterShowsTheReportAndAFailingOneFallsBackToStderr() {
        CrashHandler handler = handler(new AppHome(tmp));
        List<CrashReport> shown = new ArrayList<>();
        handler.presentWith(shown::add);
        handler.report(Thread.currentThread(), new IllegalStateException("first"));
        assertThat(shown).singleElement().satisfies(r -> assertThat(r.summary()).contains("first"));
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("first").doesNotContain("Error chain:");

        handler.presentWith(r -> {
            throw new IllegalStateException("Toolkit has exited");
        });
        handler.report(Thread.currentThread(), new IllegalStateException("second"));
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("Error chain:", "second");
    }

    @Test
    void anUnwritableHomeStillShowsTheWholeReport() throws IOException {
        Path blocked = Files.writeString(tmp.resolve("home-is-a-file"), "x");
        CrashHandler handler = handler(new AppHome(blocked));
        assertThat(handler.report(Thread.currentThread(), new RuntimeException("no disk"))).isPresent();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("no disk", "Technical details", "\tat ");
    }

    @Test
    void aReportThatCannotBeBuiltStillLeavesOneLine() {
        CrashHandler handler = new CrashHandler(new AppHome(tmp), new Redactor(), new ActivityTrail(),
                () -> {
                    throw new OutOfMemoryError("simulated");
                }, () -> null, err);
        assertThat(handler.report(Thread.currentThread(), new RuntimeException("original problem"))).isEmpty();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("original problem", "could not be built");
    }

    @Test
    void onlyTheNewestReportsAreKept() throws IOException {
        AppHome home = new AppHome(tmp);
        Files.createDirectories(home.crashReports());
        for (int i = 0; i < CrashHandler.KEEP + 3; i++) {
            Files.writeString(home.crashReports().resolve(String.format("crash-20200101-0000%02d-000.txt", i)), "old");
        }
        Files.writeString(home.crashReports().resolve("notes.txt"), "mine");
        handler(home).report(Thread.currentThread(), new RuntimeException("new"));
        List<Path> left = files(home.crashReports());
        assertThat(left).hasSize(CrashHandler.KEEP + 1);
        assertThat(left.stream().map(p -> p.getFileName().toString()))
                .contains("notes.txt")
                .doesNotContain("crash-20200101-000000-000.txt", "crash-20200101-000003-000.txt");
        assertThat(left.stream().filter(p -> !p.getFileName().toString().startsWith("crash-2020"))).hasSize(2);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
