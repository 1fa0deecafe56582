package dev.omnigraph.console.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.migrate.lance.LanceDatasets;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations of a v0.13 root (ledger v2, a {@code serve} lock, Lance graph data): folder → S3 →
 * folder byte-identical; the serve lock taken over by its exact id only; the source left locked as
 * {@code migrated}, refused by the next acquisition, with the undo in the report.
 */
class V013MigrationTest {
    @TempDir
    Path temp;

    private final List<Endpoint> used = new ArrayList<>();

    @AfterEach
    void free() {
        used.forEach(MigrationRoots::discard);
    }

    private Endpoint track(Endpoint e) {
        used.add(e);
        return e;
    }

    private MigrationSession session(Endpoint source, Endpoint destination, Optional<String> takeOver) {
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(source.uri()), source.s3(), destination,
                CopySettings.withConcurrency(4), true, takeOver);
        return MigrationSession.open(request, new MigrationHome(temp.resolve("home")), MigrationListener.NONE);
    }

    /** Runs every phase; returns the saved report. */
    private MigrationReport migrate(Endpoint source, Endpoint destination, Optional<String> takeOver) throws Exception {
        try (MigrationSession s = session(source, destination, takeOver)) {
            assertThat(s.checkDestination().ok()).isTrue();
            PreflightReport p = s.preflight(true);
            assertThat(p.ok()).as(p.items().toString()).isTrue();
            assertThat(s.plan(Progress.NONE).ok()).isTrue();
            assertThat(s.copy(new CopyControl()).ok()).isTrue();
            assertThat(s.verify(new CopyControl()).ok()).isTrue();
            CutoverResult cutover = s.cutover(Confirmation.typed(s.confirmationWord()));
            assertThat(cutover.status()).isEqualTo(CutoverResult.Status.AUTHORITATIVE);
            assertThat(cutover.sourceLock()).hasValueSatisfying(l -> assertThat(l.lockId()).isPresent());
            return MigrationReports.load(s.finish(temp).report());
        }
    }

    private static LockFile lockAt(Endpoint e) throws Exception {
        return LockFile.parse(MigrationRoots.read(e, ClusterLayout.LOCK));
    }

    @Test
    void roundTripFolderToS3AndBackIsByteIdenticalAndLeavesEachSourceLockedAsMigrated() throws Exception {
        Endpoint folder = track(V013Roots.endpoint(Backend.FILE, temp, "v013"));
        Endpoint s3 = track(MigrationRoots.endpoint(Backend.S3, temp, "v013-s3"));
        Endpoint back = track(MigrationRoots.endpoint(Backend.FILE, temp, "v013-back"));
        Map<String, String> original = MigrationRoots.withoutLock(MigrationRoots.fingerprint(folder));

        MigrationReport first = migrate(folder, s3, Optional.of(V013Roots.SERVE_LOCK_ID));
        assertThat(MigrationRoots.fingerprint(s3)).isEqualTo(original); // no lock copied
        LockFile left = lockAt(folder);
        assertThat(left.operation()).isEqualTo("migrated");
        assertThat(first.sourceLock().lockId()).isEqualTo(left.lockId());
        assertThat(first.sourceLock().undo()).contains("force-unlock " + left.lockId());
        assertThat(MigrationReports.markdown(first)).contains("migrated").contains(left.lockId());
        try (ObjectStore source = folder.open()) {
            assertThat(new LockService(source, false).acquire("serve")).isInstanceOf(LockService.Acquired.HeldByOther.class);
        }
        assertThat(MigrationRoots.withoutLock(MigrationRoots.fingerprint(folder))).isEqualTo(original); // data untouched

        migrate(s3, back, Optional.empty()); // the copy carries no lock: nothing to take over
        assertThat(MigrationRoots.fingerprint(back)).isEqualTo(original);
        assertThat(lockAt(s3).operation()).isEqualTo("migrated");
        assertThat(LanceDatasets.countRowsByScan(V013Roots.path(back).resolve("graphs/knowledge.omni/nodes/Person"))).isEqualTo(12);
    }

    @Test
    void aServeLockIsRefusedWithoutItsIdAndWithAWrongIdAndLeftExactlyAsItWas() throws Exception {
        Endpoint src = track(V013Roots.endpoint(Backend.S3, temp, "serve"));
        Endpoint dst = track(MigrationRoots.endpoint(Backend.FILE, temp, "serve-dst"));
        Map<String, String> before = MigrationRoots.fingerprint(src);

        CheckItem noId = refusal(src, dst, Optional.empty(), true);
        assertThat(noId.message()).contains("serve").contains(V013Roots.SERVE_LOCK_ID)
                .contains("--take-over-lock " + V013Roots.SERVE_LOCK_ID + " --writers-stopped");
        String wrong = V013Roots.SERVE_LOCK_ID.substring(0, 25) + (V013Roots.SERVE_LOCK_ID.endsWith("A") ? "B" : "A");
        assertThat(refusal(src, dst, Optional.of(wrong), true).message()).contains("cannot take over lock " + wrong)
                .contains(V013Roots.SERVE_LOCK_ID);
        assertThat(refusal(src, dst, Optional.of(V013Roots.SERVE_LOCK_ID), false).message()).contains("--writers-stopped");

        assertThat(MigrationRoots.fingerprint(src)).isEqualTo(before);
        assertThat(MigrationRoots.fingerprint(dst)).isEmpty();
    }

    @Test
    void aTakenOverServeLockIsPutBackExactlyWhenPreflightRefuses() throws Exception {
        Endpoint src = track(V013Roots.endpoint(Backend.FILE, temp, "putback"));
        Endpoint dst = track(MigrationRoots.endpoint(Backend.S3, temp, "putback-dst"));
        LanceDatasets.shallowClone(V013Roots.path(src).resolve("graphs/knowledge.omni/nodes/Person"),
                V013Roots.path(src).resolve("graphs/knowledge.omni/nodes/Clone"));
        Map<String, String> before = MigrationRoots.fingerprint(src);
        try (MigrationSession s = session(src, dst, Optional.of(V013Roots.SERVE_LOCK_ID))) {
            assertThat(s.checkDestination().ok()).isTrue();
            PreflightReport p = s.preflight(true);
            assertThat(p.items()).filteredOn(i -> i.name().equals("source lock")).singleElement()
                    .satisfies(i -> assertThat(i.message()).contains("took over serve lock " + V013Roots.SERVE_LOCK_ID));
            assertThat(p.refusals()).extracting(CheckItem::name).containsExactly("graph data");
        }
        assertThat(MigrationRoots.fingerprint(src)).isEqualTo(before); // the serve lock is back, byte for byte
        assertThat(MigrationRoots.fingerprint(dst)).isEmpty();
    }

    private CheckItem refusal(Endpoint src, Endpoint dst, Optional<String> takeOver, boolean writersStopped) throws Exception {
        try (MigrationSession s = session(src, dst, takeOver)) {
            assertThat(s.checkDestination().ok()).isTrue();
            PreflightReport p = s.preflight(writersStopped);
            assertThat(p.ok()).isFalse();
            return p.refusals().stream().filter(i -> i.name().equals("source lock")).findFirst().orElseThrow();
        }
    }
}
