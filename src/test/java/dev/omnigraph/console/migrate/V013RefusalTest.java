package dev.omnigraph.console.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A v0.13 source guarded by ledger work refuses the migration with the exact command that
 * settles it — with or without the lock's id, writers confirmed stopped — and nothing is written
 * at the destination, nor changed at the source.
 */
class V013RefusalTest {
    @TempDir
    Path temp;

    private final List<Endpoint> used = new ArrayList<>();

    @AfterEach
    void free() {
        used.forEach(MigrationRoots::discard);
    }

    private PreflightReport preflight(Endpoint src, Endpoint dst, Optional<String> takeOver) throws Exception {
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(src.uri()), src.s3(), dst, CopySettings.withConcurrency(2),
                false, takeOver);
        try (MigrationSession s = MigrationSession.open(request, new MigrationHome(temp.resolve("home")), MigrationListener.NONE)) {
            assertThat(s.checkDestination().ok()).isTrue();
            return s.preflight(true);
        }
    }

    private Endpoint destination() {
        Endpoint dst = MigrationRoots.endpoint(Backend.S3, temp, "refused-dst");
        used.add(dst);
        return dst;
    }

    @ParameterizedTest
    @CsvSource({
        "locks/lock.deployment.json, cluster apply --deployment-id",
        "locks/lock.deployment_reconcile.json, cluster apply --deployment-id",
        "locks/lock.bootstrap.json, run the first cluster apply again",
        ", cluster upgrade-ledger --writers-stopped"})
    void aLockGuardingLedgerWorkRefusesWithTheCommandThatSettlesIt(String fixture, String command) throws Exception {
        Path root = V013Roots.folder(temp, "guarded");
        byte[] lock = fixture == null ? LockFile.create("upgrade_ledger", Instant.now(), 42).toBytes() : Fixtures013.bytes(fixture);
        Files.write(root.resolve(ClusterLayout.LOCK), lock);
        String id = LockFile.parse(lock).lockId();
        Endpoint src = Endpoint.local(root);
        Endpoint dst = destination();
        Map<String, String> before = MigrationRoots.fingerprint(src);

        for (Optional<String> takeOver : List.of(Optional.<String>empty(), Optional.of(id))) {
            PreflightReport r = preflight(src, dst, takeOver);
            CheckItem item = r.refusals().stream().filter(i -> i.name().equals("source lock")).findFirst().orElseThrow();
            assertThat(item.message()).contains(id).contains("force-unlock '" + id + "'").contains(command)
                    .contains("omnigraph --cluster " + src.display());
            assertThat(item.message()).doesNotContain("--take-over-lock");
        }
        assertThat(MigrationRoots.fingerprint(src)).isEqualTo(before);
        assertThat(MigrationRoots.fingerprint(dst)).isEmpty();
    }

    @Test
    void anOutstandingDeploymentRefusesWithItsReconcileCommand() throws Exception {
        Path root = V013Roots.folder(temp, "outstanding");
        Files.write(root.resolve(ClusterLayout.STATE), Fixtures013.bytes("ledgers/state.v2.outstanding.json"));
        Path bundle = root.resolve("__cluster/resources/deployment/" + Fixtures013.OUTSTANDING_BUNDLE + ".json");
        Files.write(bundle, Fixtures013.bytes("bundles/" + Fixtures013.OUTSTANDING_BUNDLE + ".json"));
        Endpoint src = Endpoint.local(root);
        Endpoint dst = destination();
        Map<String, String> before = MigrationRoots.fingerprint(src);

        PreflightReport r = preflight(src, dst, Optional.of(V013Roots.SERVE_LOCK_ID));

        CheckItem item = r.refusals().stream().filter(i -> i.name().equals("outstanding deployment")).findFirst().orElseThrow();
        assertThat(item.message()).contains("omnigraph --cluster " + src.display() + " cluster apply --deployment-id "
                + Fixtures013.OUTSTANDING_ID + " --writers-stopped");
        assertThat(MigrationRoots.fingerprint(src)).isEqualTo(before); // the serve lock taken over is back
        assertThat(MigrationRoots.fingerprint(dst)).isEmpty();
    }
}
