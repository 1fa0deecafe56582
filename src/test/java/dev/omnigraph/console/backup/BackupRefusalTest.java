package dev.omnigraph.console.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every case where a backup or a restore would not give back the same cluster is refused, with nothing written. */
class BackupRefusalTest {
    @TempDir
    Path temp;

    @Test
    void aRestoreIntoARootHoldingALedgerIsRefusedWithNothingWritten() throws Exception {
        try (ObjectStore root = Backend.FILE.newStore(temp, "root"); ObjectStore location = Backend.FILE.newStore(temp, "backups");
             ObjectStore other = Backend.FILE.newStore(temp, "other")) {
            BackupTestRoots.demo(root, 5);
            RestorePoint point = point(root, location);
            BackupTestRoots.v2WithServeLock(other);
            other.deleteUnconditionally(ClusterLayout.LOCK);
            Path otherDir = ((dev.omnigraph.console.storage.StoreUri.Local) other.uri()).root();
            Map<String, String> before = Trees.snapshot(otherDir);

            RestorePlan plan = new RestorePlanner(location, other, new BackupControl(), BackupListener.NONE).plan(point, Optional.empty(), 2);
            RestoreResult result = new Restorer(location, other, new BackupControl(), BackupListener.NONE).restore(plan, BackupOptions.of(true));

            assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.REFUSED);
            assertThat(result.message()).contains("already holds a ledger").contains("ledger v2").contains("nothing was written");
            assertThat(Trees.snapshot(otherDir)).isEqualTo(before);
        }
    }

    @Test
    void restoringOnlyTheLedgerIsRefusedWhenTheGraphsMovedOnAndAllowedWhenTheyMatch() throws Exception {
        try (ObjectStore root = Backend.FILE.newStore(temp, "root"); ObjectStore location = Backend.FILE.newStore(temp, "backups")) {
            BackupTestRoots.demo(root, 5);
            Map<String, String> original = Trees.fingerprint(root);
            RestorePoint point = point(root, location);
            root.deleteUnconditionally(ClusterLayout.STATE); // the loss
            BackupTestRoots.put(root, "graphs/knowledge.omni/nodes/written-after-the-point.lance", new byte[] {1, 2, 3});
            Path dir = ((dev.omnigraph.console.storage.StoreUri.Local) root.uri()).root();
            Map<String, String> movedOn = Trees.snapshot(dir);

            RestorePlan refused = new RestorePlanner(location, root, new BackupControl(), BackupListener.NONE).plan(point, Optional.empty(), 2);

            assertThat(refused.verdict()).isEqualTo(RestorePlan.Verdict.REFUSED);
            assertThat(refused.reason()).contains("applied_schema_drift").contains("written-after-the-point.lance");
            assertThat(new Restorer(location, root, new BackupControl(), BackupListener.NONE).restore(refused, BackupOptions.of(true))
                    .outcome()).isEqualTo(RestoreResult.Outcome.REFUSED);
            assertThat(Trees.snapshot(dir)).isEqualTo(movedOn);

            root.deleteUnconditionally("graphs/knowledge.omni/nodes/written-after-the-point.lance");
            RestorePlan ready = new RestorePlanner(location, root, new BackupControl(), BackupListener.NONE).plan(point, Optional.empty(), 2);
            assertThat(ready.verdict()).as(ready.reason()).isEqualTo(RestorePlan.Verdict.READY);
            assertThat(ready.toCopy()).isEmpty();
            RestoreResult unconfirmed = new Restorer(location, root, new BackupControl(), BackupListener.NONE)
                    .restore(ready, BackupOptions.of(false));
            assertThat(unconfirmed.outcome()).isEqualTo(RestoreResult.Outcome.REFUSED);
            RestoreResult restored = new Restorer(location, root, new BackupControl(), BackupListener.NONE).restore(ready, BackupOptions.of(true));
            assertThat(restored.outcome()).as(restored.message()).isEqualTo(RestoreResult.Outcome.RESTORED);
            assertThat(restored.copied()).isZero();
            assertThat(Trees.fingerprint(root)).isEqualTo(original);
        }
    }

    @Test
    void anOutstandingDeploymentOrADeploymentLockRefusesTheBackupWithTheCommandThatSettlesIt() throws Exception {
        try (ObjectStore root = Backend.FILE.newStore(temp, "root"); ObjectStore location = Backend.FILE.newStore(temp, "backups")) {
            BackupTestRoots.v2WithServeLock(root);
            String token = root.stat(ClusterLayout.STATE).map(i -> i.etag()).orElse(null);
            byte[] outstanding = Files.readAllBytes(BackupTestRoots.fixture("state.v2.outstanding.json"));
            String current = dev.omnigraph.console.storage.Hashing.sha256Hex(BackupTestRoots.read(root, ClusterLayout.STATE));
            assertThat(root.put(ClusterLayout.STATE, outstanding, WriteCondition.ifMatch(token == null ? current : token)).written()).isTrue();
            Map<String, String> before = Trees.fingerprint(root);

            BackupResult result = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE)
                    .create(BackupOptions.of(true).takingOver("01M4FWHFXR4CK44NBYSDCFVBWR"));

            assertThat(result.outcome()).isEqualTo(BackupResult.Outcome.REFUSED);
            assertThat(result.message()).contains("outstanding deployment 01M4DBVAM0ZRA022TFX0SG719F:4:")
                    .contains("cluster apply --deployment-id 01M4DBVAM0ZRA022TFX0SG719F:4:");
            assertThat(Trees.fingerprint(root)).isEqualTo(before);
            assertThat(Trees.fingerprint(location)).isEmpty();

            byte[] lockBytes = Files.readAllBytes(BackupTestRoots.fixture("lock.deployment.json"));
            String lockId = dev.omnigraph.console.cluster.model.LockFile.parse(lockBytes).lockId();
            root.deleteUnconditionally(ClusterLayout.LOCK);
            BackupTestRoots.put(root, ClusterLayout.LOCK, lockBytes);
            root.deleteUnconditionally(ClusterLayout.STATE);
            BackupTestRoots.put(root, ClusterLayout.STATE, Files.readAllBytes(BackupTestRoots.fixture("storage-root-v2/__cluster/state.json")));
            BackupResult locked = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE)
                    .create(BackupOptions.of(true).takingOver(lockId));
            assertThat(locked.outcome()).isEqualTo(BackupResult.Outcome.REFUSED);
            assertThat(locked.message()).contains("(deployment,").contains("force-unlock " + lockId);
            assertThat(BackupTestRoots.read(root, ClusterLayout.LOCK)).isEqualTo(lockBytes);
        }
    }

    @Test
    void aBackupWithoutTheWritersConfirmedStoppedIsRefused() throws Exception {
        try (ObjectStore root = Backend.FILE.newStore(temp, "root"); ObjectStore location = Backend.FILE.newStore(temp, "backups")) {
            BackupTestRoots.demo(root, 3);
            BackupResult result = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE).create(BackupOptions.of(false));
            assertThat(result.outcome()).isEqualTo(BackupResult.Outcome.REFUSED);
            assertThat(result.message()).contains("--writers-stopped");
            assertThat(root.stat(ClusterLayout.LOCK)).isEmpty();
        }
    }

    static RestorePoint point(ObjectStore root, ObjectStore location) throws Exception {
        BackupResult created = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE).create(BackupOptions.of(true));
        assertThat(created.ok()).as(created.message()).isTrue();
        return BackupCatalog.read(location, created.pointId().orElseThrow());
    }
}
