package dev.omnigraph.console.cluster.doctor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnigraph.console.cli.CliRunner;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoKind;
import dev.omnigraph.console.demo.DemoSet;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The doctor (engine and CLI) on the v0.13 demo clusters, whose bundles record their own root. */
class V013DemoDoctorTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theOutstandingDemoCanBeReconciledWhereItIs(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "rollout")) {
            DemoSet.write(store, new DemoSet.Entry("knowledge-rollout", DemoKind.OUTSTANDING), Progress.NONE);
            DoctorReport r = ServingDoctor.run(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            assertThat(r.findings()).extracting(DoctorFinding::code)
                    .contains("state_lock_held", "cluster_deployment_outstanding")
                    .doesNotContain("deployment_input_invalid", "deployment_bundle_missing", "catalog_payload_missing");
            assertThat(r.finding("state_lock_held").orElseThrow().remedy()).contains("reconcile deployment");
            assertThat(r.finding("cluster_deployment_outstanding").orElseThrow().remedy())
                    .contains("omnigraph --cluster " + CanonicalRoot.of(store.uri()) + " cluster apply --deployment-id");
        }
    }

    @Test
    void theCliPrintsTheGenerationReleasesAndLockMeaning() throws Exception {
        Path root = temp.resolve("hub");
        try (ObjectStore store = new dev.omnigraph.console.storage.FileObjectStore(new StoreUri.Local(
                java.nio.file.Files.createDirectories(root)))) {
            DemoSet.write(store, new DemoSet.Entry("knowledge-hub", DemoKind.SERVING), Progress.NONE);
        }
        CliRunner.Outcome text = CliRunner.run(temp, "doctor", "--root", root.toString());
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("Ledger    v2 ledger (v0.13)").contains("Releases  0.13")
                .contains("lock: serve").contains("[refuses boot] state_lock_held")
                .contains("cluster upgrade-ledger --writers-stopped: no_op");
        CliRunner.Outcome json = CliRunner.run(temp, "doctor", "--root", root.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(json.out().getBytes(UTF_8));
        assertThat(j.path("generation").path("generation").asText()).isEqualTo("v2");
        assertThat(j.path("generation").path("serving_releases").get(0).asText()).isEqualTo("0.13");
        assertThat(j.path("first_refusing_stage").asText()).isEqualTo("admission");
    }
}
