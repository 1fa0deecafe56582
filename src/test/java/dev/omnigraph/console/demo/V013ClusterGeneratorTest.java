package dev.omnigraph.console.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The v0.13 demo clusters on a folder and on the loopback S3 server: consistent, create-only, idempotent. */
class V013ClusterGeneratorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void servingDemoRecordsItsOwnRootAndHoldsAServeLock(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "hub")) {
            DemoClusterGenerator.Result r = DemoSet.write(store, new DemoSet.Entry("knowledge-hub", DemoKind.SERVING), Progress.NONE);
            String root = V013ClusterGenerator.canonicalRoot(store.uri());
            assertThat(read(store, ClusterLayout.STATE)).isEqualTo(V013Scenario.serving("knowledge-hub", root).state());
            List<String> bundles = keys(store, ClusterLayout.RESOURCES + "deployment/");
            assertThat(bundles).hasSize(3);
            for (String key : bundles) {
                JsonNode bundle = MAPPER.readTree(read(store, key));
                assertThat(bundle.get("canonical_root").textValue()).isEqualTo(root);
            }
            assertThat(new String(read(store, ClusterLayout.LOCK), StandardCharsets.UTF_8)).contains("\"operation\": \"serve\"");
            assertThat(r.lockId()).isPresent();
            assertThat(keys(store, ClusterLayout.graphPrefix("knowledge"))).isNotEmpty();
            assertThat(keys(store, ClusterLayout.graphPrefix("scratch"))).as("deleted by deployment 3").isEmpty();
            assertThat(keys(store, ClusterLayout.RECOVERIES)).isEmpty();
            assertThat(keys(store, ClusterLayout.APPROVALS)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSecondRunChangesNothingAndAnotherKindIsRefused(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "rollout")) {
            DemoSet.Entry entry = new DemoSet.Entry("knowledge-rollout", DemoKind.OUTSTANDING);
            DemoSet.write(store, entry, Progress.NONE);
            List<String> before = keys(store, "");
            byte[] ledger = read(store, ClusterLayout.STATE);
            DemoClusterGenerator.Result again = DemoSet.write(store, entry, Progress.NONE);
            assertThat(keys(store, "")).isEqualTo(before);
            assertThat(read(store, ClusterLayout.STATE)).isEqualTo(ledger);
            assertThat(again.lockId()).as("the lock is already there").isEmpty();
            assertThatThrownBy(() -> DemoSet.write(store, new DemoSet.Entry("knowledge-rollout", DemoKind.SERVING), Progress.NONE))
                    .isInstanceOf(StorageException.class).hasMessageContaining("already holds a different");
            assertThat(read(store, ClusterLayout.STATE)).isEqualTo(ledger);
        }
    }

    @Test
    void outstandingDemoHasItsBundleAndADeploymentLock() throws Exception {
        try (ObjectStore store = Backend.FILE.newStore(temp, "rollout")) {
            DemoSet.write(store, new DemoSet.Entry("knowledge-rollout", DemoKind.OUTSTANDING), Progress.NONE);
            JsonNode state = MAPPER.readTree(read(store, ClusterLayout.STATE));
            String digest = state.get("outstanding").get("input_digest").textValue();
            assertThat(store.stat(V013Scenario.bundleKey(digest))).isPresent();
            assertThat(state.get("outstanding").get("graphs").get("knowledge").get("state").get("state").textValue())
                    .isEqualTo("not_started");
            assertThat(new String(read(store, ClusterLayout.LOCK), StandardCharsets.UTF_8))
                    .contains("\"operation\": \"deployment\"");
        }
    }

    /** The fixture checker's own rules (an independent implementation) accept both generated roots. */
    @ParameterizedTest
    @EnumSource(value = DemoKind.class, names = {"SERVING", "OUTSTANDING"})
    void theFixtureCheckerAcceptsTheGeneratedRoot(DemoKind kind) throws Exception {
        Assumptions.assumeTrue(python3(), "python3 is needed to run the fixture checker");
        try (ObjectStore store = Backend.FILE.newStore(temp, kind.wireName())) {
            DemoSet.write(store, new DemoSet.Entry("demo-" + kind.wireName(), kind), Progress.NONE);
            Path root = ((StoreUri.Local) store.uri()).root();
            Path script = Path.of(getClass().getResource("/demo/check_v013_root.py").toURI());
            Process p = new ProcessBuilder("python3", script.toString(), V013Fixtures.dir().toString(), root.toString(),
                    V013ClusterGenerator.canonicalRoot(store.uri())).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).startsWith("OK " + (kind == DemoKind.SERVING ? 3 : 4) + " bundles").doesNotContain("FAILED");
            assertThat(p.exitValue()).isZero();
        }
    }

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static byte[] read(ObjectStore store, String key) throws StorageException {
        return store.read(key, 16L << 20).orElseThrow().bytes();
    }

    private static List<String> keys(ObjectStore store, String prefix) throws StorageException {
        try (Stream<ObjectInfo> s = store.list(prefix)) {
            return s.map(ObjectInfo::key).sorted().toList();
        }
    }
}
