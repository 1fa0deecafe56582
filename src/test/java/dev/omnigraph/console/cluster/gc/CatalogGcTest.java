package dev.omnigraph.console.cluster.gc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cli.CliContext;
import dev.omnigraph.console.cli.CliMain;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.doctor.CraftedCluster;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogGcTest {
    @TempDir
    Path temp;

    /** The demo's one orphan: find_person's replaced payload. */
    private static String demoOrphan() {
        return CraftedCluster.templateKeys(ClusterLayout.QUERY_RESOURCES + "knowledge/find_person/").stream()
                .filter(k -> !LedgerJson.parse(CraftedCluster.templateBytes(ClusterLayout.STATE)).resourceDigests()
                        .get("query.knowledge.find_person").equals(k.substring(k.lastIndexOf('/') + 1, k.length() - 3)))
                .findFirst().orElseThrow();
    }

    /** Adds an old version of a query/policy payload: content-addressed, unreferenced. */
    private static String orphan(ObjectStore store, String kindPath, String ext, String content) throws StorageException {
        String key = kindPath + Digests.sha256Hex(content.getBytes(UTF_8)) + ext;
        CraftedCluster.put(store, key, content.getBytes(UTF_8));
        return key;
    }

    private static String digestOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return name.substring(0, name.indexOf('.'));
    }

    private ObjectStore cluster(Backend backend, boolean sidecar) throws StorageException {
        ObjectStore store = backend.newStore(temp, "gc");
        CraftedCluster.write(store, sidecar);
        return store;
    }

    private static GcPlan plan(ObjectStore store) throws StorageException {
        return CatalogGc.plan(store, ClusterLocation.ofRoot(store.uri()), Progress.NONE);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theDryRunListsOrphansWithSizesAndChangesNothing(Backend backend) throws Exception {
        try (ObjectStore store = cluster(backend, false)) {
            String old = orphan(store, ClusterLayout.POLICY_RESOURCES + "base/", ".yaml", "old policy\n");
            Map<String, String> before = Trees.fingerprint(store);
            GcPlan plan = plan(store);
            assertThat(plan.blockers()).isEmpty();
            assertThat(plan.candidates()).extracting(GcCandidate::key).containsExactly(old, demoOrphan());
            assertThat(plan.candidates().get(0).size()).isEqualTo("old policy\n".length());
            assertThat(plan.candidates().get(0).address()).isEqualTo("policy.base");
            assertThat(plan.candidateBytes()).isEqualTo(plan.candidates().stream().mapToLong(GcCandidate::size).sum());
            assertThat(Trees.fingerprint(store)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deletingRemovesOnlyOrphansUnderTheLockAndReleasesIt(Backend backend) throws Exception {
        try (ObjectStore store = cluster(backend, false)) {
            String old = orphan(store, ClusterLayout.POLICY_RESOURCES + "server/", ".yaml", "old server policy\n");
            CraftedCluster.put(store, ClusterLayout.RESOURCES + "notes.txt", "not a payload".getBytes(UTF_8));
            Map<String, String> before = Trees.fingerprint(store);
            GcPlan plan = plan(store);
            assertThat(plan.kept()).extracting(KeptBlob::key).containsExactly(ClusterLayout.RESOURCES + "notes.txt");

            GcResult r = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            assertThat(r.outcome()).as(r.message()).isEqualTo(GcResult.Outcome.COMPLETED);
            assertThat(r.deleted()).extracting(GcResult.Deleted::key).containsExactly(old, demoOrphan());
            assertThat(r.lockReleased()).isTrue();
            assertThat(r.bytesFreed()).isEqualTo(plan.candidateBytes());
            assertThat(store.stat(ClusterLayout.LOCK)).isEmpty();
            Map<String, String> after = Trees.fingerprint(store);
            Map<String, String> expected = new java.util.TreeMap<>(before);
            expected.remove(old);
            expected.remove(demoOrphan());
            assertThat(after).isEqualTo(expected);
            // every live payload still there: the doctor-level check
            assertThat(plan(store).candidates()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBlobTheLedgerStartsReferencingBetweenListingAndDeletionSurvives(Backend backend) throws Exception {
        try (ObjectStore store = cluster(backend, false)) {
            String comeback = orphan(store, ClusterLayout.QUERY_RESOURCES + "knowledge/company_staff/", ".gq", "query company_staff_v0() {}\n");
            String other = orphan(store, ClusterLayout.POLICY_RESOURCES + "base/", ".yaml", "old base policy\n");
            GcPlan plan = plan(store);
            assertThat(plan.candidates()).extracting(GcCandidate::key).contains(comeback, other);

            // an apply lands after the listing: the ledger now references the "orphan"
            CraftedCluster.editLedger(store, t -> LedgerJson.resource(t, "query.knowledge.company_staff").put("digest", digestOf(comeback)));

            GcResult r = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            assertThat(r.outcome()).isEqualTo(GcResult.Outcome.COMPLETED);
            assertThat(r.skipped()).singleElement().satisfies(s -> {
                assertThat(s.key()).isEqualTo(comeback);
                assertThat(s.reason()).startsWith("referenced since the listing").contains("query.knowledge.company_staff");
            });
            assertThat(store.read(comeback, 1 << 20)).isPresent();
            assertThat(store.stat(other)).isEmpty();
            assertThat(store.stat(demoOrphan())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLedgerWriteDuringTheRunIsNoticedBeforeTheNextDelete(Backend backend) throws Exception {
        try (ObjectStore real = cluster(backend, false)) {
            String first = orphan(real, ClusterLayout.POLICY_RESOURCES + "base/", ".yaml", "aaa old base\n");
            String second = orphan(real, ClusterLayout.POLICY_RESOURCES + "server/", ".yaml", "old server v1\n");
            GcPlan plan = plan(real);
            assertThat(plan.candidates()).extracting(GcCandidate::key).startsWith(first, second);
            // a writer that ignores the lock (state.lock: false) re-references `second` while the GC reads `first`
            InterjectingStore store = new InterjectingStore(real, first, s -> CraftedCluster.editLedger(s,
                    t -> LedgerJson.resource(t, "policy.server").put("digest", digestOf(second))));
            GcResult r = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            assertThat(store.fired()).isTrue();
            assertThat(r.deleted()).extracting(GcResult.Deleted::key).contains(first).doesNotContain(second);
            assertThat(r.skipped()).anySatisfy(s -> assertThat(s.key()).isEqualTo(second));
            assertThat(real.read(second, 1 << 20)).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBlobReferencedRightAfterItWasDeletedIsPutBackByteForByte(Backend backend) throws Exception {
        try (ObjectStore real = cluster(backend, false)) {
            String victim = orphan(real, ClusterLayout.POLICY_RESOURCES + "base/", ".yaml", "aaa victim policy\n");
            byte[] bytes = real.read(victim, 1 << 20).orElseThrow().bytes();
            GcPlan plan = plan(real);
            assertThat(plan.candidates().get(0).key()).isEqualTo(victim);
            // the lock-ignoring writer strikes after the GC re-checked the ledger, just before the delete
            InterjectingStore store = new InterjectingStore(real, victim, s -> CraftedCluster.editLedger(s,
                    t -> LedgerJson.resource(t, "policy.base").put("digest", digestOf(victim))));
            GcResult r = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            assertThat(r.restored()).containsExactly(victim);
            assertThat(real.read(victim, 1 << 20).orElseThrow().bytes()).isEqualTo(bytes);
            assertThat(r.message()).contains("put back 1");
            assertThat(r.bytesFreed()).isEqualTo(plan.candidateBytes() - bytes.length);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anotherHeldLockRefusesTheRunAndIsLeftAlone(Backend backend) throws Exception {
        try (ObjectStore store = cluster(backend, false)) {
            LockFile apply = LockFile.create("apply", Instant.now().minusSeconds(30), 4242);
            store.put(ClusterLayout.LOCK, apply.toBytes(), WriteCondition.IF_ABSENT);
            Map<String, String> before = Trees.fingerprint(store);
            GcPlan plan = plan(store);
            assertThat(plan.lockHolder().orElseThrow()).contains("apply").contains(apply.lockId());
            GcResult r = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            assertThat(r.outcome()).isEqualTo(GcResult.Outcome.REFUSED_LOCK_HELD);
            assertThat(r.message()).contains(apply.lockId());
            assertThat(r.deleted()).isEmpty();
            assertThat(Trees.fingerprint(store)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void approvalsAndSidecarsProtectWhatTheyMayNeed(Backend backend) throws Exception {
        try (ObjectStore store = cluster(backend, true)) { // the support graph has a pending schema_apply sidecar
            String supportOld = orphan(store, ClusterLayout.QUERY_RESOURCES + "support/open_tickets/", ".gq", "query old_tickets() {}\n");
            String approved = orphan(store, ClusterLayout.QUERY_RESOURCES + "knowledge/company_staff/", ".gq", "query staff_next() {}\n");
            ObjectNode approval = LedgerJson.tree(("{\"schema_version\":1,\"approval_id\":\"01M0000000000000000000APPR\","
                    + "\"resource\":\"query.knowledge.company_staff\",\"operation\":\"update\",\"reason\":\"test\","
                    + "\"bound_config_digest\":\"x\",\"bound_before_digest\":null,\"bound_after_digest\":\"" + digestOf(approved) + "\","
                    + "\"approved_by\":\"andrew\",\"created_at\":\"2026-08-18T10:00:00Z\",\"consumed_at\":null,"
                    + "\"consumed_by_operation\":null}").getBytes(UTF_8));
            CraftedCluster.put(store, ClusterLayout.APPROVALS + "01M0000000000000000000APPR.json", LedgerJson.bytes(approval));
            GcPlan plan = plan(store);
            assertThat(plan.kept()).anySatisfy(k -> {
                assertThat(k.key()).isEqualTo(supportOld);
                assertThat(k.reason()).contains("recovery sidecar").contains("support");
            });
            assertThat(plan.kept()).anySatisfy(k -> {
                assertThat(k.key()).isEqualTo(approved);
                assertThat(k.reason()).contains("pending approval 01M0000000000000000000APPR");
            });
            assertThat(plan.candidates()).extracting(GcCandidate::key).containsExactly(demoOrphan());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutALedgerOrWithAnUnreadableSidecarNothingIsCollected(Backend backend) throws Exception {
        try (ObjectStore store = cluster(backend, false)) {
            CraftedCluster.put(store, ClusterLayout.RECOVERIES + "01BROKEN.json", "{".getBytes(UTF_8));
            GcPlan plan = plan(store);
            assertThat(plan.blockers()).singleElement().asString().contains("cannot be parsed");
            GcResult r = CatalogGc.execute(store, plan, false, Progress.NONE);
            assertThat(r.outcome()).isEqualTo(GcResult.Outcome.REFUSED_BLOCKED);
            assertThat(store.stat(demoOrphan())).isPresent();
            assertThat(store.stat(ClusterLayout.LOCK)).isEmpty();
        }
        try (ObjectStore store = cluster(backend, false)) {
            store.deleteUnconditionally(ClusterLayout.STATE);
            GcPlan plan = plan(store);
            assertThat(plan.blockers()).singleElement().asString().contains("there is no ledger");
            assertThat(CatalogGc.execute(store, plan, false, Progress.NONE).outcome()).isEqualTo(GcResult.Outcome.REFUSED_BLOCKED);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theLedgerVanishingUnderTheLockStopsTheRunAndPutsEverythingBack(Backend backend) throws Exception {
        try (ObjectStore real = cluster(backend, false)) {
            String first = orphan(real, ClusterLayout.POLICY_RESOURCES + "base/", ".yaml", "aaa first\n");
            GcPlan plan = plan(real);
            InterjectingStore store = new InterjectingStore(real, first, s -> s.deleteUnconditionally(ClusterLayout.STATE));
            GcResult r = CatalogGc.execute(store, plan, backend == Backend.S3, Progress.NONE);
            assertThat(r.outcome()).isEqualTo(GcResult.Outcome.ABORTED);
            assertThat(r.message()).contains("there is no ledger");
            assertThat(real.stat(first)).isPresent(); // deleted, then put back because nothing can be proven any more
            assertThat(real.stat(demoOrphan())).isPresent(); // never attempted
            assertThat(real.stat(ClusterLayout.LOCK)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theCliIsADryRunUnlessToldAndConfirmed(Backend backend) throws Exception {
        try (ObjectStore store = cluster(backend, false)) {
            String rootArg = store.uri().display();
            List<String> common = backend == Backend.S3
                    ? List.of("--root", rootArg, "--endpoint", dev.omnigraph.console.testing.S3TestServer.settings().endpoint(), "--path-style", "true")
                    : List.of("--root", rootArg);
            withS3Keys(backend, () -> {
                Result dry = cli("", common, "catalog", "gc");
                assertThat(dry.code).as(dry.err).isZero();
                assertThat(dry.out).contains("1 to delete").contains(demoOrphan()).contains("Dry run: nothing was deleted");
                assertThat(store.stat(demoOrphan())).isPresent();

                Result wrong = cli("not-the-name\n", common, "catalog", "gc", "--delete");
                assertThat(wrong.code).isEqualTo(CliMain.FINDINGS);
                assertThat(wrong.err).contains("Type the cluster name").contains("Not confirmed");
                assertThat(store.stat(demoOrphan())).isPresent();

                String name = ClusterLocation.ofRoot(store.uri()).name();
                Result typed = cli(name + "\n", common, "catalog", "gc", "--delete");
                assertThat(typed.code).as(typed.out + typed.err).isZero();
                assertThat(typed.out).contains("deleted  " + demoOrphan());
                assertThat(store.stat(demoOrphan())).isEmpty();

                Result usage = cli("", common, "catalog", "gc", "--delete", "--json");
                assertThat(usage.code).isEqualTo(CliMain.USAGE);
                return null;
            });
        }
    }

    // ---- CLI plumbing ---------------------------------------------------------------------

    record Result(int code, String out, String err) {}

    private Result cli(String stdin, List<String> common, String... words) {
        List<String> argv = new java.util.ArrayList<>(List.of(words));
        argv.addAll(common);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliMain.run(argv.toArray(String[]::new), new CliContext(new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8), new BufferedReader(new StringReader(stdin)), Map.of("AWS_REGION", "us-east-1"), temp, false));
        return new Result(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    interface Body {
        Object run() throws Exception;
    }

    /** The CLI reads credentials from the default chain; the test server's keys go in as JVM properties for the call. */
    private static void withS3Keys(Backend backend, Body body) throws Exception {
        if (backend != Backend.S3) {
            body.run();
            return;
        }
        var s = dev.omnigraph.console.testing.S3TestServer.get();
        String k = System.getProperty("aws.accessKeyId");
        String v = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", s.accessKey());
        System.setProperty("aws.secretAccessKey", s.secretKey());
        try {
            body.run();
        } finally {
            restore("aws.accessKeyId", k);
            restore("aws.secretAccessKey", v);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @SuppressWarnings("unused")
    private static StoreUri unused() {
        return null;
    }
}
