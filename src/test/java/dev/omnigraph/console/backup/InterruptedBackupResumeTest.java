package dev.omnigraph.console.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.ForwardingStore;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup and a restore that crash part-way (an injected failure after some writes landed) and are
 * run again: the second run keeps what the first stored, copies only the rest, and the result is
 * byte-identical; the cluster's lock is as it was.
 */
class InterruptedBackupResumeTest {
    @TempDir
    Path temp;

    @Test
    void aBackupThatCrashedIsCompletedByTheNextRunWhichCopiesOnlyTheRest() throws Exception {
        try (ObjectStore root = Backend.S3.newStore(temp, "crash-root"); ObjectStore location = Backend.FILE.newStore(temp, "crash-backups")) {
            BackupTestRoots.v2WithServeLockAndDemo(root, 40);
            byte[] serveLock = BackupTestRoots.read(root, ClusterLayout.LOCK);
            Map<String, String> before = Trees.fingerprint(root);
            long distinct = BackupTestRoots.withoutLock(root).values().stream().distinct().count();
            CrashingStore crashing = new CrashingStore(location, BackupLayout.BLOBS, 25);

            assertThatThrownBy(() -> new BackupCreator(root, crashing, new BackupControl(), BackupListener.NONE)
                    .create(BackupOptions.of(true).takingOver("01M4FWHFXR4CK44NBYSDCFVBWR"))).hasMessageContaining("injected crash");

            assertThat(BackupTestRoots.read(root, ClusterLayout.LOCK)).as("the serve lock put back after the failure").isEqualTo(serveLock);
            assertThat(BackupCatalog.list(location)).singleElement().satisfies(e -> assertThat(e.complete()).isFalse());
            int stored = crashing.landed.get();
            assertThat(stored).isEqualTo(25);

            BackupResult resumed = new BackupCreator(root, location, new BackupControl(), BackupListener.NONE)
                    .create(BackupOptions.of(true).takingOver("01M4FWHFXR4CK44NBYSDCFVBWR"));

            assertThat(resumed.ok()).as(resumed.message()).isTrue();
            assertThat(resumed.objectsCopied()).as("only what the crashed run had not stored").isEqualTo(distinct - stored);
            assertThat(Trees.fingerprint(root)).isEqualTo(before);
            try (ObjectStore target = Backend.FILE.newStore(temp, "crash-restored")) {
                RestoreResult restored = BackupRoundTripTest.restore(location, BackupCatalog.read(location, resumed.pointId().orElseThrow()), target);
                assertThat(restored.ok()).isTrue();
                assertThat(Trees.fingerprint(target)).isEqualTo(BackupTestRoots.withoutLock(root));
            }
        }
    }

    @Test
    void aRestoreThatCrashedWritesNoLedgerAndTheNextRunKeepsWhatLandedAndFinishesIt() throws Exception {
        try (ObjectStore root = Backend.FILE.newStore(temp, "root"); ObjectStore location = Backend.S3.newStore(temp, "r-backups");
             ObjectStore target = Backend.S3.newStore(temp, "r-target")) {
            BackupTestRoots.demo(root, 40);
            RestorePoint point = BackupRefusalTest.point(root, location);
            CrashingStore crashing = new CrashingStore(target, "", 15);
            RestorePlan plan = new RestorePlanner(location, crashing, new BackupControl(), BackupListener.NONE).plan(point, Optional.empty(), 4);

            assertThatThrownBy(() -> new Restorer(location, crashing, new BackupControl(), BackupListener.NONE).restore(plan, BackupOptions.of(true)))
                    .hasMessageContaining("injected crash");

            assertThat(target.stat(ClusterLayout.STATE)).as("no ledger after a crash: the target is no cluster yet").isEmpty();
            assertThat(target.stat(ClusterLayout.LOCK)).as("our lock released after the failure").isEmpty();
            RestorePlan again = new RestorePlanner(location, target, new BackupControl(), BackupListener.NONE).plan(point, Optional.empty(), 4);
            assertThat(again.verdict()).as(again.reason()).isEqualTo(RestorePlan.Verdict.READY);
            assertThat(again.present()).isEqualTo(crashing.landed.get());

            RestoreResult result = new Restorer(location, target, new BackupControl(), BackupListener.NONE).restore(again, BackupOptions.of(true));

            assertThat(result.ok()).as(result.message()).isTrue();
            assertThat(result.copied()).isEqualTo(point.objects().size() - 1 - crashing.landed.get());
            assertThat(Trees.fingerprint(target)).isEqualTo(Trees.fingerprint(root));
        }
    }

    /** Lets {@code allowed} writes under a prefix (the lock aside) land, then fails every further one there like a crashed process. */
    static final class CrashingStore extends ForwardingStore {
        private final String prefix;
        private final int allowed;
        final AtomicInteger landed = new AtomicInteger();

        CrashingStore(ObjectStore real, String prefix, int allowed) {
            super(real);
            this.prefix = prefix;
            this.allowed = allowed;
        }

        @Override
        public PutResult put(String key, byte[] content, WriteCondition c) throws StorageException {
            if (key.startsWith(prefix) && !key.equals(ClusterLayout.LOCK)) {
                synchronized (this) {
                    if (landed.get() >= allowed) {
                        throw new IllegalStateException("injected crash before writing " + key);
                    }
                    PutResult r = real.put(key, content, c);
                    if (r.written()) {
                        landed.incrementAndGet();
                    }
                    return r;
                }
            }
            return real.put(key, content, c);
        }
    }
}
