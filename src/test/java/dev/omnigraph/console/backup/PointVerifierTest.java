package dev.omnigraph.console.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify re-reads every blob of a point and names the objects whose blob is damaged or gone. */
class PointVerifierTest {
    @TempDir
    Path temp;

    @Test
    void verifyFindsADamagedAndAMissingBlobAndRestoreRefusesToWriteTheDamagedOne() throws Exception {
        try (ObjectStore root = Backend.FILE.newStore(temp, "root"); ObjectStore location = Backend.FILE.newStore(temp, "backups");
             ObjectStore target = Backend.FILE.newStore(temp, "target")) {
            BackupTestRoots.demo(root, 8);
            RestorePoint point = BackupRefusalTest.point(root, location);
            PointVerifier.Report clean = PointVerifier.verify(location, point, 4, new BackupControl(), BackupListener.NONE);
            assertThat(clean.ok()).isTrue();
            assertThat(clean.objects()).isEqualTo(point.objects().size());

            PointObject damaged = point.objects().stream().filter(o -> o.key().startsWith("graphs/") && o.size() > 100).findFirst().orElseThrow();
            PointObject lost = point.objects().stream().filter(o -> o.key().startsWith("graphs/") && !o.sha256().equals(damaged.sha256())
                    && o.size() > 100).findFirst().orElseThrow();
            Path dir = ((StoreUri.Local) location.uri()).root();
            byte[] bytes = Files.readAllBytes(dir.resolve(damaged.blobKey()));
            bytes[bytes.length / 2] ^= 0x40; // same size, one bit flipped
            Files.write(dir.resolve(damaged.blobKey()), bytes);
            Files.delete(dir.resolve(lost.blobKey()));

            PointVerifier.Report report = PointVerifier.verify(location, point, 4, new BackupControl(), BackupListener.NONE);

            assertThat(report.ok()).isFalse();
            assertThat(report.damaged()).anySatisfy(d -> assertThat(d).startsWith(damaged.key()));
            assertThat(report.missing()).anySatisfy(m -> assertThat(m).startsWith(lost.key()));
            assertThat(report.damaged().size() + report.missing().size()).isEqualTo(
                    point.objects().stream().filter(o -> o.sha256().equals(damaged.sha256()) || o.sha256().equals(lost.sha256())).count());

            RestorePlan plan = new RestorePlanner(location, target, new BackupControl(), BackupListener.NONE).plan(point, Optional.empty(), 2);
            RestoreResult result = new Restorer(location, target, new BackupControl(), BackupListener.NONE).restore(plan, BackupOptions.of(true));
            assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.FAILED);
            assertThat(result.failures()).anySatisfy(f -> assertThat(f).contains(damaged.blobKey()).contains("damaged"));
            assertThat(target.stat(damaged.key())).as("a damaged blob is never written").isEmpty();
            assertThat(target.stat(dev.omnigraph.console.cluster.ClusterLayout.STATE)).as("no ledger: not a cluster").isEmpty();
            assertThat(target.stat(dev.omnigraph.console.cluster.ClusterLayout.LOCK)).as("our lock released").isEmpty();
        }
    }
}
