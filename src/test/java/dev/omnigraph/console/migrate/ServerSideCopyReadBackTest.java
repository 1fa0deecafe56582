package dev.omnigraph.console.migrate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.CheckedCopy;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.ForwardingStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 → S3 on one endpoint whose copies do not honour preconditions (the loopback server): new
 * objects are still copied server-side, each checked by the ETag its copy returns and by verify's
 * listing; objects to replace are streamed with If-Match; a copy that comes out different fails
 * the object; ETag parity is reported per direction.
 */
class ServerSideCopyReadBackTest {
    private static final CopySettings FAST = CopySettings.withConcurrency(8).withAttempts(3, Duration.ofMillis(5));

    @TempDir
    Path temp;

    private final List<Endpoint> used = new ArrayList<>();

    @AfterEach
    void free() {
        used.forEach(MigrationRoots::discard);
    }

    private Endpoint root(Backend backend, String hint) {
        Endpoint e = MigrationRoots.endpoint(backend, temp, hint);
        used.add(e);
        return e;
    }

    private record Run(MigrationPlan plan, CopyResult copy, VerifyReport verify) {}

    /** Plans with copy preconditions not proven (what the destination check finds on this server), copies, verifies. */
    private Run migrate(ObjectStore src, Endpoint srcEp, ObjectStore dst, Endpoint dstEp) throws Exception {
        try (CopyJournal j = CopyJournal.open(temp.resolve("journal-" + System.nanoTime()))) {
            MigrationPlan plan = new Planner(src, srcEp, dst, dstEp, j, FAST.concurrency(), false).plan(Progress.NONE);
            try (PlanSpool ignored = plan.spool()) {
                CopyResult copy = new CopyPhase(src, srcEp, dst, dstEp, j, FAST, new CopyControl(), MigrationListener.NONE).run(plan);
                VerifyReport verify = new Verifier(src, srcEp, dst, dstEp, j, FAST, new CopyControl(), MigrationListener.NONE)
                        .run(plan.sourceObjects(), false);
                return new Run(plan, copy, verify);
            }
        }
    }

    @Test
    void newObjectsAreCopiedServerSideAndReplacementsAreStreamed() throws Exception {
        Endpoint srcEp = root(Backend.S3, "rb-src");
        Endpoint dstEp = root(Backend.S3, "rb-dst");
        MigrationRoots.writeDemo(srcEp, MigrationRoots.manySmall(30));
        String replaced;
        try (ObjectStore src = srcEp.open(); ObjectStore dst = dstEp.open()) {
            replaced = src.list("graphs/").filter(o -> o.key().endsWith(".lance")).findFirst().orElseThrow().key();
            dst.put(replaced, "an older attempt's bytes".getBytes(UTF_8), WriteCondition.IF_ABSENT);

            Run run = migrate(src, srcEp, dst, dstEp);

            assertThat(run.plan().serverSide()).isTrue();
            assertThat(run.plan().copyPreconditionsProven()).isFalse();
            assertThat(run.plan().overwrite().objects()).isEqualTo(1);
            assertThat(run.copy().ok()).isTrue();
            assertThat(run.copy().serverSide()).isEqualTo(run.plan().copy().objects());
            assertThat(run.copy().serverSideReadBack()).isEqualTo(run.plan().copy().objects());
            assertThat(run.copy().copied()).isEqualTo(run.plan().copy().objects() + 1); // + the streamed replacement
            assertThat(run.verify().ok()).isTrue();
            assertThat(run.verify().etags().applicable()).isTrue();
            assertThat(run.verify().etags().kept()).isTrue();
            assertThat(run.verify().etags().same()).isEqualTo(run.verify().checked());
        }
        assertThat(MigrationRoots.withoutLedger(MigrationRoots.fingerprint(dstEp)))
                .isEqualTo(MigrationRoots.withoutLedger(MigrationRoots.fingerprint(srcEp)));
    }

    @Test
    void aCopyThatComesOutDifferentFailsTheObjectAndVerifyRefusesCutover() throws Exception {
        Endpoint srcEp = root(Backend.S3, "rb-bad-src");
        Endpoint dstEp = root(Backend.S3, "rb-bad-dst");
        MigrationRoots.writeDemo(srcEp, MigrationRoots.manySmall(10));
        AtomicInteger spoiled = new AtomicInteger();
        try (ObjectStore src = srcEp.open(); ObjectStore real = dstEp.open()) {
            String victim = src.list("graphs/").filter(o -> o.key().endsWith(".lance")).findFirst().orElseThrow().key();
            ObjectStore dst = new ForwardingStore(real) {
                @Override
                public Optional<CheckedCopy> copyChecked(ObjectStore source, ObjectInfo info, String key) throws StorageException {
                    if (key.equals(victim)) {
                        spoiled.incrementAndGet();
                        real.put(key, "not the source".getBytes(UTF_8), WriteCondition.IF_ABSENT); // what a faulty server might leave
                        return Optional.of(new CheckedCopy.Mismatch(key + ": the server reports another ETag"));
                    }
                    return real.copyChecked(source, info, key);
                }
            };

            Run run = migrate(src, srcEp, dst, dstEp);

            assertThat(spoiled).hasValue(1);
            assertThat(run.copy().ok()).isFalse();
            assertThat(run.copy().failed()).isEqualTo(1);
            assertThat(run.copy().failures()).anySatisfy(f -> assertThat(f).contains(victim).contains("another ETag"));
            assertThat(run.verify().ok()).isFalse();
            assertThat(run.verify().problems()).anySatisfy(p -> assertThat(p).startsWith(victim));
            assertThat(run.verify().etags().differing()).isEqualTo(1);
        }
    }

    @Test
    void aFolderDirectionSaysEtagParityDoesNotApply() throws Exception {
        Endpoint srcEp = root(Backend.FILE, "rb-folder-src");
        Endpoint dstEp = root(Backend.S3, "rb-folder-dst");
        MigrationRoots.writeDemo(srcEp, MigrationRoots.manySmall(5));
        try (ObjectStore src = srcEp.open(); ObjectStore dst = dstEp.open()) {
            Run run = migrate(src, srcEp, dst, dstEp);
            assertThat(run.plan().serverSide()).isFalse();
            assertThat(run.copy().serverSide()).isZero();
            assertThat(run.verify().ok()).isTrue();
            assertThat(run.verify().etags().applicable()).isFalse();
            assertThat(run.verify().etags().describe()).contains("not applicable").contains("folder");
        }
    }
}
