package dev.omnigraph.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An old Java gets "needs Java 25" and exit 2, not UnsupportedClassVersionError. */
class VersionGateTest {
    private static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    @Test
    void olderRuntimesAreToldWhatIsNeededAndNewerOnesPass() {
        assertThat(VersionGate.problem("17", "/jdk17")).contains("needs Java 25").contains("this is Java 17");
        assertThat(VersionGate.problem("1.8", "/jdk8")).contains("this is Java 1.8");
        assertThat(VersionGate.problem("25", "/jdk25")).isNull();
        assertThat(VersionGate.problem("26", "/jdk26")).isNull();
    }

    @Test
    void theGateClassLoadsOnJava8() throws Exception {
        try (InputStream in = VersionGate.class.getResourceAsStream("VersionGate.class"); DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            assertThat(data.readUnsignedShort()).as("class file major version").isEqualTo(52);
        }
    }

    @Test
    void java17RunningTheJarsMainClassGetsTheSentence() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_17), "no Java 17 on this machine");
        Path classes = Path.of(VersionGate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder(JAVA_17.toString(), "-cp", classes.toString(), VersionGate.class.getName(), "status")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("needs Java 25").doesNotContain("UnsupportedClassVersionError");
    }
}
