package dev.omnigraph.console.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot of a v0.13 root: generation, legacy approvals and sidecars, bundles in the catalog, the lock's meaning. */
class V2SnapshotTest {
    @TempDir
    Path temp;

    @Test
    void aV2RootWithLegacyFilesBundlesAndAnOutstandingDeployment() throws Exception {
        try (ObjectStore store = Backend.FILE.newStore(temp, "v2")) {
            Path tree = temp.resolve("tree");
            Trees.copy(Fixtures013.path(Fixtures013.STORAGE_ROOT), tree);
            Files.write(tree.resolve(ClusterLayout.STATE), Fixtures013.bytes("ledgers/state.v2.outstanding.json"));
            Trees.upload(tree, store);
            Path v1 = Trees.fixtureStorageRoot().resolve("__cluster");
            store.put(ClusterLayout.APPROVALS + "01M0A536TR00EGJV9Q6X1FK81S.json",
                    Files.readAllBytes(v1.resolve("approvals/01M0A536TR00EGJV9Q6X1FK81S.json")), WriteCondition.IF_ABSENT);
            store.put(ClusterLayout.RECOVERIES + "01M0A5A0VPR9YZEB1C4SW65592.json",
                    Files.readAllBytes(v1.resolve("recoveries/01M0A5A0VPR9YZEB1C4SW65592.json")), WriteCondition.IF_ABSENT);
            store.put(ClusterLayout.bundleKey("0".repeat(64)), "{}".getBytes(), WriteCondition.IF_ABSENT);

            ClusterSnapshot s = ClusterReader.read(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);

            assertThat(s.generation()).contains(LedgerGeneration.V2);
            assertThat(s.pendingApprovals()).isEmpty();
            assertThat(s.legacyApprovals()).hasSize(1);
            assertThat(s.diagnostics()).extracting(Diagnostic::code).contains("legacy_recovery_pending", "cluster_deployment_outstanding",
                    "deployment_bundle_missing").doesNotContain("cluster_recovery_pending");
            CatalogIndex catalog = s.catalog();
            assertThat(catalog.bundles()).hasSize(5);
            assertThat(catalog.missingBundles()).extracting(CatalogEntry::digest).containsExactly(Fixtures013.OUTSTANDING_BUNDLE);
            assertThat(catalog.referencesOf(ClusterLayout.bundleKey(Fixtures013.OUTSTANDING_BUNDLE)))
                    .containsExactly("outstanding " + Fixtures013.OUTSTANDING_ID);
            CatalogEntry stray = catalog.entries().stream().filter(e -> e.key().equals(ClusterLayout.bundleKey("0".repeat(64))))
                    .findFirst().orElseThrow();
            assertThat(stray.reference()).isEqualTo(CatalogEntry.Reference.ORPHAN);
            assertThat(stray.blob().orElseThrow().wellFormed()).as("never a GC payload").isFalse();
            assertThat(s.lockMeaning(60).orElseThrow().possiblyStale()).isFalse();

            CatalogVerifier.Report report = CatalogVerifier.verify(store, catalog, Progress.NONE);
            assertThat(report.byKey().get(stray.key())).isEqualTo(CatalogIntegrity.TAMPERED);
            assertThat(report.byKey().get(ClusterLayout.bundleKey("1f0fd358d4bce715ffdeb40800a560754da2baadaf54732cbab7417bf52a342b")))
                    .isEqualTo(CatalogIntegrity.VERIFIED);
        }
    }

    @Test
    void aV1RootKeepsItsPendingApprovalsAndSidecarWarnings() throws Exception {
        try (ObjectStore store = Backend.FILE.newStore(temp, "v1")) {
            Trees.upload(Trees.fixtureStorageRoot(), store);
            ClusterSnapshot s = ClusterReader.read(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            assertThat(s.generation()).contains(LedgerGeneration.V1);
            assertThat(s.pendingApprovals()).hasSize(1);
            assertThat(s.legacyApprovals()).isEmpty();
            assertThat(s.diagnostics()).extracting(Diagnostic::code).contains("cluster_recovery_pending")
                    .doesNotContain("legacy_recovery_pending", "ledger_upgrade_required");
        }
    }
}
