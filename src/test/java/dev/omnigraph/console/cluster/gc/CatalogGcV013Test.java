package dev.omnigraph.console.cluster.gc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.doctor.CraftedCluster;
import dev.omnigraph.console.cluster.doctor.CraftedV013Root;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.V013Fixtures;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Catalog GC on the v0.13 storage root (the fixtures' {@code storage-root-v2}): what retained receipts
 * and the outstanding deployment reference is kept, bundles are never collected, an unreadable bundle
 * blocks the run, and a held lock (a server's {@code serve}) is explained, never broken.
 */
class CatalogGcV013Test {
    private static final String PEOPLE_V1 = "bdcc722f18645b6366807fbe3180bff5c366af6a1fc848e9041653bd0e2d4d45";
    private static final String BUNDLE_1 = "1f0fd358d4bce715ffdeb40800a560754da2baadaf54732cbab7417bf52a342b";

    @TempDir
    Path temp;

    private ObjectStore root(Backend backend, boolean serveLock) throws StorageException {
        ObjectStore store = backend.newStore(temp, "gc2");
        CraftedV013Root.write(store, serveLock);
        return store;
    }

    private static GcPlan plan(ObjectStore store) throws StorageException {
        return CatalogGc.plan(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
    }

    private static String stray(ObjectStore store) throws StorageException {
        String content = "query stray() {\n  match { $p: Person }\n  return { $p.name }\n}\n";
        String key = ClusterLayout.queryBlob("knowledge", "stray", Digests.sha256Hex(content.getBytes(UTF_8)));
        CraftedCluster.put(store, key, content.getBytes(UTF_8));
        return key;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void receiptsKeepTheSupersededPayloadsAndBundlesAndOnlyTheStrayGoes(Backend backend) throws Exception {
        try (ObjectStore store = root(backend, false)) {
            String stray = stray(store);
            GcPlan plan = plan(store);
            assertThat(plan.blockers()).isEmpty();
            assertThat(plan.candidates()).extracting(GcCandidate::key).containsExactly(stray);
            assertThat(plan.kept()).filteredOn(k -> k.key().contains(PEOPLE_V1)).hasSize(2)
                    .allSatisfy(k -> assertThat(k.reason()).startsWith("retained receipt 01M4DBVAM0ZRA022TFX0SG719F:"));
            assertThat(plan.candidates()).as("bundles named by receipts are live").noneMatch(c -> c.key().startsWith(ClusterLayout.BUNDLES));
            Map<String, byte[]> before = objects(store);

            GcResult r = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            assertThat(r.outcome()).as(r.message()).isEqualTo(GcResult.Outcome.COMPLETED);
            assertThat(r.deleted()).extracting(GcResult.Deleted::key).containsExactly(stray);
            before.remove(stray);
            assertThat(objects(store)).as("everything else byte for byte").containsOnlyKeys(before.keySet())
                    .allSatisfy((k, v) -> assertThat(v).isEqualTo(before.get(k)));
            assertThat(store.stat(ClusterLayout.LOCK)).as("its own lock released").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aServeLockIsExplainedAndNeverBroken(Backend backend) throws Exception {
        try (ObjectStore store = root(backend, true)) {
            stray(store);
            byte[] lock = store.read(ClusterLayout.LOCK, 1 << 16).orElseThrow().bytes();
            GcPlan plan = plan(store);
            assertThat(plan.lockHolder().orElseThrow()).startsWith("serve (lock id ").contains("The GC will not break it");
            GcResult r = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            assertThat(r.outcome()).isEqualTo(GcResult.Outcome.REFUSED_LOCK_HELD);
            assertThat(r.message()).contains("A server owns this root").contains("cluster force-unlock '")
                    .contains("cluster_admission_lost").doesNotContain("stale");
            assertThat(r.deleted()).isEmpty();
            assertThat(store.read(ClusterLayout.LOCK, 1 << 16).orElseThrow().bytes()).isEqualTo(lock);
            assertThat(store.stat(plan.candidates().getFirst().key())).isPresent();
        }
    }

    @Test
    void whatTheOutstandingDeploymentCapturedIsKept() throws Exception {
        try (ObjectStore store = root(Backend.FILE, false)) {
            CraftedV013Root.outstanding(store);
            byte[] people = V013Fixtures.bytes("config/queries/people.gq");
            String published = ClusterLayout.queryBlob("knowledge", "people_by_title", Digests.sha256Hex(people));
            CraftedCluster.put(store, published, people);
            GcPlan plan = plan(store);
            assertThat(plan.candidates()).isEmpty();
            assertThat(plan.kept()).filteredOn(k -> k.key().equals(published)).singleElement()
                    .satisfies(k -> assertThat(k.reason()).startsWith("the outstanding deployment 01M4DBVAM0ZRA022TFX0SG719F:4:"));
            assertThat(CatalogReferences.of(dev.omnigraph.console.cluster.ClusterReader.readLedger(store), java.util.List.of(),
                    java.util.List.of(), CatalogGc.bundles(store, dev.omnigraph.console.cluster.ClusterReader.readLedger(store),
                            Progress.NONE)).protection(dev.omnigraph.console.cluster.CatalogBlob.of(store.stat(
                    CraftedV013Root.bundleKey(CraftedV013Root.OUTSTANDING_BUNDLE)).orElseThrow())).orElseThrow())
                    .startsWith("the outstanding deployment");
        }
    }

    @Test
    void anEvictedBundleIsKeptAndAMissingReceiptBundleBlocksEverything() throws Exception {
        try (ObjectStore store = root(Backend.FILE, false)) {
            String evicted = "f28277c0d048dd18e1f095bdb54a5defefa881f27b42f48ef37d1e77579baa07";
            CraftedCluster.put(store, CraftedV013Root.bundleKey(evicted),
                    V013Fixtures.bytes("negative/bundle-legacy-field/resources/deployment/" + evicted + ".json"));
            String stray = stray(store);
            assertThat(plan(store).kept()).filteredOn(k -> k.key().contains(evicted)).singleElement()
                    .satisfies(k -> assertThat(k.reason()).contains("no retained receipt names"));

            store.deleteUnconditionally(CraftedV013Root.bundleKey(BUNDLE_1));
            GcPlan plan = plan(store);
            assertThat(plan.blockers()).singleElement().satisfies(b -> assertThat(b).contains(BUNDLE_1)
                    .contains("deployment_bundle_missing"));
            GcResult r = CatalogGc.execute(store, plan, false, Progress.NONE);
            assertThat(r.outcome()).isEqualTo(GcResult.Outcome.REFUSED_BLOCKED);
            assertThat(store.stat(stray)).isPresent();
        }
    }

    @Test
    void theCliRefusesOnAServeLockWithItsMeaningAndExitsNonZero() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(temp.resolve("cli"));
        try (ObjectStore store = new dev.omnigraph.console.storage.FileObjectStore(new dev.omnigraph.console.storage.StoreUri.Local(dir))) {
            CraftedV013Root.write(store, true);
            stray(store);
        }
        dev.omnigraph.console.cli.CliRunner.Outcome dry = dev.omnigraph.console.cli.CliRunner.run(temp, "catalog", "gc", "--root",
                dir.toString());
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("Lock      held by serve (lock id").contains("The GC will not break it")
                .contains("keep").contains("retained receipt");
        dev.omnigraph.console.cli.CliRunner.Outcome delete = dev.omnigraph.console.cli.CliRunner.run(temp, "catalog", "gc",
                "--root", dir.toString(), "--delete", "--yes");
        assertThat(delete.exitCode()).isNotZero();
        assertThat(delete.err()).contains("A server owns this root").contains("cluster force-unlock '");
        assertThat(java.nio.file.Files.exists(dir.resolve(ClusterLayout.LOCK))).isTrue();
    }

    private static Map<String, byte[]> objects(ObjectStore store) throws StorageException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<ObjectInfo> s = store.list("")) {
            for (ObjectInfo o : s.toList()) {
                out.put(o.key(), store.read(o.key(), 16L << 20).orElseThrow().bytes());
            }
        }
        return out;
    }
}
