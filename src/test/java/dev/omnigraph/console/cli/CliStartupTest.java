package dev.omnigraph.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's entry point answers help, the version and usage mistakes without loading the AWS SDK
 * or JavaFX (checked in a fresh JVM with {@code -verbose:class}): picocli and the CLI only.
 */
class CliStartupTest {
    @TempDir
    Path home;

    @Test
    void helpVersionAndUsageMistakesLoadNeitherTheAwsSdkNorJavaFx() throws Exception {
        List<List<String>> runs = List.of(List.of("help"), List.of("--version"), List.of("status", "--frobnicate"), List.of("statsu"),
                List.of("backup", "create", "--help"));
        List<Integer> codes = List.of(0, 0, 2, 2, 0);
        for (int i = 0; i < runs.size(); i++) {
            List<String> args = runs.get(i);
            Run run = launch(args);
            assertThat(run.exitCode()).as("%s", args).isEqualTo(codes.get(i));
            assertThat(run.loaded()).as("%s loaded picocli", args).anyMatch(c -> c.startsWith("picocli."));
            assertThat(run.loaded()).as("%s loaded the CLI", args).anyMatch(c -> c.startsWith("dev.omnigraph.console.cli."));
            assertThat(run.loaded()).as("%s", args).noneMatch(c -> c.startsWith("software.amazon.") || c.startsWith("javafx.")
                    || c.startsWith("com.sun.javafx."));
        }
    }

    private record Run(int exitCode, List<String> loaded) {}

    private Run launch(List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-verbose:class", "-Domnigraph.console.home=" + home,
                "-cp", System.getProperty("java.class.path"), "dev.omnigraph.console.Launcher"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> loaded = out.lines().filter(l -> l.startsWith("[") && l.contains("class,load"))
                .map(l -> l.replaceFirst("^.*class,load\\] ", "").split(" ")[0]).toList();
        assertThat(loaded).as("the JVM listed the classes it loaded for %s", args).hasSizeGreaterThan(100);
        return new Run(p.exitValue(), loaded);
    }
}
