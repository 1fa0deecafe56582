package dev.omnigraph.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cli.CliRunner;
import dev.omnigraph.console.cluster.ClusterLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo create --kind}: each kind writes its generation; a bad kind or a v0.11-only flag is a usage error with nothing written. */
class DemoCommandTest {
    @TempDir
    Path temp;

    @Test
    void eachKindWritesItsGeneration() throws Exception {
        for (String kind : new String[] {"serving", "outstanding", "v1", "clean"}) {
            Path root = temp.resolve(kind);
            CliRunner.Outcome o = CliRunner.run(temp, "demo", "create", "--root", root.toString(), "--kind", kind);
            assertThat(o.exitCode()).as(o.err()).isZero();
            assertThat(o.out()).contains("Wrote a " + kind + " demo cluster");
            String ledger = Files.readString(root.resolve(ClusterLayout.STATE), StandardCharsets.UTF_8);
            assertThat(ledger).startsWith(kind.equals("serving") || kind.equals("outstanding") ? "{\"version\":2," : "{\n  \"version\": 1,");
            assertThat(Files.exists(root.resolve(ClusterLayout.LOCK))).as(kind).isEqualTo(!kind.equals("clean"));
        }
        assertThat(Files.readString(temp.resolve("outstanding").resolve(ClusterLayout.STATE))).contains("\"outstanding\":{");
    }

    @Test
    void aTypoInTheKindOrAV1FlagOnAV013KindWritesNothing() {
        Path root = temp.resolve("x");
        CliRunner.Outcome typo = CliRunner.run(temp, "demo", "create", "--root", root.toString(), "--kind", "servng");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("--kind must be one of serving|outstanding|v1|clean, not 'servng'");
        CliRunner.Outcome mixed = CliRunner.run(temp, "demo", "create", "--root", root.toString(), "--kind", "serving", "--benchmark");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("apply to v0.11 demos");
        assertThat(Files.exists(root.resolve(ClusterLayout.STATE))).isFalse();
    }
}
