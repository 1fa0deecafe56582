package dev.omnigraph.console.ui.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.V013Roots;
import dev.omnigraph.console.ui.common.LockStatus;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lock page and force-unlock on v0.13 roots: operation-aware, never stale from age, spec §5.4's procedure. */
class LockV013Test {
    @TempDir
    Path temp;

    @Test
    void aServeLockIsExplainedByItsOperationAndNeverCalledStale() throws Exception {
        ClusterSession session = Sessions.open(V013Roots.serving(Backend.FILE, temp, "serve"));
        session.settings().lockStaleAfterProperty().set(Duration.ofMinutes(1));
        LockViewModel vm = new LockViewModel(session);
        vm.activate();
        LockStatus s = vm.status();
        assertThat(s.v2()).isTrue();
        assertThat(s.stale()).as("the fixture's lock is weeks old, and that proves nothing on v0.13").isFalse();
        assertThat(s.badge().text()).startsWith("Held by serve for").doesNotContain("stale");
        assertThat(s.explanation()).contains("serve: taken by omnigraph-server").contains("state_lock_held").contains("not proof");
    }

    @Test
    void forceUnlockAsksThatTheOwnerIsStoppedThenTheExactIdAndSaysWhatToDoNext() throws Exception {
        ObjectStore store = V013Roots.outstanding(Backend.FILE, temp, "unlock");
        ClusterSession session = Sessions.open(store);
        LockViewModel lock = new LockViewModel(session);
        lock.activate();
        ForceUnlockViewModel vm = lock.forceUnlock();
        assertThat(vm.asksOwnerStopped()).isTrue();
        assertThat(vm.description()).contains("What it means: serve").contains("cluster_admission_lost")
                .contains("reconcile deployment " + Fixtures013.OUTSTANDING_ID);
        vm.typedProperty().set(vm.lockId());
        assertThat(vm.canConfirm()).as("the exact id is not enough: the owner must be stopped first").isFalse();
        vm.confirm();
        assertThat(ClusterReader.readLock(store)).isInstanceOf(LockState.Held.class);

        vm.ownerStoppedProperty().set(true);
        assertThat(vm.canConfirm()).isTrue();
        vm.confirm();
        assertThat(ClusterReader.readLock(store)).isInstanceOf(LockState.Free.class);
        assertThat(vm.outcomeProperty().get().text()).contains("Next: reconcile deployment " + Fixtures013.OUTSTANDING_ID)
                .contains("--writers-stopped");
    }

    @Test
    void aReleasedRecordIsNamedAndCannotBeForceUnlocked() throws Exception {
        ObjectStore store = V013Roots.serving(Backend.FILE, temp, "released");
        V013Roots.replace(store, dev.omnigraph.console.cluster.ClusterLayout.LOCK,
                Fixtures013.bytes("negative/lock.released-record.post-v0.13.json"));
        LockViewModel vm = new LockViewModel(Sessions.open(store));
        vm.activate();
        assertThat(vm.releasedProperty().get()).contains("released lock record written after OmniGraph v0.13");
        assertThat(vm.forceUnlock()).isNull();
    }
}
