package dev.omnigraph.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The v0.13 demo's control plane, generated for the fixtures' cluster name and root, is the fixtures
 * byte for byte: ledger (digests, CAS chain, counters, reservations), bundles, catalog blobs, lock.
 */
class V013ScenarioTest {
    private static final String NAME = "company-brain";

    @Test
    void servingRootEqualsTheFixtureStorageRootByteForByte() throws IOException {
        V013Scenario s = V013Scenario.serving(NAME, V013Fixtures.FIXTURE_ROOT_URI);
        Map<String, byte[]> generated = new TreeMap<>(s.objects());
        generated.put("__cluster/state.json", s.state());
        generated.put("__cluster/lock.json", s.lock().orElseThrow().toBytes());
        Map<String, byte[]> fixture = files(V013Fixtures.dir().resolve("storage-root-v2"));
        assertThat(generated.keySet()).containsExactlyElementsOf(fixture.keySet());
        fixture.forEach((key, bytes) -> assertThat(new String(generated.get(key), java.nio.charset.StandardCharsets.UTF_8))
                .as(key).isEqualTo(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(s.outstandingId()).isEmpty();
    }

    @Test
    void outstandingRootCarriesTheFixtureLedgerBundleAndDeploymentLock() {
        V013Scenario s = V013Scenario.outstanding(NAME, V013Fixtures.FIXTURE_ROOT_URI);
        assertThat(new String(s.state())).isEqualTo(new String(V013Fixtures.bytes("ledgers/state.v2.outstanding.json")));
        String bundle = "0645bb19d942460886aa2d3166c74570091db872de0772b654e1f828b74e2c5c";
        assertThat(s.objects().get(V013Scenario.bundleKey(bundle))).isEqualTo(V013Fixtures.bytes("bundles/" + bundle + ".json"));
        assertThat(s.lock().orElseThrow().toBytes()).isEqualTo(V013Fixtures.bytes("locks/lock.deployment.json"));
        assertThat(s.outstandingId()).hasValue("01M4DBVAM0ZRA022TFX0SG719F:4:01M4GG4HY0D5R084W10TDZXC2S");
    }

    @Test
    void pristineLedgerEqualsTheFixture() {
        // the ledger bootstrap writes for the scenario's ledger id, before any deployment
        assertThat(V013Ledger.bytes(V013Ledger.empty(V013Scenario.ledgerId()))).isEqualTo(V013Fixtures.bytes("ledgers/state.v2.pristine.json"));
    }

    @Test
    void anotherRootChangesBundlesButNotTheLedgerShape() {
        V013Scenario s = V013Scenario.serving("hub", "file:///tmp/hub");
        assertThat(new String(s.state())).doesNotContain("s3://omnigraph-local").contains("\"state_revision\":14");
        assertThat(s.objects().keySet().stream().filter(k -> k.contains("/deployment/"))).hasSize(3)
                .noneMatch(k -> V013Fixtures.dir().resolve("storage-root-v2").resolve(k).toFile().exists());
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
