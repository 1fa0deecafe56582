package dev.omnigraph.console.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up milestones of this process, in wall-clock milliseconds: the process start, the JVM
 * start, {@code main} entered, the first window shown and its first rendered frame ("first
 * paint"). The process start is read from Linux's {@code /proc} with 10 ms precision (the start
 * tick of the process against the uptime clock; with a jpackage launcher that is the launcher's own
 * start, so JVM creation is included); elsewhere the JVM start stands in. Those are looked up only
 * when the first frame is reported, off the start-up path. {@link #firstFrameLine} is the log line
 * {@code packaging/measure-startup.sh} reads.
 */
public final class StartupTimeline {
    /** Prefix of the first-paint log line, stable for scripts. */
    public static final String FIRST_FRAME_PREFIX = "Startup: first frame rendered ";
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final long mainEntered;
    private volatile long windowShown;

    StartupTimeline(long mainEntered) {
        this.mainEntered = mainEntered;
    }

    /** The timeline of this process, with {@code main} entered now. */
    public static StartupTimeline startingNow() {
        return new StartupTimeline(System.currentTimeMillis());
    }

    void windowShown(long at) {
        if (windowShown == 0) {
            windowShown = at;
        }
    }

    /**
     * {@code Startup: first frame rendered 812 ms after process start (JVM start +40 ms, main +190
     * ms, window shown +640 ms, CPU 1100 ms; first frame at epoch ms 1767…; measured by the scene's
     * rendered-frame callback)}. CPU is the process's user and system time so far (all threads): a
     * figure that other load on the machine changes much less than the wall-clock ones.
     */
    String firstFrameLine(long firstFrame, String method) {
        long jvmStart = jvmStart();
        long processStart = processStart(jvmStart);
        long origin = processStart > 0 ? processStart : jvmStart;
        StringBuilder b = new StringBuilder(FIRST_FRAME_PREFIX).append(firstFrame - origin).append(" ms after ")
                .append(processStart > 0 ? "process start" : "JVM start (process start unknown)").append(" (");
        if (processStart > 0) {
            b.append("JVM start +").append(jvmStart - origin).append(" ms, ");
        }
        b.append("main +").append(mainEntered - origin).append(" ms");
        if (windowShown != 0) {
            b.append(", window shown +").append(windowShown - origin).append(" ms");
        }
        ProcessHandle.current().info().totalCpuDuration()
                .ifPresent(cpu -> b.append(", CPU ").append(cpu.toMillis()).append(" ms"));
        return b.append("; first frame at epoch ms ").append(firstFrame).append("; measured by ").append(method).append(')')
                .toString();
    }

    private long jvmStart() {
        try {
            return ManagementFactory.getRuntimeMXBean().getStartTime();
        } catch (RuntimeException | LinkageError e) {
            return mainEntered;
        }
    }

    /**
     * Linux: {@code now - (uptime - starttime)}, both on the boot clock with 10 ms resolution;
     * 0 when unknown or implausible (after the JVM start, or more than 10 s before it).
     */
    static long processStart(long jvmStart) {
        try {
            Path stat = Path.of("/proc/self/stat");
            Path uptime = Path.of("/proc/uptime");
            if (!Files.isReadable(stat) || !Files.isReadable(uptime)) {
                return 0;
            }
            long now = System.currentTimeMillis();
            double up = Double.parseDouble(Files.readString(uptime).trim().split("\\s+")[0]);
            String s = Files.readString(stat);
            String[] fields = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            long startTicks = Long.parseLong(fields[19]); // field 22 of stat; fields[0] is field 3
            long start = now - Math.round(up * 1000) + startTicks * 1000 / CLOCK_TICKS_PER_SECOND;
            return start <= jvmStart + 20 && start >= jvmStart - 10_000 ? Math.min(start, jvmStart) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
