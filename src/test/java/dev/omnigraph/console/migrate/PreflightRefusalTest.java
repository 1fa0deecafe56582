package dev.omnigraph.console.migrate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals before anything is copied: each says why, and leaves the source exactly as it was (lock included). */
class PreflightRefusalTest {
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

    private MigrationSession session(Endpoint source, Endpoint destination, Optional<String> takeOver) {
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(source.uri()), source.s3(), destination,
                CopySettings.withConcurrency(4), false, takeOver);
        return MigrationSession.open(request, new MigrationHome(temp.resolve("home")), MigrationListener.NONE);
    }

    private PreflightReport preflight(Endpoint source, Endpoint destination, boolean writersStopped) throws Exception {
        try (MigrationSession s = session(source, destination, Optional.empty())) {
            assertThat(s.checkDestination().ok()).isTrue();
            return s.preflight(writersStopped);
        }
    }

    private static CheckItem item(PreflightReport r, String name) {
        return r.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPendingRecoverySidecarIsRefusedAndTheLockReleased() throws Exception {
        Endpoint src = root(Backend.FILE, "sidecar");
        MigrationRoots.writeDemo(src, DemoOptions.small()); // carries a pending schema_apply sidecar
        Map<String, String> before = MigrationRoots.fingerprint(src);
        PreflightReport r = preflight(src, root(Backend.FILE, "sidecar-dst"), true);
        assertThat(r.ok()).isFalse();
        assertThat(item(r, "recovery sidecars").verdict()).isEqualTo(CheckItem.Verdict.REFUSE);
        assertThat(item(r, "recovery sidecars").details()).singleElement().asString().startsWith(ClusterLayout.RECOVERIES);
        assertThat(MigrationRoots.fingerprint(src)).isEqualTo(before); // lock taken and given back
    }

    @Test
    void aHeldLockIsRefusedNamingItsHolderAndLeftInPlace() throws Exception {
        Endpoint src = root(Backend.S3, "held");
        MigrationRoots.writeDemo(src, DemoOptions.quiet().withBulk(0, 0, 0, 0).withHeldLock(true));
        byte[] lock = MigrationRoots.read(src, ClusterLayout.LOCK);
        PreflightReport r = preflight(src, root(Backend.FILE, "held-dst"), true);
        assertThat(r.ok()).isFalse();
        String holder = LockFile.parse(lock).lockId();
        assertThat(item(r, "source lock").message()).contains(holder).contains("apply").contains("force-unlock " + holder);
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isEqualTo(lock);
    }

    @Test
    void aDestinationWithAnotherLedgerIsRefusedAndNothingIsWrittenThere() throws Exception {
        Endpoint src = root(Backend.FILE, "other-src");
        Endpoint dst = root(Backend.S3, "other-dst");
        MigrationRoots.writeDemo(src, DemoOptions.quiet().withBulk(0, 0, 0, 0));
        MigrationRoots.writeDemo(dst, DemoOptions.small().withRecoverySidecar(false));
        Map<String, String> destinationBefore = MigrationRoots.fingerprint(dst);
        try (MigrationSession s = session(src, dst, Optional.empty())) {
            DestinationCheck.Report r = s.checkDestination(); // read first: refused before any probe writes there
            assertThat(r.refusal().orElseThrow().name()).isEqualTo("destination ledger");
            assertThat(r.refusal().get().message()).contains("not the source's").contains("sha256:");
        }
        assertThat(MigrationRoots.fingerprint(dst)).isEqualTo(destinationBefore);
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isNull();
    }

    @Test
    void aDestinationThatIgnoresPreconditionsIsRefusedWithTheReason() throws Exception {
        Endpoint src = root(Backend.FILE, "lax-src");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        try (IgnoringPreconditionsServer lax = new IgnoringPreconditionsServer()) {
            Endpoint dst = new Endpoint(new StoreUri.S3("lax", "cluster"), lax.settings());
            try (MigrationSession s = session(src, dst, Optional.empty())) {
                DestinationCheck.Report report = s.checkDestination();
                assertThat(report.ok()).isFalse();
                assertThat(report.refusal().orElseThrow().message()).contains("create-only").contains("not enforced");
                assertThat(s.nextPhase()).isNull(); // the run ended here
            }
        }
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isNull();
    }

    @Test
    void unconfirmedWritersAndOverlappingRootsAreRefused() throws Exception {
        Endpoint src = root(Backend.FILE, "writers");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        PreflightReport r = preflight(src, root(Backend.FILE, "writers-dst"), false);
        assertThat(item(r, "graph writers").verdict()).isEqualTo(CheckItem.Verdict.REFUSE);
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isNull();

        Endpoint inside = Endpoint.local(((StoreUri.Local) src.uri()).root().resolve("graphs/copy"));
        try (MigrationSession s = session(src, inside, Optional.empty())) {
            DestinationCheck.Report report = s.checkDestination();
            assertThat(report.refusal().orElseThrow().message()).contains("inside the source root");
        }
    }

    @Test
    void aLockLeftByAnInterruptedMigrationCanBeTakenOverByItsExactIdOnly() throws Exception {
        Endpoint src = root(Backend.FILE, "takeover");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        LockFile left = LockFile.create(SourceLock.OPERATION, Instant.now().minusSeconds(600), 4242);
        try (ObjectStore s = src.open()) {
            s.put(ClusterLayout.LOCK, left.toBytes(), WriteCondition.IF_ABSENT);
        }
        Endpoint dst = root(Backend.FILE, "takeover-dst");
        PreflightReport plain = preflight(src, dst, true);
        assertThat(item(plain, "source lock").message()).contains("--take-over-lock " + left.lockId());

        try (MigrationSession s = session(src, dst, Optional.of("01WRONGWRONGWRONGWRONGWRONG"))) {
            s.checkDestination();
            assertThat(item(s.preflight(true), "source lock").verdict()).isEqualTo(CheckItem.Verdict.REFUSE);
        }
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isEqualTo(left.toBytes());
        try (MigrationSession s = session(src, dst, Optional.of(left.lockId()))) {
            s.checkDestination();
            PreflightReport r = s.preflight(true);
            assertThat(r.ok()).isTrue();
            assertThat(r.lock().orElseThrow().lockId()).isEqualTo(left.lockId());
        }
        // closing the session mid-way released the lock it took over
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isNull();
        assertThat(new String(left.toBytes(), UTF_8)).contains("migrate-storage");
    }
}
