package dev.omnigraph.console.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.lance.LanceDatasets;
import dev.omnigraph.console.testing.Trees;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate-storage} on a v0.13 root: the serve lock taken over with --take-over-lock, the source left locked and the undo printed. */
class MigrateStorageV013CommandTest {
    private static final String SERVE = "01M4FWHFXR4CK44NBYSDCFVBWR";

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

    private record Outcome(int code, String out, String err) {}

    private Outcome run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
                new BufferedReader(new StringReader("")), Map.of(), temp, false);
        int code = CliMain.run(argv, ctx);
        return new Outcome(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    private Path v013Root() throws Exception {
        Path root = Files.createDirectories(temp.resolve("src"));
        Trees.copy(Fixtures013.path(Fixtures013.STORAGE_ROOT), root);
        LanceDatasets.plain(root.resolve("graphs/knowledge.omni/nodes/Person"), 3);
        return root;
    }

    @Test
    void aServeLockNeedsItsExactIdThenTheSourceIsLeftLockedWithTheUndoPrinted() throws Exception {
        Path src = v013Root();
        Path dst = temp.resolve("dst");
        byte[] serve = Files.readAllBytes(src.resolve(ClusterLayout.LOCK));

        Outcome refused = run("migrate-storage", "--from", src.toString(), "--to", dst.toString(), "--writers-stopped", "--yes");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.out() + refused.err()).contains("--take-over-lock " + SERVE + " --writers-stopped");
        assertThat(Files.readAllBytes(src.resolve(ClusterLayout.LOCK))).isEqualTo(serve);
        assertThat(dst).doesNotExist();

        Outcome done = run("migrate-storage", "--from", src.toString(), "--to", dst.toString(), "--take-over-lock", SERVE,
                "--writers-stopped", "--yes", "--json");
        assertThat(done.code()).as(done.out() + done.err()).isZero();
        LockFile left = LockFile.parse(Files.readAllBytes(src.resolve(ClusterLayout.LOCK)));
        assertThat(left.operation()).isEqualTo("migrated");
        JsonNode json = dev.omnigraph.console.cli.Json.mapper().readTree(done.out());
        assertThat(json.at("/cutover/source_lock/lock_id").asText()).isEqualTo(left.lockId());
        assertThat(json.at("/cutover/source_lock/undo").asText()).contains("force-unlock " + left.lockId() + " --root " + src);
        assertThat(Files.readAllBytes(dst.resolve(ClusterLayout.STATE))).isEqualTo(Files.readAllBytes(src.resolve(ClusterLayout.STATE)));

        Outcome text = run("migrate-storage", "--from", dst.toString(), "--to", temp.resolve("again").toString(), "--writers-stopped", "--yes");
        assertThat(text.code()).as(text.out() + text.err()).isZero();
        assertThat(text.out()).contains("locked as 'migrated'").contains("To roll back, remove that lock").contains("force-unlock ");
    }
}
