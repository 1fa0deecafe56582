package dev.omnigraph.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.runtime.AppHome;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.runtime.StartupTimeline;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.Sessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real application start ({@code Launcher.main} → {@code ConsoleApp}) in a child JVM on the
 * headless toolkit, with {@code --root}: the per-user log records the first frame, then (only after
 * it) the cluster being opened through the runtime's hook; no crash report, no secret anywhere.
 */
class WindowStartProcessTest {
    private static final String FAKE_SECRET = "Qw8/FAKEsecretValue9876543210zyxWVUtsr";

    @TempDir
    Path tmp;

    @Test
    void theWindowPaintsFirstThenOpensTheClusterItWasGiven() throws Exception {
        Path cluster = tmp.resolve("cluster");
        Sessions.demo(new FileObjectStore(new StoreUri.Local(cluster)), DemoOptions.small());
        Path home = tmp.resolve("home");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-D" + AppHome.PROPERTY + "=" + home,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "dev.omnigraph.console.Launcher",
                "--root", cluster.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", FAKE_SECRET);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        Path log = home.resolve("logs/omnigraph-console-0.log");
        String text;
        try {
            // until the cluster is open, or the process ended (its log then says why)
            org.awaitility.Awaitility.await("the window opening the cluster").atMost(java.time.Duration.ofSeconds(90))
                    .pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> !p.isAlive() || readLog(log).contains(AppRuntime.CLUSTER_OPENED_PREFIX));
            text = readLog(log);
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertThat(text).as(Files.readString(tmp.resolve("err.txt"))).contains(AppRuntime.CLUSTER_OPENED_PREFIX + cluster);
        assertThat(text.indexOf(StartupTimeline.FIRST_FRAME_PREFIX)).as("the first frame is logged before the cluster opens")
                .isGreaterThan(0).isLessThan(text.indexOf(AppRuntime.CLUSTER_OPENED_PREFIX));
        assertThat(text).doesNotContain(FAKE_SECRET).doesNotContain("SEVERE");
        assertThat(home.resolve("crash-reports")).doesNotExist();
    }

    private static String readLog(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
