package dev.omnigraph.console.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Trees;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate-storage} in process: the phases end to end, --json, the cluster.yaml edit, the cutover confirmation, usage errors. */
class MigrateStorageCommandTest {
    @TempDir
    Path temp;

    private String previousHome;

    @BeforeEach
    void home() {
        previousHome = System.getProperty(MigrationHome.PROPERTY);
        System.setProperty(MigrationHome.PROPERTY, temp.resolve("home").toString());
    }

    @AfterEach
    void restore() {
        if (previousHome == null) {
            System.clearProperty(MigrationHome.PROPERTY);
        } else {
            System.setProperty(MigrationHome.PROPERTY, previousHome);
        }
    }

    record Outcome(int code, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    private Outcome run(String input, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
                new BufferedReader(new StringReader(input == null ? "" : input)), Map.of(), temp, input != null && !input.isEmpty());
        int code = CliMain.run(argv, ctx);
        return new Outcome(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    private Path cluster(String name) throws Exception {
        Path root = Files.createDirectories(temp.resolve(name));
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(root))) {
            DemoClusterGenerator.write(store, new DemoOptions(name, false, false, Duration.ZERO, 0, 30, 4096, 0, 0, 5), Progress.NONE);
        }
        return root;
    }

    @Test
    void migratesWithJsonAndEditsClusterYamlInPlace() throws Exception {
        Path src = cluster("src");
        Path config = Files.createDirectories(temp.resolve("config"));
        Files.writeString(config.resolve("cluster.yaml"), "version: 1\n# where it lives\nstorage: " + src + "  # the old disk\nmetadata:\n  name: analytics\n");
        Path dst = temp.resolve("dst");

        Outcome o = run("", "migrate-storage", "--config", config.toString(), "--to", dst.toString(), "--writers-stopped", "--yes",
                "--edit-config", "--json");
        assertThat(o.code()).as(o.out() + o.err()).isZero();
        JsonNode result = o.json();
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(result.path("plan").path("copy").path("objects").asLong()).isPositive();
        assertThat(result.path("cutover").path("status").asText()).isEqualTo("authoritative");
        assertThat(result.path("config_edit").path("applied").asBoolean()).isTrue();
        assertThat(Files.readString(config.resolve("cluster.yaml")))
                .isEqualTo("version: 1\n# where it lives\nstorage: " + dst + "  # the old disk\nmetadata:\n  name: analytics\n");
        List<JsonNode> events = o.err().lines().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
        assertThat(events).extracting(e -> e.path("event").asText()).contains("phase_started", "phase_finished", "progress");
        assertThat(Files.exists(Path.of(result.path("report").asText()))).isTrue();
        try (ObjectStore a = new FileObjectStore(new StoreUri.Local(src)); ObjectStore b = new FileObjectStore(new StoreUri.Local(dst))) {
            assertThat(Trees.fingerprint(b)).isEqualTo(Trees.fingerprint(a));
        }
    }

    @Test
    void withoutYesItCopiesAndVerifiesButCutsOverOnlyOnTheTypedName() throws Exception {
        Path src = cluster("typed");
        Path dst = temp.resolve("typed-dst");
        Outcome scripted = run(null, "migrate-storage", "--from", src.toString(), "--to", dst.toString(), "--writers-stopped");
        assertThat(scripted.code()).isEqualTo(CliMain.FINDINGS);
        assertThat(scripted.err()).contains("cutover needs --yes");
        assertThat(dst.resolve(ClusterLayout.STATE)).doesNotExist();
        assertThat(src.resolve(ClusterLayout.LOCK)).doesNotExist();

        Outcome wrongName = run("yes\nnot-the-name\n", "migrate-storage", "--from", src.toString(), "--to", dst.toString());
        assertThat(wrongName.code()).isEqualTo(CliMain.FINDINGS);
        assertThat(wrongName.err()).contains("does not match 'typed'");
        assertThat(dst.resolve(ClusterLayout.STATE)).doesNotExist();

        Outcome typed = run("yes\ntyped\n", "migrate-storage", "--from", src.toString(), "--to", dst.toString());
        assertThat(typed.code()).as(typed.out() + typed.err()).isZero();
        assertThat(typed.out()).contains("already identical (skip)").contains("Copy: 0 object(s)").contains("storage: " + dst);
        assertThat(Files.readAllBytes(dst.resolve(ClusterLayout.STATE))).isEqualTo(Files.readAllBytes(src.resolve(ClusterLayout.STATE)));
    }

    @Test
    void usageMistakesExitWithTwoAndTouchNothing() throws Exception {
        Path src = cluster("usage");
        assertThat(run(null, "migrate-storage", "--from", src.toString()).code()).isEqualTo(CliMain.USAGE);
        assertThat(run(null, "migrate-storage", "--to", "s3://b/x").code()).isEqualTo(CliMain.USAGE);
        assertThat(run(null, "migrate-storage", "--from", src.toString(), "--to", "gs://b/x").code()).isEqualTo(CliMain.USAGE);
        assertThat(run(null, "migrate-storage", "--from", src.toString(), "--to", temp.resolve("x").toString(), "--edit-config").code())
                .isEqualTo(CliMain.USAGE);
        assertThat(run(null, "migrate-storage", "--from", src.toString(), "--to", temp.resolve("x").toString(), "--concurrency", "0").code())
                .isEqualTo(CliMain.USAGE);
        assertThat(src.resolve(ClusterLayout.LOCK)).doesNotExist();
        assertThat(temp.resolve("x")).doesNotExist();
        assertThat(Files.exists(temp.resolve("home").resolve("migrations").resolve("journals"))).isFalse();
    }
}
