package dev.omnigraph.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.runtime.AppHome;
import dev.omnigraph.console.runtime.AppRuntime;
import dev.omnigraph.console.ui.runtime.FirstFrameProbe;
import dev.omnigraph.console.runtime.StartupTimeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Launcher.main} in a real child JVM: the runtime is installed before anything else, in both
 * modes. The window runs on the headless (Monocle) toolkit and exits after its first frame.
 */
class LauncherProcessTest {
    private static final String FAKE_SECRET = "Zq9/FAKEsecretValue0123456789abcdEFGHijk";
    private static final String FAKE_KEY_ID = "AKIAFAKEFAKEFAKE1234";

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    @Test
    void commandsLogToTheirOwnFileKeepStdoutCleanAndLeakNoSecret() throws Exception {
        Path home = tmp.resolve("home");
        Path empty = Files.createDirectories(tmp.resolve("empty-root"));
        Run status = launch(home, List.of(), "status", "--root", empty.toString());
        assertThat(status.exit()).as(status.err()).isEqualTo(1);
        assertThat(status.out()).as("a place that holds no cluster prints nothing on stdout").isEmpty();
        assertThat(status.err().strip()).startsWith("error: no OmniGraph cluster at ").doesNotContain(" INFO ", "WARNING")
                .doesNotContain("\n");

        Path log = home.resolve("logs/omnigraph-console-cli-0.log");
        String text = Files.readString(log);
        assertThat(text).contains("starting (command line)", "Log opened by process");
        assertThat(allFiles(home)).doesNotContain(FAKE_SECRET, FAKE_KEY_ID);
    }

    @Test
    void theWindowLogsItsFirstFrameAndExitsWhenAsked() throws Exception {
        Path home = tmp.resolve("home");
        Run window = launch(home, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-D" + AppRuntime.EXIT_AFTER_FIRST_FRAME + "=true"));
        assertThat(window.exit()).as(window.err()).isZero();
        String text = Files.readString(home.resolve("logs/omnigraph-console-0.log"));
        assertThat(text).contains("starting (window)", StartupTimeline.FIRST_FRAME_PREFIX,
                "measured by " + FirstFrameProbe.CALLBACK, "Exiting after the first frame");
        assertThat(text).containsPattern("first frame rendered \\d+ ms after process start \\(JVM start \\+\\d+ ms, main \\+\\d+ ms, "
                + "window shown \\+\\d+ ms, CPU \\d+ ms; first frame at epoch ms \\d+");
        assertThat(allFiles(home)).doesNotContain(FAKE_SECRET, FAKE_KEY_ID);
        assertThat(home.resolve("crash-reports")).doesNotExist();
    }

    private Run launch(Path home, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-D" + AppHome.PROPERTY + "=" + home);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.omnigraph.console.Launcher");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", FAKE_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", FAKE_SECRET);
        env.remove("JAVA_TOOL_OPTIONS");
        Path out = tmp.resolve("out-" + System.nanoTime());
        Path err = tmp.resolve("err-" + System.nanoTime());
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish within 90 s: " + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String allFiles(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/demo/")).toList()) {
                b.append(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return b.toString();
    }
}
