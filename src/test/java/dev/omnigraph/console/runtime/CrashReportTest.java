package dev.omnigraph.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CrashReportTest {
    private static final AppFacts FACTS = new AppFacts("9.9.9", true, "window", "Linux 6.1 (amd64)",
            "25.0.1 (Vendor), /opt/x", "25.0.2", 4242);

    @Test
    void reportSaysWhatHappenedWhereAndDuringWhat() {
        ActivityTrail trail = new ActivityTrail();
        trail.note("Starting the window");
        trail.note("Opened the cluster s3://bucket/prod");
        Throwable error = new IllegalStateException("graph table missing",
                new IOException("read failed", new java.nio.file.NoSuchFileException("/data/x.lance")));
        Thread thread = new Thread(() -> {}, "catalog-verify-3");

        CrashReport report = CrashReport.build(thread, error, FACTS, trail, Path.of("/home/u/.omnigraph-console/logs/x.log"), new Redactor());

        assertThat(report.summary()).contains("Opened the cluster s3://bucket/prod", "catalog-verify-3",
                "java.lang.IllegalStateException: graph table missing", "cause: java.nio.file.NoSuchFileException: /data/x.lance");
        assertThat(report.readablePart())
                .contains("OmniGraph Console 9.9.9 (packaged app)", "Linux 6.1 (amd64)", "25.0.1 (Vendor)", "JavaFX:", "25.0.2",
                        "catalog-verify-3", "/home/u/.omnigraph-console/logs/x.log", "Starting the window",
                        "1. java.lang.IllegalStateException: graph table missing",
                        "2. caused by java.io.IOException: read failed",
                        "3. caused by java.nio.file.NoSuchFileException: /data/x.lance")
                .doesNotContain("\tat ");
        assertThat(report.text()).startsWith(report.readablePart())
                .contains("Technical details (stack traces):", "\tat dev.omnigraph.console.runtime.CrashReportTest");
    }

    @Test
    void causeCyclesAndMissingMessagesDoNotBreakTheReport() {
        RuntimeException a = new RuntimeException((String) null);
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        CrashReport report = CrashReport.build(Thread.currentThread(), a, FACTS, new ActivityTrail(), null, new Redactor());
        assertThat(report.readablePart()).contains("1. java.lang.RuntimeException\n", "2. caused by java.lang.RuntimeException: b",
                "(nothing noted)", "logging to a file is off");
        assertThat(CrashReport.chain(a)).hasSize(2);
    }

    @Test
    void veryDeepStacksAreShortened() {
        StackOverflowError deep = deep(0);
        CrashReport report = CrashReport.build(Thread.currentThread(), deep, FACTS, new ActivityTrail(), null, new Redactor());
        assertThat(report.text()).contains("more frames left out");
        assertThat(report.text().lines().filter(l -> l.startsWith("\tat ")).count()).isLessThanOrEqualTo(80);
    }

    @Test
    void activityTrailKeepsTheLatestEntriesOnly() {
        ActivityTrail trail = new ActivityTrail();
        for (int i = 0; i < ActivityTrail.CAPACITY + 5; i++) {
            trail.note("step " + i);
        }
        trail.note("  ");
        assertThat(trail.recent()).hasSize(ActivityTrail.CAPACITY);
        assertThat(trail.recent().get(0).what()).isEqualTo("step 5");
        assertThat(trail.latest()).isEqualTo("step " + (ActivityTrail.CAPACITY + 4));
    }

    private static StackOverflowError deep(int depth) {
        try {
            return deep(depth + 1);
        } catch (StackOverflowError e) {
            return e;
        }
    }
}
