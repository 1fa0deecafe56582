package dev.omnigraph.console.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restore points taken and brought back, on folders and on the loopback S3 server: the restored root is byte-identical. */
class BackupRoundTripTest {
    @TempDir
    Path temp;

    @Test
    void aFolderClusterComesBackByteIdenticalAndTheSourceIsLeftAsItWas() throws Exception {
        try (ObjectStore root = Backend.FILE.newStore(temp, "root"); ObjectStore location = Backend.FILE.newStore(temp, "backups");
             ObjectStore target = Backend.FILE.newStore(temp, "restored")) {
            BackupTestRoots.demoWithLargeObject(root);
            Map<String, String> before = Trees.fingerprint(root);

            BackupResult created = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE).create(BackupOptions.of(true));

            assertThat(created.outcome()).as(created.message()).isEqualTo(BackupResult.Outcome.CREATED);
            assertThat(created.ok()).isTrue();
            assertThat(Trees.fingerprint(root)).as("the source as it was, no lock left").isEqualTo(before);
            RestorePoint point = BackupCatalog.read(location, created.pointId().orElseThrow());
            assertThat(point.objects()).hasSize(before.size());
            assertThat(point.ledger().version()).isEqualTo(1);
            assertThat(point.lockHandling()).isEqualTo("acquired");
            assertThat(created.objectsCopied()).isEqualTo(before.values().stream().distinct().count());

            RestoreResult restored = restore(location, point, target);

            assertThat(restored.outcome()).as(restored.message()).isEqualTo(RestoreResult.Outcome.RESTORED);
            assertThat(Trees.fingerprint(target)).isEqualTo(before);
        }
    }

    @Test
    void aV2ClusterOnS3HoldingAServeLockIsTakenOverByIdPutBackExactlyAndRestoredByteIdentical() throws Exception {
        try (ObjectStore root = Backend.S3.newStore(temp, "v2-root"); ObjectStore location = Backend.S3.newStore(temp, "v2-backups");
             ObjectStore target = Backend.S3.newStore(temp, "v2-restored")) {
            BackupTestRoots.v2WithServeLock(root);
            Map<String, String> before = Trees.fingerprint(root);
            byte[] serveLock = BackupTestRoots.read(root, ClusterLayout.LOCK);
            String serveId = "01M4FWHFXR4CK44NBYSDCFVBWR";

            BackupResult refused = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE).create(BackupOptions.of(true));
            assertThat(refused.outcome()).isEqualTo(BackupResult.Outcome.REFUSED);
            assertThat(refused.message()).contains("serve").contains("--take-over-lock " + serveId);

            BackupResult created = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE)
                    .create(BackupOptions.of(true).takingOver(serveId));

            assertThat(created.ok()).as(created.message() + created.lockProblem()).isTrue();
            assertThat(BackupTestRoots.read(root, ClusterLayout.LOCK)).as("the serve lock put back, byte for byte").isEqualTo(serveLock);
            assertThat(Trees.fingerprint(root)).isEqualTo(before);
            RestorePoint point = BackupCatalog.read(location, created.pointId().orElseThrow());
            assertThat(point.ledger().v2()).isTrue();
            assertThat(point.ledger().generation()).as("the strict v2 model reads it").contains("v2");
            assertThat(point.ledger().problem()).isEmpty();
            assertThat(point.ledger().ledgerId()).contains("01M4DBVAM0ZRA022TFX0SG719F");
            assertThat(point.lockTakenOver()).contains(serveId);
            assertThat(point.objects()).extracting(PointObject::key).doesNotContain(ClusterLayout.LOCK).contains(ClusterLayout.STATE);

            RestoreResult restored = restore(location, point, target);

            assertThat(restored.ok()).as(restored.message()).isTrue();
            assertThat(Trees.fingerprint(target)).isEqualTo(BackupTestRoots.withoutLock(root));
        }
    }

    @Test
    void aSecondPointCopiesOnlyWhatChanged() throws Exception {
        try (ObjectStore root = Backend.S3.newStore(temp, "inc-root"); ObjectStore location = Backend.FILE.newStore(temp, "inc-backups")) {
            BackupTestRoots.demo(root, 60);
            BackupResult first = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE).create(BackupOptions.of(true));
            assertThat(first.ok()).as(first.message()).isTrue();
            // what a deployment and a graph write leave: three new Lance files and a new ledger
            for (int i = 0; i < 3; i++) {
                BackupTestRoots.put(root, "graphs/knowledge.omni/nodes/new-fragment-" + i + ".lance", ("fragment " + i).getBytes());
            }
            byte[] ledger = BackupTestRoots.read(root, ClusterLayout.STATE);
            String token = root.stat(ClusterLayout.STATE).orElseThrow().etag();
            byte[] moved = new String(ledger, java.nio.charset.StandardCharsets.UTF_8).replace("\"state_revision\":", "\"state_revision\": ")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(root.put(ClusterLayout.STATE, moved, dev.omnigraph.console.storage.WriteCondition.ifMatch(token)).written()).isTrue();

            BackupResult second = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE).create(BackupOptions.of(true));

            assertThat(second.ok()).as(second.message()).isTrue();
            assertThat(second.objectsCopied()).as("three new objects and the ledger").isEqualTo(4);
            RestorePoint point = BackupCatalog.read(location, second.pointId().orElseThrow());
            assertThat(point.objects()).hasSize(Trees.fingerprint(root).size());
            assertThat(point.copiedObjects()).isEqualTo(4);
            assertThat(BackupCatalog.list(location)).extracting(BackupCatalog.Entry::complete).containsExactly(true, true);
        }
    }

    static RestoreResult restore(ObjectStore location, RestorePoint point, ObjectStore target) throws Exception {
        RestorePlan plan = new RestorePlanner(location, target, new BackupControl(), BackupListener.NONE).plan(point, Optional.empty(), 4);
        return new Restorer(location, target, new BackupControl(), BackupListener.NONE).restore(plan, BackupOptions.of(true));
    }
}
