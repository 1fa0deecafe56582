package dev.omnigraph.console.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class StartupTimelineTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void processStartFromProcIsJustBeforeTheJvmStart() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long processStart = StartupTimeline.processStart(jvmStart);
        assertThat(processStart).isPositive().isLessThanOrEqualTo(jvmStart).isGreaterThan(jvmStart - 10_000);
    }

    @Test
    void theFirstFrameLineNamesEveryMilestoneRelativeToTheStart() {
        StartupTimeline t = new StartupTimeline(System.currentTimeMillis());
        t.windowShown(System.currentTimeMillis() + 5);
        t.windowShown(System.currentTimeMillis() + 5000); // only the first counts
        String line = t.firstFrameLine(System.currentTimeMillis() + 10, dev.omnigraph.console.ui.runtime.FirstFrameProbe.PULSES);
        assertThat(line).startsWith(StartupTimeline.FIRST_FRAME_PREFIX)
                .containsPattern("rendered \\d+ ms after (process|JVM) start")
                .containsPattern("main \\+\\d+ ms, window shown \\+\\d+ ms, CPU \\d+ ms; first frame at epoch ms \\d+; "
                        + "measured by the second pulse");
        assertThat(line).doesNotContain("+5000");
    }
}
