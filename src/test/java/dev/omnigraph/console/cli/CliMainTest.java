package dev.omnigraph.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliMainTest {
    @TempDir
    Path temp;

    @Test
    void usageMistakesExitWithTwoAndSayWhat() {
        assertThat(CliRunner.run(temp, "status").exitCode()).isEqualTo(2);
        CliRunner.Outcome unknownOption = CliRunner.run(temp, "status", "--root", "/x", "--frobnicate");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("unknown option --frobnicate");
        assertThat(CliRunner.run(temp, "status", "--root", "/x", "--config", "/y").err()).contains("exactly one of");
        assertThat(CliRunner.run(temp, "nonsense").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run(temp, "status", "--root", "gs://bucket/x").err()).contains("Unsupported storage scheme");
        assertThat(CliRunner.run(temp, "help").exitCode()).isZero();
    }

    @Test
    void statusAndForceUnlockOnAFolderRoot() throws Exception {
        Path root = temp.resolve("cluster");
        String lockId;
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(root))) {
            lockId = DemoClusterGenerator.write(store, DemoOptions.small().withHeldLock(true), Progress.NONE).lockId().orElseThrow();
        }
        CliRunner.Outcome status = CliRunner.run(temp, "status", "--root", root.toString(), "--json");
        assertThat(status.exitCode()).isZero();
        JsonNode json = Json.mapper().readTree(status.out());
        assertThat(json.path("lock").path("lock_id").asText()).isEqualTo(lockId);
        assertThat(json.path("ledger").path("state_revision").asLong()).isEqualTo(23);
        assertThat(json.path("graphs")).hasSize(3);

        byte[] lockBytes = Files.readAllBytes(root.resolve(ClusterLayout.LOCK));
        CliRunner.Outcome wrong = CliRunner.run(temp, "force-unlock", "01WRONGWRONGWRONGWRONGWRONG", "--root", root.toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("state_lock_id_mismatch").contains(lockId);
        assertThat(Files.readAllBytes(root.resolve(ClusterLayout.LOCK))).isEqualTo(lockBytes);

        CliRunner.Outcome right = CliRunner.run(temp, "force-unlock", lockId, "--root", root.toString());
        assertThat(right.exitCode()).isZero();
        assertThat(root.resolve(ClusterLayout.LOCK)).doesNotExist();
    }

    @Test
    void configFolderResolvesItsStorageLineAndReportsBadConfigWithUpstreamCodes() throws Exception {
        Path root = temp.resolve("relocated-root");
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(root))) {
            DemoClusterGenerator.write(store, DemoOptions.small(), Progress.NONE);
        }
        Path config = Files.createDirectories(temp.resolve("config"));
        Files.writeString(config.resolve("cluster.yaml"), "version: 1\nmetadata:\n  name: relocated\nstorage: file://" + root + "\n");
        CliRunner.Outcome ok = CliRunner.run(temp, "status", "--config", config.toString(), "--json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(Json.mapper().readTree(ok.out()).path("name").asText()).isEqualTo("relocated");

        Files.writeString(config.resolve("cluster.yaml"), "version: 1\nstorage: file://" + root + "\nbindings: {}\n");
        CliRunner.Outcome bad = CliRunner.run(temp, "status", "--config", config.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("future_phase_field");
    }

    @Test
    void catalogVerifyOnS3FindsATamperedBlob() throws Exception {
        StoreUri.S3 uri = S3TestServer.newRoot("cli-verify", "c");
        try (ObjectStore store = new dev.omnigraph.console.storage.S3ObjectStore(uri, S3TestServer.settings())) {
            DemoClusterGenerator.write(store, DemoOptions.small(), Progress.NONE);
        }
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", S3TestServer.get().endpoint(), "AWS_ACCESS_KEY_ID",
                S3TestServer.get().accessKey(), "AWS_SECRET_ACCESS_KEY", S3TestServer.get().secretKey(), "AWS_REGION", "us-east-1");
        CliRunner.Outcome clean = CliRunner.run(temp, env, "", "catalog", "verify", "--root", uri.display(), "--json");
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(Json.mapper().readTree(clean.out()).path("counts").path("verified").asLong()).isEqualTo(7);
    }
}
