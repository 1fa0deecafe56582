package dev.omnigraph.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup commands end to end on folders: create, list, verify, diff, restore, with their exit codes. */
class BackupCommandTest {
    @TempDir
    Path temp;

    @Test
    void createListVerifyDiffAndRestoreAFolderCluster() throws Exception {
        Path root = temp.resolve("cluster");
        Path backups = temp.resolve("backups");
        Path restored = temp.resolve("restored");
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(root))) {
            DemoClusterGenerator.write(store, new DemoOptions("cli", false, false, Duration.ZERO, 0, 12, 4096, 0, 0, 3), Progress.NONE);
        }
        Map<String, String> before = fingerprint(root);

        CliRunner.Outcome refused = CliRunner.run(temp, "backup", "create", "--root", root.toString(), "--to", backups.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("--writers-stopped");

        CliRunner.Outcome created = CliRunner.run(temp, "backup", "create", "--root", root.toString(), "--to", backups.toString(),
                "--writers-stopped");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String pointId = created.out().trim();
        assertThat(pointId).matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}");
        assertThat(created.err()).contains("Restore point " + pointId).contains("copied");

        CliRunner.Outcome list = CliRunner.run(temp, "backup", "list", backups.toString(), "--json");
        assertThat(list.exitCode()).isZero();
        JsonNode points = Json.mapper().readTree(list.out()).path("points");
        assertThat(points).hasSize(1);
        assertThat(points.get(0).path("state").asText()).isEqualTo("complete");
        assertThat(points.get(0).path("objects").asLong()).isEqualTo(before.size());

        assertThat(CliRunner.run(temp, "backup", "verify", backups.toString(), pointId).exitCode()).isZero();

        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(root))) {
            PutResult r = store.put("graphs/knowledge.omni/nodes/after.lance", new byte[] {7}, WriteCondition.IF_ABSENT);
            assertThat(r.written()).isTrue();
        }
        CliRunner.Outcome diff = CliRunner.run(temp, "backup", "diff", backups.toString(), pointId, "--root", root.toString(), "--json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        JsonNode d = Json.mapper().readTree(diff.out());
        assertThat(d.path("unchanged").asBoolean()).isFalse();
        assertThat(d.path("objects").get(0).path("group").asText()).isEqualTo("knowledge");
        assertThat(d.path("objects").get(0).path("added").get(0).asText()).isEqualTo("graphs/knowledge.omni/nodes/after.lance");

        CliRunner.Outcome intoCluster = CliRunner.run(temp, "restore", backups.toString(), pointId, "--to", root.toString(), "--yes");
        assertThat(intoCluster.exitCode()).isEqualTo(1);
        assertThat(intoCluster.err()).contains("already holds a ledger");

        CliRunner.Outcome unconfirmed = CliRunner.run(temp, "restore", backups.toString(), pointId, "--to", restored.toString());
        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.err()).contains("--yes");
        assertThat(restored).doesNotExist();

        CliRunner.Outcome restore = CliRunner.run(temp, "restore", backups.toString(), pointId, "--to", restored.toString(), "--yes", "--json");
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
        assertThat(Json.mapper().readTree(restore.out()).path("outcome").asText()).isEqualTo("restored");
        assertThat(fingerprint(restored)).isEqualTo(before);
    }

    @Test
    void usageMistakesAndUnknownPointsSayWhat() {
        assertThat(CliRunner.run(temp, "backup", "create", "--root", temp.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRunner.run(temp, "backup", "verify", temp.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRunner.run(temp, "restore", temp.toString(), "20261207T221530Z-abcdef").err()).contains("--to");
        CliRunner.Outcome unknown = CliRunner.run(temp, "backup", "verify", temp.toString(), "20261207T221530Z-abcdef");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("there is no restore point 20261207T221530Z-abcdef");
        CliRunner.Outcome malformed = CliRunner.run(temp, "backup", "verify", temp.toString(), "../../etc");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("is not a restore point id");
        assertThat(CliRunner.run(temp, "backup", "list", "gs://x/y").err()).contains("Unsupported storage scheme");
        assertThat(Files.exists(temp.resolve("points"))).isFalse();
    }

    private static Map<String, String> fingerprint(Path dir) throws Exception {
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(dir))) {
            Map<String, String> tree = new java.util.TreeMap<>(Trees.fingerprint(store));
            tree.remove(ClusterLayout.LOCK);
            return tree;
        }
    }
}
