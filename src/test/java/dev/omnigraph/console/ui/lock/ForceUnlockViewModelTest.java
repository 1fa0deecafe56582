package dev.omnigraph.console.ui.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ForceUnlockViewModelTest {
    @TempDir
    Path temp;

    private ForceUnlockViewModel dialogFor(ClusterSession session) {
        LockViewModel lock = new LockViewModel(session);
        lock.activate();
        ForceUnlockViewModel vm = lock.forceUnlock();
        assertThat(vm).as("a held lock can be force-unlocked").isNotNull();
        return vm;
    }

    @Test
    void confirmIsEnabledOnlyForTheExactId() throws Exception {
        ObjectStore store = Sessions.demo(Backend.FILE.newStore(temp, "exact"), DemoOptions.small().withHeldLock(true));
        ForceUnlockViewModel vm = dialogFor(Sessions.open(store));
        String id = vm.lockId();
        assertThat(vm.canConfirm()).isFalse();
        for (String wrong : new String[] {id.substring(1), id.toLowerCase(), " " + id, id + " ", id + "X", ""}) {
            vm.typedProperty().set(wrong);
            assertThat(vm.canConfirm()).as("typed '%s'", wrong).isFalse();
        }
        vm.typedProperty().set(id);
        assertThat(vm.canConfirm()).isTrue();
        assertThat(vm.confirmLabel()).isEqualTo("Remove lock " + id);
        assertThat(vm.description()).contains(id.isEmpty() ? "" : "apply").contains(ClusterLayout.LOCK);

        vm.typedProperty().set("nope");
        vm.confirm();
        assertThat(vm.resultProperty().get()).as("confirm is ignored unless the id matches").isNull();
        assertThat(ClusterReader.readLock(store)).isInstanceOf(LockState.Held.class);
    }

    @Test
    void aWrongOrLowerCaseIdSaysDoesNotMatchLikeTheCutoverPage() throws Exception {
        ObjectStore store = Sessions.demo(Backend.FILE.newStore(temp, "match"), DemoOptions.small().withHeldLock(true));
        ForceUnlockViewModel vm = dialogFor(Sessions.open(store));
        String id = vm.lockId();
        assertThat(vm.matchProperty().get()).as("nothing typed, nothing said").isNull();
        vm.typedProperty().set(id + "X");
        assertThat(vm.matchProperty().get().text()).isEqualTo("does not match");
        assertThat(vm.matchProperty().get().severity()).isEqualTo(dev.omnigraph.console.ui.common.Severity.DANGER);
        assertThat(vm.canConfirm()).isFalse();
        vm.typedProperty().set(id.toLowerCase(java.util.Locale.ROOT));
        assertThat(vm.matchProperty().get().text()).isEqualTo("does not match: lock ids are case-sensitive");
        assertThat(vm.canConfirm()).isFalse();
        vm.typedProperty().set(id);
        assertThat(vm.matchProperty().get().text()).isEqualTo("matches");
        assertThat(vm.canConfirm()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rightIdRemovesTheLockAndRereads(Backend backend) throws Exception {
        ObjectStore store = Sessions.demo(backend.newStore(temp, "unlock"), DemoOptions.small().withHeldLock(true));
        ClusterSession session = Sessions.open(store);
        ForceUnlockViewModel vm = dialogFor(session);
        vm.typedProperty().set(vm.lockId());
        vm.confirm();
        assertThat(vm.resultProperty().get().kind()).isEqualTo(LockService.UnlockKind.REMOVED);
        assertThat(vm.outcomeProperty().get().severity()).isEqualTo(Severity.OK);
        assertThat(ClusterReader.readLock(store)).isInstanceOf(LockState.Free.class);
        assertThat(session.snapshot().lock()).as("the snapshot was re-read").isInstanceOf(LockState.Free.class);
        assertThat(session.probeProperty().get()).as("the probe ran to choose the delete path").isNotNull();
        assertThat(vm.canConfirm()).as("one removal per dialog").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void lockReacquiredSinceTheDialogOpenedIsLeftAlone(Backend backend) throws Exception {
        ObjectStore store = Sessions.demo(backend.newStore(temp, "race"), DemoOptions.small().withHeldLock(true));
        ClusterSession session = Sessions.open(store);
        ForceUnlockViewModel vm = dialogFor(session);
        String old = vm.lockId();
        vm.typedProperty().set(old);

        LockService locks = new LockService(store, false);
        locks.forceUnlock(old);
        LockService.Acquired.Ours other = (LockService.Acquired.Ours) locks.acquire("refresh");

        vm.confirm();
        assertThat(vm.resultProperty().get().kind()).isEqualTo(LockService.UnlockKind.ID_MISMATCH);
        assertThat(vm.outcomeProperty().get().severity()).isEqualTo(Severity.DANGER);
        assertThat(vm.outcomeProperty().get().text()).contains("nothing was deleted");
        LockState now = ClusterReader.readLock(store);
        assertThat(now).isInstanceOf(LockState.Held.class);
        assertThat(((LockState.Held) now).lock().lockId()).isEqualTo(other.lock().lockId());
    }

    @Test
    void lockAlreadyGoneIsReportedNotAnError() throws Exception {
        ObjectStore store = Sessions.demo(Backend.FILE.newStore(temp, "gone"), DemoOptions.small().withHeldLock(true));
        ForceUnlockViewModel vm = dialogFor(Sessions.open(store));
        new LockService(store, false).forceUnlock(vm.lockId());
        vm.typedProperty().set(vm.lockId());
        vm.confirm();
        assertThat(vm.resultProperty().get().kind()).isEqualTo(LockService.UnlockKind.ALREADY_GONE);
        assertThat(vm.outcomeProperty().get().severity()).isEqualTo(Severity.INFO);
    }
}
