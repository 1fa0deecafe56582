package dev.omnigraph.console.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole migrations in every direction: byte-identical trees, the source's exact ledger at the destination, the source untouched. */
class MigrationRoundTripTest {
    @TempDir
    Path temp;

    private final List<Endpoint> used = new ArrayList<>();

    enum Direction {
        FILE_TO_S3(Backend.FILE, Backend.S3, false),
        S3_TO_FILE(Backend.S3, Backend.FILE, true),
        S3_TO_S3(Backend.S3, Backend.S3, true),
        FILE_TO_FILE(Backend.FILE, Backend.FILE, false);

        final Backend from;
        final Backend to;
        final boolean deep;

        Direction(Backend from, Backend to, boolean deep) {
            this.from = from;
            this.to = to;
            this.deep = deep;
        }
    }

    @AfterEach
    void freeServerMemory() {
        used.forEach(MigrationRoots::discard);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void migratesByteForByteAndLeavesTheSourceAsItWas(Direction direction) throws Exception {
        Endpoint source = track(MigrationRoots.endpoint(direction.from, temp, "src"));
        Endpoint destination = track(MigrationRoots.endpoint(direction.to, temp, "dst"));
        MigrationRoots.writeDemo(source, MigrationRoots.quietWithMultipart());
        Map<String, String> before = MigrationRoots.fingerprint(source);
        byte[] ledger = MigrationRoots.read(source, ClusterLayout.STATE);
        MigrationHome home = new MigrationHome(temp.resolve("home"));
        List<MigrationEvent> events = Collections.synchronizedList(new ArrayList<>());

        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(source.uri()), source.s3(), destination,
                CopySettings.withConcurrency(8), direction.deep, Optional.empty());
        FinishResult finish;
        try (MigrationSession session = MigrationSession.open(request, home, events::add)) {
            DestinationCheck.Report checked = session.checkDestination();
            assertThat(checked.ok()).isTrue();
            PreflightReport preflight = session.preflight(true);
            assertThat(preflight.ok()).as(preflight.items().toString()).isTrue();
            assertThat(new String(MigrationRoots.read(source, ClusterLayout.LOCK))).contains("\"operation\": \"migrate-storage\"");
            assertThat(preflight.pendingApprovals()).hasSize(1); // the demo's pending approval goes stale: warned, not refused

            MigrationPlan plan = session.plan(Progress.NONE);
            assertThat(plan.ok()).isTrue();
            assertThat(plan.copy().objects()).isEqualTo(before.size() - 1); // everything but the ledger
            assertThat(plan.identical().objects()).isZero();
            // s3proxy does not prove conditional copies: on one endpoint new objects are still copied server-side, each checked
            // by the ETag its copy returns and by verify's listing (ServerSideCopyReadBackTest); elsewhere streamed
            assertThat(checked.serverSideCopy()).isFalse();
            assertThat(plan.serverSide()).isEqualTo(direction == Direction.S3_TO_S3);
            assertThat(plan.copyPreconditionsProven()).isFalse();
            assertThat(checked.items()).extracting(CheckItem::name).contains(direction == Direction.S3_TO_S3 ? "server-side copy" : "list");

            CopyResult copy = session.copy(new CopyControl());
            assertThat(copy.ok()).as(copy.failures().toString()).isTrue();
            assertThat(copy.copied()).isEqualTo(plan.copy().objects());
            assertThat(copy.serverSide()).isEqualTo(direction == Direction.S3_TO_S3 ? plan.copy().objects() : 0);

            VerifyReport verify = session.verify(new CopyControl());
            assertThat(verify.ok()).as(verify.problems().toString()).isTrue();
            assertThat(verify.checked()).isEqualTo(plan.sourceObjects().objects());
            assertThat(verify.deep()).isEqualTo(direction.deep);

            CutoverResult cutover = session.cutover(Confirmation.typed(session.confirmationWord()));
            assertThat(cutover.status()).isEqualTo(CutoverResult.Status.AUTHORITATIVE);
            finish = session.finish(temp);
        }

        assertThat(MigrationRoots.fingerprint(destination)).isEqualTo(MigrationRoots.withoutLock(before));
        assertThat(MigrationRoots.read(destination, ClusterLayout.STATE)).isEqualTo(ledger);
        assertThat(MigrationRoots.fingerprint(source)).isEqualTo(before); // unchanged, and the lock is gone again
        assertThat(MigrationRoots.read(source, ClusterLayout.LOCK)).isNull();

        assertThat(MigrationReports.list(home)).contains(finish.report());
        assertThat(MigrationReports.markdown(MigrationReports.load(finish.report()))).contains("succeeded").contains(destination.display());
        MigrationReport saved = MigrationReports.load(finish.report());
        assertThat(saved.outcome()).isEqualTo("succeeded");
        assertThat(saved.checksums().destinationLedgerCas()).isEqualTo(saved.checksums().sourceLedgerCas()).startsWith("sha256:");
        assertThat(saved.counts().copied()).isEqualTo(before.size() - 1);
        assertThat(finish.storageLine()).isEqualTo("storage: " + destination.display());
        assertThat(events).filteredOn(e -> e instanceof MigrationEvent.PhaseStarted).extracting(e -> ((MigrationEvent.PhaseStarted) e).phase())
                .containsExactly(MigrationPhase.values());
        assertThat(events).filteredOn(e -> e instanceof MigrationEvent.Progress p && p.snapshot().phase() == MigrationPhase.COPY)
                .last().satisfies(e -> {
                    ProgressSnapshot s = ((MigrationEvent.Progress) e).snapshot();
                    assertThat(s.objectsDone()).isEqualTo(s.objectsTotal());
                    assertThat(s.bytesDone()).isEqualTo(s.bytesTotal());
                });

        // a second run finds the work done and says so, taking nothing
        try (MigrationSession again = MigrationSession.open(request, home, MigrationListener.NONE)) {
            assertThat(again.checkDestination().ok()).isTrue();
            PreflightReport p = again.preflight(true);
            assertThat(p.alreadyDone()).isTrue();
        }
        assertThat(MigrationRoots.read(source, ClusterLayout.LOCK)).isNull();
    }

    private Endpoint track(Endpoint e) {
        used.add(e);
        return e;
    }
}
