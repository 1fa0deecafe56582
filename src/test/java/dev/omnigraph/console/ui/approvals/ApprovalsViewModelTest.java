package dev.omnigraph.console.ui.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.PollScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsViewModelTest {
    private static final String PENDING = "01M0A536TR00EGJV9Q6X1FK81S";

    @TempDir
    Path temp;

    private ApprovalsViewModel open(Optional<Path> configDir) throws Exception {
        FileObjectStore store = new FileObjectStore(new StoreUri.Local(temp.resolve("root")));
        Trees.upload(Trees.fixtureStorageRoot(), store);
        ClusterSession session = Sessions.open(store, configDir, Clock.systemUTC(), PollScheduler.MANUAL);
        ApprovalsViewModel vm = new ApprovalsViewModel(session);
        vm.activate();
        return vm;
    }

    private static ApprovalRow row(ApprovalsViewModel vm, String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void pendingApprovalIsCurrentAgainstTheConfigItWasMadeFor() throws Exception {
        ApprovalsViewModel vm = open(Optional.of(Trees.fixture("config")));
        ApprovalRow pending = row(vm, PENDING);
        assertThat(pending.state()).isEqualTo("pending");
        assertThat(pending.ledger().severity()).isEqualTo(Severity.OK);
        assertThat(pending.desired()).extracting(t -> t.severity(), t -> t.text()).containsExactly(Severity.OK, "current");
        assertThat(pending.usable()).isTrue();
        assertThat(row(vm, "01KZNF31Y6T9NS5SEZX35HGNFY").state()).isEqualTo("consumed");
        assertThat(vm.desiredNoteProperty().get()).startsWith("Compared with the desired config");
    }

    @Test
    void pendingApprovalIsStaleAgainstAnotherConfig() throws Exception {
        ApprovalsViewModel vm = open(Optional.of(Trees.fixture("config-previous")));
        ApprovalRow pending = row(vm, PENDING);
        assertThat(pending.desired().severity()).isEqualTo(Severity.WARN);
        assertThat(pending.desired().text()).startsWith("stale");
        assertThat(pending.usable()).isFalse();
    }

    @Test
    void withoutAConfigFolderOnlyTheLedgerIsCompared() throws Exception {
        ApprovalsViewModel vm = open(Optional.empty());
        assertThat(row(vm, PENDING).desired().text()).isEqualTo("config folder unknown");
        assertThat(vm.desiredNoteProperty().get()).contains("open the cluster through its config folder");
        vm.stateFilterProperty().set("consumed");
        assertThat(vm.filteredRows()).allSatisfy(r -> assertThat(r.state()).isEqualTo("consumed")).isNotEmpty();
        vm.stateFilterProperty().set("pending");
        assertThat(vm.filteredRows()).extracting(ApprovalRow::id).containsExactly(PENDING);
    }
}
