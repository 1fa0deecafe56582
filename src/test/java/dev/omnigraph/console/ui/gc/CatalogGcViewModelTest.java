package dev.omnigraph.console.ui.gc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.doctor.CraftedCluster;
import dev.omnigraph.console.cluster.gc.GcCandidate;
import dev.omnigraph.console.cluster.gc.GcResult;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import dev.omnigraph.console.ui.Sessions;
import dev.omnigraph.console.ui.session.ClusterSession;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalog GC dialog's view-model on real roots, without a window. */
class CatalogGcViewModelTest {
    @TempDir
    Path temp;

    /** An old version of a query/policy payload: content-addressed, referenced by nothing. */
    private static String orphan(ObjectStore store, String kindPath, String ext, String content) throws StorageException {
        String key = kindPath + Digests.sha256Hex(content.getBytes(UTF_8)) + ext;
        CraftedCluster.put(store, key, content.getBytes(UTF_8));
        return key;
    }

    private static String digestOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return name.substring(0, name.indexOf('.'));
    }

    @Test
    void theDryRunChangesNothingAndDeletingNeedsTheTypedCountOrTheWord() throws Exception {
        try (ObjectStore store = Backend.FILE.newStore(temp, "gating")) {
            CraftedCluster.write(store, false);
            String old = orphan(store, ClusterLayout.POLICY_RESOURCES + "base/", ".yaml", "old policy\n");
            CraftedCluster.put(store, ClusterLayout.RESOURCES + "notes.txt", "not a payload".getBytes(UTF_8));
            Map<String, String> before = Trees.fingerprint(store);
            CatalogGcViewModel vm = new CatalogGcViewModel(Sessions.open(store));
            assertThat(vm.canDelete()).as("nothing listed yet").isFalse();

            vm.dryRun();
            assertThat(Trees.fingerprint(store)).as("the dry run changes nothing").isEqualTo(before);
            int n = vm.candidates().size();
            assertThat(n).isEqualTo(2); // ours and the demo's replaced find_person payload
            assertThat(vm.candidates()).extracting(GcCandidate::key).contains(old);
            long bytes = vm.candidates().stream().mapToLong(GcCandidate::size).sum();
            assertThat(vm.totalsProperty().get()).startsWith("2 orphaned blobs to delete (").contains("1 unreferenced kept");
            assertThat(vm.kept()).singleElement().satisfies(k -> {
                assertThat(k.key()).isEqualTo(ClusterLayout.RESOURCES + "notes.txt");
                assertThat(k.reason()).isNotBlank();
            });
            assertThat(vm.whatGoes()).contains(old).contains(vm.candidates().get(1).key());
            assertThat(vm.confirmationPrompt()).isEqualTo("Type 2 (the number of blobs) or \"delete\" to delete them");
            assertThat(vm.deleteLabel()).startsWith("Delete 2 blobs (");

            for (String wrong : new String[] {"", "1", "3", "two", "del", "yes", vm.session().name()}) {
                vm.typedProperty().set(wrong);
                assertThat(vm.canDelete()).as("typed '%s'", wrong).isFalse();
                vm.delete();
                assertThat(vm.resultProperty().get()).as("delete is ignored unless confirmed").isNull();
            }
            assertThat(Trees.fingerprint(store)).isEqualTo(before);
            vm.typedProperty().set("delete");
            assertThat(vm.canDelete()).isTrue();
            vm.typedProperty().set(" 2 ");
            assertThat(vm.canDelete()).isTrue();

            vm.delete();
            GcResult r = vm.resultProperty().get();
            assertThat(r.outcome()).isEqualTo(GcResult.Outcome.COMPLETED);
            assertThat(r.bytesFreed()).isEqualTo(bytes);
            assertThat(vm.resultRows()).hasSize(2).allSatisfy(row -> assertThat(row.what().text()).isEqualTo("deleted"));
            assertThat(store.stat(old)).isEmpty();
            assertThat(store.stat(ClusterLayout.RESOURCES + "notes.txt")).isPresent();
            assertThat(store.stat(ClusterLayout.LOCK)).as("the lock was released").isEmpty();
            assertThat(vm.canDelete()).as("one deletion per listing").isFalse();
            assertThat(vm.outcomeProperty().get().text()).isEqualTo(r.message());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBlobReferencedAfterTheListingSurvivesTheDeletion(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "race")) {
            CraftedCluster.write(store, false);
            String comeback = orphan(store, ClusterLayout.QUERY_RESOURCES + "knowledge/company_staff/", ".gq", "query company_staff_v0() {}\n");
            String other = orphan(store, ClusterLayout.POLICY_RESOURCES + "base/", ".yaml", "old base policy\n");
            ClusterSession session = Sessions.open(store);
            CatalogGcViewModel vm = new CatalogGcViewModel(session);
            vm.dryRun();
            assertThat(vm.candidates()).extracting(GcCandidate::key).contains(comeback, other);

            // an apply lands between the listing and the deletion: the ledger now references the "orphan"
            CraftedCluster.editLedger(store, t -> LedgerJson.resource(t, "query.knowledge.company_staff").put("digest", digestOf(comeback)));

            vm.typedProperty().set(String.valueOf(vm.candidates().size()));
            vm.delete();
            GcResult r = vm.resultProperty().get();
            assertThat(r.outcome()).as(r.message()).isEqualTo(GcResult.Outcome.COMPLETED);
            assertThat(store.read(comeback, 1 << 20)).as("the newly referenced blob survives").isPresent();
            assertThat(store.stat(other)).isEmpty();
            assertThat(vm.resultRows()).anySatisfy(row -> {
                assertThat(row.key()).isEqualTo(comeback);
                assertThat(row.what().text()).isEqualTo("kept: now referenced");
                assertThat(row.detail()).contains("query.knowledge.company_staff");
            });
            assertThat(vm.resultRows()).anySatisfy(row -> {
                assertThat(row.key()).isEqualTo(other);
                assertThat(row.what().text()).isEqualTo("deleted");
            });
            assertThat(vm.outcomeProperty().get().severity()).isEqualTo(dev.omnigraph.console.ui.common.Severity.WARN);
            assertThat(store.stat(ClusterLayout.LOCK)).isEmpty();
            assertThat(session.snapshot().ledgerIfPresent().orElseThrow().resources().get("query.knowledge.company_staff").digest())
                    .as("the session was re-read after the run").isEqualTo(digestOf(comeback));
        }
    }

    @Test
    void aHeldLockDisablesDeletingAndALockTakenAfterTheListingRefusesIt() throws Exception {
        try (ObjectStore store = Backend.FILE.newStore(temp, "locked")) {
            CraftedCluster.write(store, false);
            String old = orphan(store, ClusterLayout.POLICY_RESOURCES + "base/", ".yaml", "old policy\n");
            dev.omnigraph.console.cluster.LockService locks = new dev.omnigraph.console.cluster.LockService(store, false);
            var held = (dev.omnigraph.console.cluster.LockService.Acquired.Ours) locks.acquire("apply");
            CatalogGcViewModel vm = new CatalogGcViewModel(Sessions.open(store));
            vm.dryRun();
            assertThat(vm.planProperty().get().lockHolder()).hasValueSatisfying(h -> assertThat(h).startsWith("apply"));
            vm.typedProperty().set("delete");
            assertThat(vm.canDelete()).as("listed while the lock was held").isFalse();

            // the apply finishes; listed again; then another command takes the lock before the deletion
            locks.release(held.lock());
            vm.dryRun();
            vm.typedProperty().set("delete");
            assertThat(vm.canDelete()).isTrue();
            locks.acquire("apply");
            vm.delete();
            assertThat(vm.resultProperty().get().outcome()).isEqualTo(GcResult.Outcome.REFUSED_LOCK_HELD);
            assertThat(vm.outcomeProperty().get().severity()).isEqualTo(dev.omnigraph.console.ui.common.Severity.DANGER);
            assertThat(store.stat(old)).isPresent();
        }
    }
}
