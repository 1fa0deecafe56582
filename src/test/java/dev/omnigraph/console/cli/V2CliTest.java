package dev.omnigraph.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on OmniGraph v0.13 roots: status, catalog verify and force-unlock, on file:// and the loopback S3 server. */
class V2CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path v2Root(String ledger) throws Exception {
        Path root = temp.resolve("root");
        Trees.copy(Fixtures013.path(Fixtures013.STORAGE_ROOT), root);
        Files.write(root.resolve("__cluster/state.json"), Fixtures013.bytes(ledger));
        Files.write(root.resolve("__cluster/resources/deployment/" + Fixtures013.OUTSTANDING_BUNDLE + ".json"),
                Fixtures013.bytes("bundles/" + Fixtures013.OUTSTANDING_BUNDLE + ".json"));
        return root;
    }

    @Test
    void statusOnTheV013StorageRootShowsGenerationCountersResultsAndTheServeLock() throws Exception {
        Path root = Fixtures013.path(Fixtures013.STORAGE_ROOT);
        CliRunner.Outcome text = CliRunner.run(temp, "status", "--root", root.toString());
        assertThat(text.exitCode()).isEqualTo(CliMain.OK);
        assertThat(text.out()).contains("Generation v2 ledger (v0.13)", "next sequence 4", "result revision 3", "3 retained",
                "serve: taken by omnigraph-server", "its age is not proof", "Outstanding none").doesNotContain("stale");

        JsonNode json = JSON.readTree(CliRunner.run(temp, "status", "--root", root.toString(), "--json").out());
        assertThat(json.at("/generation/name").asText()).isEqualTo("v2");
        assertThat(json.at("/generation/served_by/0").asText()).isEqualTo("0.13");
        assertThat(json.at("/ledger/ledger_id").asText()).isEqualTo(Fixtures013.LEDGER_ID);
        assertThat(json.at("/ledger/next_sequence").asLong()).isEqualTo(4);
        assertThat(json.at("/ledger/result_revision").asLong()).isEqualTo(3);
        assertThat(json.at("/ledger/retained_results").asInt()).isEqualTo(3);
        assertThat(json.at("/ledger/outstanding_id").isNull()).isTrue();
        assertThat(json.at("/lock/lock_operation").asText()).isEqualTo("serve");
        assertThat(json.at("/lock_meaning/held_for_owners_life").asBoolean()).isTrue();
        assertThat(json.at("/lock_meaning/possibly_stale").asBoolean()).isFalse();
    }

    @Test
    void statusOnTheV013StorageRootOverS3SaysTheSame() throws Exception {
        StoreUri.S3 uri = S3TestServer.newRoot("cli-v2", "company-brain");
        try (ObjectStore store = new S3ObjectStore(uri, S3TestServer.settings())) {
            Trees.upload(v2Root("ledgers/state.v2.outstanding.json"), store);
        }
        CliRunner.Outcome out = CliRunner.run(temp, env(), "", "status", "--root", uri.display(), "--json");
        JsonNode json = JSON.readTree(out.out());
        assertThat(json.at("/generation/name").asText()).isEqualTo("v2");
        assertThat(json.at("/ledger/outstanding_id").asText()).isEqualTo(Fixtures013.OUTSTANDING_ID);
        assertThat(json.at("/ledger/outstanding/graphs/knowledge/state").asText()).isEqualTo("not_started");
        assertThat(json.at("/ledger/outstanding/reconcile_command").asText()).contains("--deployment-id "
                + Fixtures013.OUTSTANDING_ID, "--writers-stopped");
        assertThat(json.at("/diagnostics").findValuesAsText("code")).contains("cluster_deployment_outstanding");
        assertThat(json.at("/lock_meaning/summary").asText()).contains("is outstanding");

        CliRunner.Outcome verify = CliRunner.run(temp, env(), "", "catalog", "verify", "--root", uri.display(), "--json");
        JsonNode blobs = JSON.readTree(verify.out()).get("blobs");
        long bundles = 0;
        for (JsonNode b : blobs) {
            if (b.path("kind").asText().equals("deployment_bundle")) {
                bundles++;
                assertThat(b.get("integrity").asText()).isEqualTo("verified");
                assertThat(b.get("referenced_by").size()).isEqualTo(1);
            }
        }
        assertThat(bundles).isEqualTo(4);
        assertThat(verify.exitCode()).isEqualTo(CliMain.OK);
    }

    @Test
    void statusOfAPlaceWithNoClusterFails() {
        CliRunner.Outcome text = CliRunner.run(temp, "status", "--root", "/nonexistent/place");
        assertThat(text.exitCode()).isEqualTo(CliMain.FINDINGS);
        assertThat(text.err()).contains("no OmniGraph cluster at /nonexistent/place", "does not exist");
        CliRunner.Outcome json = CliRunner.run(temp, "status", "--root", "/nonexistent/place", "--json");
        assertThat(json.exitCode()).isEqualTo(CliMain.FINDINGS);
        assertThat(json.out()).contains("\"ok\" : false");
    }

    @Test
    void forceUnlockOnAV2RootNeedsTheOwnerStoppedAndSaysWhatToDoNext() throws Exception {
        Path root = v2Root("ledgers/state.v2.outstanding.json");
        String lockId = JSON.readTree(root.resolve("__cluster/lock.json").toFile()).get("lock_id").asText();
        Map<String, String> before = Trees.snapshot(root);

        CliRunner.Outcome refused = CliRunner.run(temp, "force-unlock", lockId, "--root", root.toString());
        assertThat(refused.exitCode()).isEqualTo(CliMain.FINDINGS);
        assertThat(refused.err()).contains("cluster_admission_lost", "--owner-stopped", "Nothing was deleted");
        assertThat(Trees.snapshot(root)).isEqualTo(before);

        CliRunner.Outcome done = CliRunner.run(temp, "force-unlock", lockId, "--root", root.toString(), "--owner-stopped");
        assertThat(done.exitCode()).isEqualTo(CliMain.OK);
        assertThat(done.out()).contains("Removed lock " + lockId, "Next: reconcile deployment " + Fixtures013.OUTSTANDING_ID);
        assertThat(root.resolve("__cluster/lock.json")).doesNotExist();
    }

    @Test
    void aReleasedLockRecordIsNamedAndNeverDeleted() throws Exception {
        Path root = v2Root("ledgers/state.v2.completed.json");
        Files.write(root.resolve("__cluster/lock.json"), Fixtures013.bytes("negative/lock.released-record.post-v0.13.json"));
        CliRunner.Outcome status = CliRunner.run(temp, "status", "--root", root.toString());
        assertThat(status.out()).contains("released lock record written after OmniGraph v0.13");
        CliRunner.Outcome unlock = CliRunner.run(temp, "force-unlock", "01M4FWHFXR4CK44NBYSDCFVBWR", "--root", root.toString(),
                "--owner-stopped", "--json");
        assertThat(JSON.readTree(unlock.out()).get("outcome").asText()).isEqualTo("released_record");
        assertThat(root.resolve("__cluster/lock.json")).exists();
    }

    @Test
    void ledgerDiffShowsTheAcceptedDeployment() throws Exception {
        Path root = v2Root("ledgers/state.v2.outstanding.json");
        Path older = temp.resolve("completed.json");
        Files.write(older, Fixtures013.bytes("ledgers/state.v2.completed.json"));
        CliRunner.Outcome out = CliRunner.run(temp, "ledger", "diff", "file:" + older, "current", "--root", root.toString(),
                "--no-raw", "--no-record");
        assertThat(out.out()).contains("Next sequence    4 → 5", "accepted " + Fixtures013.OUTSTANDING_ID,
                "knowledge not_started", "would be forgotten").doesNotContain("set state_revision");
    }

    private static Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL_S3", S3TestServer.get().endpoint(), "AWS_ACCESS_KEY_ID", S3TestServer.get().accessKey(),
                "AWS_SECRET_ACCESS_KEY", S3TestServer.get().secretKey(), "AWS_REGION", "us-east-1");
    }
}
