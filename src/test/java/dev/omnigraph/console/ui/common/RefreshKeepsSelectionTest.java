package dev.omnigraph.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.SerdeJson;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.approvals.ApprovalRow;
import dev.omnigraph.console.ui.approvals.ApprovalsViewModel;
import dev.omnigraph.console.ui.catalog.CatalogNode;
import dev.omnigraph.console.ui.catalog.CatalogTree;
import dev.omnigraph.console.ui.catalog.CatalogViewModel;
import dev.omnigraph.console.ui.graphs.GraphsViewModel;
import dev.omnigraph.console.ui.ledger.LedgerViewModel;
import dev.omnigraph.console.ui.ledger.ResourceRow;
import dev.omnigraph.console.ui.recoveries.RecoveriesViewModel;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live refresh with new data does not disturb the admin: each page's view-model selects the same
 * row again by its key (address, blob key, approval file, graph id, sidecar), keeps filters and
 * open catalog groups, and when the row went it selects nothing and says so.
 */
class RefreshKeepsSelectionTest {
    @TempDir
    Path temp;

    private ObjectStore fixture() throws Exception {
        FileObjectStore store = new FileObjectStore(new StoreUri.Local(temp.resolve("root")));
        Trees.upload(Trees.fixtureStorageRoot(), store);
        return store;
    }

    /** Removes a resource (and its status) from the ledger the way a writer would: If-Match on the current ETag. */
    static void removeFromLedger(ObjectStore store, String address) throws Exception {
        StoredObject current = store.read(ClusterLayout.STATE, 1 << 24).orElseThrow();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(current.bytes());
        json.put("state_revision", json.path("state_revision").asLong() + 1);
        ((ObjectNode) json.path("applied_revision").path("resources")).remove(address);
        ((ObjectNode) json.path("resource_statuses")).remove(address);
        PutResult r = store.put(ClusterLayout.STATE, (SerdeJson.pretty(json) + "\n").getBytes(StandardCharsets.UTF_8),
                WriteCondition.ifMatch(current.token()));
        assertThat(r).isInstanceOf(PutResult.Written.class);
    }

    @Test
    void keptSelectionFindsTheRowByKeyOrSaysItWent() {
        SimpleObjectProperty<String> selected = new SimpleObjectProperty<>("b:1");
        KeptSelection<String> kept = new KeptSelection<>(selected, s -> s.substring(0, 1), s -> "gone " + s);
        String before = kept.before();
        selected.set(null); // what a table does while its rows are replaced
        assertThat(kept.restore(before, List.of("a:2", "b:2"))).isEqualTo("b:2");
        assertThat(kept.gone()).isEmpty();
        assertThat(kept.restore("b:2", List.of("a:3", "c:3"))).as("no jump to a neighbour").isNull();
        assertThat(selected.get()).isNull();
        assertThat(kept.gone()).isEqualTo("gone b:2");
        selected.set("c:3");
        assertThat(kept.gone()).as("the note clears when the admin selects again").isEmpty();
    }

    @Test
    void ledgerKeepsSelectionAndFiltersThenSaysWhenTheResourceWent() throws Exception {
        ObjectStore store = fixture();
        ClusterSession session = Sessions.open(store);
        LedgerViewModel vm = new LedgerViewModel(session);
        vm.activate();
        vm.filterTextProperty().set("policy");
        vm.statusFilterProperty().set("applied");
        ResourceRow server = vm.filteredRows().stream().filter(r -> r.address().equals("policy.base")).findFirst().orElseThrow();
        vm.selectedProperty().set(server);
        int shown = vm.filteredRows().size();

        Sessions.bumpLedger(store);
        session.refresh();
        assertThat(vm.factsProperty().get()).contains("revision 18");
        assertThat(vm.selectedProperty().get()).isNotNull().extracting(ResourceRow::address).isEqualTo("policy.base");
        assertThat(vm.rows()).as("the selection is one of the new rows").containsSequence(vm.selectedProperty().get());
        assertThat(vm.filterTextProperty().get()).isEqualTo("policy");
        assertThat(vm.statusFilterProperty().get()).isEqualTo("applied");
        assertThat(vm.filteredRows()).hasSize(shown);
        assertThat(vm.statuses()).contains("applied");
        assertThat(vm.goneProperty().get()).isEmpty();

        removeFromLedger(store, "policy.base");
        session.refresh();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.goneProperty().get()).isEqualTo("The selected resource policy.base is no longer in the ledger: a writer removed it "
                + "since the last read.");
        assertThat(vm.filterTextProperty().get()).isEqualTo("policy");
        assertThat(vm.statusFilterProperty().get()).isEqualTo("applied");
        vm.statusFilterProperty().set(LedgerViewModel.ALL);
        vm.selectedProperty().set(vm.filteredRows().getFirst());
        assertThat(vm.goneProperty().get()).isEmpty();
    }

    @Test
    void catalogKeepsTheSelectedBlobAndOpenGroupsWithoutReadingTheBlobAgain() throws Exception {
        ObjectStore store = Sessions.demo(new FileObjectStore(new StoreUri.Local(temp.resolve("demo"))), DemoOptions.small());
        ClusterSession session = Sessions.open(store);
        CatalogViewModel vm = new CatalogViewModel(session);
        vm.activate();
        CatalogTree first = vm.treeProperty().get();
        CatalogNode group = first.groups().values().stream().filter(g -> g.type() == CatalogNode.Type.GROUP
                && !g.children().isEmpty() && g.children().getFirst().isBlob()).findFirst().orElseThrow();
        CatalogNode blob = group.children().getFirst();
        vm.setExpanded(group, true);
        vm.selectedProperty().set(blob);
        assertThat(vm.contentProperty().get()).isNotEmpty().isNotEqualTo("Loading…");
        String content = vm.contentProperty().get();
        Tagged verdict = vm.contentVerdictProperty().get();

        Sessions.bumpLedger(store);
        session.refresh();
        CatalogTree next = vm.treeProperty().get();
        assertThat(next).isNotSameAs(first);
        assertThat(vm.selectedProperty().get()).as("the same blob, as a node of the new tree").isSameAs(next.byKey().get(blob.id()));
        assertThat(vm.isExpanded(next.groups().get(group.id()))).isTrue();
        assertThat(vm.expandedIds()).containsExactly(group.id());
        assertThat(vm.contentProperty().get()).isEqualTo(content);
        assertThat(vm.contentVerdictProperty().get()).as("not read again: a re-read makes a new verdict").isSameAs(verdict);
        assertThat(vm.goneProperty().get()).isEmpty();

        CatalogNode orphan = next.byKey().values().stream().filter(n -> n.entry().reference() == CatalogEntry.Reference.ORPHAN)
                .findFirst().orElseThrow();
        vm.selectedProperty().set(orphan);
        assertThat(store.deleteUnconditionally(orphan.id())).isInstanceOf(DeleteResult.Deleted.class); // as catalog GC would
        session.refresh();
        assertThat(vm.treeProperty().get().byKey()).doesNotContainKey(orphan.id());
        assertThat(vm.selectedProperty().get()).as("nothing selected rather than a neighbour").isNull();
        assertThat(vm.goneProperty().get()).contains(orphan.id()).contains("is no longer in the catalog");
        assertThat(vm.expandedIds()).containsExactly(group.id());
        assertThat(vm.contentVerdictProperty().get().text()).isEqualTo(vm.goneProperty().get());
        assertThat(vm.contentProperty().get()).isEmpty();
    }

    @Test
    void approvalsKeepTheSelectedApprovalAndSayWhenItWasRemoved() throws Exception {
        ObjectStore store = fixture();
        ClusterSession session = Sessions.open(store);
        ApprovalsViewModel vm = new ApprovalsViewModel(session);
        vm.activate();
        vm.stateFilterProperty().set("All");
        ApprovalRow picked = vm.rows().getLast();
        vm.selectedProperty().set(picked);

        Sessions.bumpLedger(store);
        session.refresh();
        assertThat(vm.selectedProperty().get()).isNotNull().extracting(ApprovalRow::file).isEqualTo(picked.file());

        store.deleteUnconditionally(picked.file()); // a local folder has no conditional delete
        session.refresh();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.goneProperty().get()).startsWith("The selected approval ").contains("is no longer under __cluster/approvals/");
    }

    @Test
    void graphsAndRecoveriesDoNotJumpToAnotherRowWhenTheSelectedOneWent() throws Exception {
        ObjectStore store = fixture();
        ClusterSession session = Sessions.open(store);
        RecoveriesViewModel recoveries = new RecoveriesViewModel(session);
        GraphsViewModel graphs = new GraphsViewModel(session);
        recoveries.activate();
        graphs.activate();
        assertThat(recoveries.selectedProperty().get()).as("the first sidecar is shown on arrival").isNotNull();
        String sidecar = recoveries.selectedProperty().get().file();
        String graph = graphs.rows().getLast().id();
        graphs.selectedProperty().set(graphs.rows().getLast());

        Sessions.bumpLedger(store);
        session.refresh();
        assertThat(recoveries.selectedProperty().get().file()).isEqualTo(sidecar);
        assertThat(graphs.selectedProperty().get().id()).isEqualTo(graph);

        store.deleteUnconditionally(sidecar); // swept, as the next apply would
        session.refresh();
        assertThat(recoveries.selectedProperty().get()).isNull();
        assertThat(recoveries.goneProperty().get()).contains("is no longer under __cluster/recoveries/");
        assertThat(graphs.selectedProperty().get().id()).isEqualTo(graph);
    }
}
