package dev.omnigraph.console.ui.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerViewModelTest {
    @TempDir
    Path temp;

    private LedgerViewModel fixture() throws Exception {
        FileObjectStore store = new FileObjectStore(new StoreUri.Local(temp.resolve("root")));
        Trees.upload(Trees.fixtureStorageRoot(), store);
        LedgerViewModel vm = new LedgerViewModel(Sessions.open(store));
        vm.activate();
        return vm;
    }

    @Test
    void filtersByTextStatusAndKind() throws Exception {
        LedgerViewModel vm = fixture();
        int all = vm.rows().size();
        assertThat(all).isGreaterThan(5);
        assertThat(vm.filteredRows()).hasSize(all);

        vm.statusFilterProperty().set("drifted");
        assertThat(vm.filteredRows()).extracting(ResourceRow::address).containsExactlyInAnyOrder("graph.scratch", "schema.scratch");
        assertThat(vm.filteredRows()).allSatisfy(r -> assertThat(r.conditions()).isEqualTo("schema_mismatch"));

        vm.statusFilterProperty().set(LedgerViewModel.ALL);
        vm.filterTextProperty().set("PAYLOAD_read");
        assertThat(vm.filteredRows()).extracting(ResourceRow::address).containsExactly("policy.server");

        vm.filterTextProperty().set("");
        vm.kindFilterProperty().set("query");
        assertThat(vm.filteredRows()).isNotEmpty().allSatisfy(r -> assertThat(r.address()).startsWith("query."));
        vm.filterTextProperty().set("knowledge find");
        assertThat(vm.filteredRows()).allSatisfy(r -> assertThat(r.address()).contains("knowledge").contains("find"));

        assertThat(vm.statuses()).contains("applied", "drifted", "error");
    }

    @Test
    void rawBytesCasAndSectionsMatchTheLedger() throws Exception {
        LedgerViewModel vm = fixture();
        String raw = Files.readString(Trees.fixtureStorageRoot().resolve(ClusterLayout.STATE), StandardCharsets.UTF_8);
        assertThat(vm.rawProperty().get()).isEqualTo(raw);
        assertThat(String.join("\n", vm.rawLines()) + "\n").isEqualTo(raw);
        assertThat(vm.casProperty().get()).startsWith("sha256:").hasSize(71);
        assertThat(vm.etagProperty().get()).isNotEqualTo("–");
        assertThat(vm.approvalRecords()).extracting(KeyedJson::key).contains("01KZNF31Y6T9NS5SEZX35HGNFY");
        assertThat(vm.recoveryRecords()).extracting(KeyedJson::key).contains("01KZV4HH53RCG7RASTQRAA0DB9");
        assertThat(vm.observations()).extracting(KeyedJson::summary).anyMatch(s -> s.contains("kind=tombstone"));
        assertThat(vm.problemProperty().get()).isEmpty();

        ResourceRow scratch = vm.rows().stream().filter(r -> r.address().equals("graph.scratch")).findFirst().orElseThrow();
        vm.selectedProperty().set(scratch);
        assertThat(scratch.detail()).contains("Digest: " + scratch.digest()).contains("Status: drifted");
    }

    @Test
    void unreadableLedgerIsExplainedNotShown() throws Exception {
        FileObjectStore store = new FileObjectStore(new StoreUri.Local(temp.resolve("bad")));
        Trees.upload(Trees.fixtureStorageRoot(), store);
        Files.copy(Trees.fixture("negative/state.unknown-field.json"), temp.resolve("bad").resolve(ClusterLayout.STATE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ClusterSession session = Sessions.open(store);
        LedgerViewModel vm = new LedgerViewModel(session);
        vm.activate();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.problemProperty().get()).contains("invalid_state_json").contains("refuse");
    }
}
