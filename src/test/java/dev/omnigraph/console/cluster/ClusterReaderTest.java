package dev.omnigraph.console.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClusterReaderTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theFixtureRootReadsAsUpstreamDescribesIt(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "fixture")) {
            Trees.upload(Trees.fixtureStorageRoot(), store);

            ClusterSnapshot s = ClusterReader.read(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);

            Ledger ledger = s.ledgerIfPresent().orElseThrow();
            assertThat(ledger.stateRevision()).isEqualTo(17);
            assertThat(ledger.cas()).isEqualTo("sha256:6dff3784d52a71fdcdfadb061dd770ee83244b77bfabdf567e41c88ad9b667a4");
            assertThat(s.lock()).isInstanceOfSatisfying(LockState.Held.class, h -> {
                assertThat(h.lock().lockId()).isEqualTo("01M0A59Z3TJRHTKBKT6GJM96E7");
                assertThat(h.lock().operation()).isEqualTo("apply");
                assertThat(h.ageSeconds()).isPresent();
            });
            assertThat(s.pendingApprovals()).extracting(a -> a.approvalId()).containsExactly("01M0A536TR00EGJV9Q6X1FK81S");
            assertThat(s.approvals()).hasSize(2);
            assertThat(s.sidecars()).singleElement().satisfies(sc -> assertThat(sc.graphId()).isEqualTo("knowledge"));
            assertThat(SidecarImpact.of(s.sidecars().get(0), s.ledgerIfPresent()).ledgerUnchangedSince()).contains(true);
            assertThat(s.catalog().count(CatalogEntry.Reference.LIVE)).isEqualTo(4);
            assertThat(s.catalog().count(CatalogEntry.Reference.ORPHAN)).isZero();
            assertThat(s.catalog().count(CatalogEntry.Reference.MISSING)).isZero();
            assertThat(s.diagnostics()).extracting(Diagnostic::code).contains("cluster_recovery_pending");
            // the fixture has no graph roots: both ledger graphs are reported with missing roots
            assertThat(s.graphs()).extracting(GraphSummary::id, GraphSummary::linkage).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("knowledge", GraphLinkage.MISSING_ROOT),
                    org.assertj.core.groups.Tuple.tuple("scratch", GraphLinkage.MISSING_ROOT));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theDemoClusterIsConsistentTheWayUpstreamChecksIt(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "demo")) {
            DemoClusterGenerator.write(store, DemoOptions.small().withHeldLock(true), Progress.NONE);

            ClusterSnapshot s = ClusterReader.read(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            Ledger ledger = s.ledgerIfPresent().orElseThrow();

            assertThat(Digests.verifyGraphComposites(ledger)).isEmpty();
            assertThat(Digests.verifyProviderProfiles(ledger)).isEmpty();
            for (GraphSummary g : s.graphs()) {
                assertThat(g.linkage()).isEqualTo(GraphLinkage.KNOWN);
                assertThat(g.directChild()).isTrue();
                byte[] schema = store.read(ClusterLayout.graphPrefix(g.id()) + "_schema.pg", 1 << 20).orElseThrow().bytes();
                assertThat(Digests.sha256Hex(schema)).isEqualTo(ledger.resources().get("schema." + g.id()).digest());
            }
            assertThat(s.graphs()).extracting(GraphSummary::id).containsExactly("knowledge", "scratch", "support");
            assertThat(s.lock().held()).isTrue();
            assertThat(s.sidecars()).hasSize(1);
            assertThat(s.catalog().count(CatalogEntry.Reference.ORPHAN)).isEqualTo(1);

            CatalogVerifier.Report report = CatalogVerifier.verify(store, s.catalog(), Progress.NONE);
            assertThat(report.count(CatalogIntegrity.VERIFIED)).isEqualTo(s.catalog().entries().size());
            assertThat(report.liveProblems()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tamperedMissingAndUnknownThingsAreFound(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "damage")) {
            DemoClusterGenerator.write(store, DemoOptions.small().withRecoverySidecar(false), Progress.NONE);
            ClusterSnapshot before = ClusterReader.read(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            CatalogEntry policy = before.catalog().entries().stream().filter(e -> e.address().equals("policy.base")).findFirst().orElseThrow();
            CatalogEntry query = before.catalog().entries().stream()
                    .filter(e -> e.address().equals("query.support.open_tickets")).findFirst().orElseThrow();
            String token = store.read(policy.key(), 1 << 20).orElseThrow().token();
            store.put(policy.key(), "version: 1\nrules: []\n".getBytes(UTF_8), WriteCondition.ifMatch(token));
            store.deleteUnconditionally(query.key());
            store.put("graphs/ghost.omni/_schema.pg", "node X {}\n".getBytes(UTF_8), WriteCondition.IF_ABSENT);

            ClusterSnapshot after = ClusterReader.read(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            CatalogVerifier.Report report = CatalogVerifier.verify(store, after.catalog(), Progress.NONE);

            assertThat(report.byKey()).containsEntry(policy.key(), CatalogIntegrity.TAMPERED).containsEntry(query.key(), CatalogIntegrity.MISSING);
            assertThat(report.liveProblems()).hasSize(2);
            assertThat(after.diagnostics()).extracting(Diagnostic::code).contains("catalog_payload_missing");
            assertThat(after.graphs()).filteredOn(g -> g.id().equals("ghost")).singleElement()
                    .satisfies(g -> assertThat(g.linkage()).isEqualTo(GraphLinkage.UNKNOWN_ROOT));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEmptyRootHasNoLedgerAndSaysSo(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "empty")) {
            ClusterSnapshot s = ClusterReader.read(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            assertThat(s.ledger()).isInstanceOf(LedgerState.Missing.class);
            assertThat(s.lock()).isInstanceOf(LockState.Free.class);
            assertThat(s.diagnostics()).extracting(Diagnostic::code).containsExactly("state_missing");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFutureVersionLedgerIsReportedNotParsedAway(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "future")) {
            store.put(ClusterLayout.STATE, dev.omnigraph.console.cluster.model.Fixtures013.bytes("negative/state.version-3.json"),
                    WriteCondition.IF_ABSENT);
            ClusterSnapshot s = ClusterReader.read(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
            assertThat(s.ledger()).isInstanceOfSatisfying(LedgerState.Unreadable.class,
                    u -> assertThat(u.diagnostic().code()).isEqualTo("unsupported_state_version"));
            assertThat(s.diagnostics()).anyMatch(Diagnostic::isError);
        }
    }
}
