package dev.omnigraph.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoClusterGenerator;
import dev.omnigraph.console.demo.DemoOptions;
import dev.omnigraph.console.migrate.Confirmation;
import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.CopyResult;
import dev.omnigraph.console.migrate.CopySettings;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.MigrationListener;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.VerifyReport;
import dev.omnigraph.console.s3server.LocalS3Server;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.options.CreateContainerOptions;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The destination's S3 server restarts in the middle of the copy and comes back empty (an
 * in-memory server: stopped, and a fresh one started on the same port with the same keys). The
 * copy rides through the outage with its retries; the verify that follows catches every object
 * the restart lost — exactly as many as were on the old server and not written again to the new
 * one — and blocks cutover; a re-run copies them again and completes byte-identical.
 */
class ServerRestartTest {
    private static final String BUCKET = "restarted";

    @TempDir
    Path temp;

    private LocalS3Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void objectsLostToARestartAreAllCaughtByVerifyAndARerunCompletes() throws Exception {
        BlobStore first = new TransientNio2BlobStore();
        first.createContainer(BUCKET, CreateContainerOptions.NONE);
        server = LocalS3Server.start(first, 0, "OGCRESTART0000000001", "restart-secret-0123456789abcdef");
        int port = server.port();
        StoreUri.S3 root = new StoreUri.S3(BUCKET, "clusters/restart");
        S3Settings s3 = new S3Settings(server.endpoint(), "us-east-1", true, null,
                new S3Settings.StaticKeys(server.accessKey(), server.secretKey(), null), true, 32, Duration.ofSeconds(2), 3)
                .withReadTimeout(Duration.ofSeconds(2));

        Path sourceDir = Files.createDirectories(temp.resolve("source"));
        try (ObjectStore src = new FileObjectStore(new StoreUri.Local(sourceDir))) {
            DemoClusterGenerator.write(src, new DemoOptions("restart", false, false, Duration.ZERO, 0, 0, 0, 0, 0, 13), Progress.NONE);
        }
        Map<String, String> tree;
        try (ObjectStore src = new FileObjectStore(new StoreUri.Local(sourceDir))) {
            tree = Trees.fingerprint(src);
        }
        Endpoint source = Endpoint.local(sourceDir);
        Endpoint destination = new Endpoint(root, s3);
        MigrationHome home = new MigrationHome(temp.resolve("home"));
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(source.uri()), null, destination,
                CopySettings.withConcurrency(4).withAttempts(8, Duration.ofMillis(100)), false, Optional.empty());

        AtomicReference<BlobStore> fresh = new AtomicReference<>();
        AtomicReference<Exception> restartFailure = new AtomicReference<>();
        AtomicBoolean restarted = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong outageMillis = new java.util.concurrent.atomic.AtomicLong();
        CopyControl control = new CopyControl();
        MigrationListener restartMidCopy = e -> {
            if (e instanceof MigrationEvent.Progress p && p.snapshot().phase() == MigrationPhase.COPY
                    && p.snapshot().objectsDone() >= 60 && restarted.compareAndSet(false, true)) {
                long started = System.nanoTime();
                try {
                    server.close();
                    BlobStore empty = new TransientNio2BlobStore();
                    empty.createContainer(BUCKET, CreateContainerOptions.NONE); // the bucket survives, its objects do not
                    fresh.set(empty);
                    server = LocalS3Server.start(empty, port, "OGCRESTART0000000001", "restart-secret-0123456789abcdef");
                    outageMillis.set((System.nanoTime() - started) / 1_000_000);
                } catch (Exception ex) {
                    restartFailure.set(ex);
                }
            }
        };

        VerifyReport verify;
        long copiedFirst;
        try (MigrationSession session = MigrationSession.open(request, home, restartMidCopy)) {
            assertThat(session.checkDestination().ok()).isTrue();
            assertThat(session.preflight(true).ok()).isTrue();
            MigrationPlan plan = session.plan(Progress.NONE);
            CopyResult copy = session.copy(control);
            assertThat(restartFailure.get()).isNull();
            assertThat(restarted).as("the server restarted during the copy").isTrue();
            assertThat(copy.ok()).as("the copy rode through the outage: " + copy.failures()).isTrue();
            copiedFirst = copy.copied();
            verify = session.verify(new CopyControl());

            long lost = tree.keySet().stream().filter(k -> !k.equals(ClusterLayout.STATE) && !k.equals(ClusterLayout.LOCK))
                    .filter(k -> first.blobExists(BUCKET, root.objectKey(k)) && !fresh.get().blobExists(BUCKET, root.objectKey(k))).count();
            assertThat(lost).as("the restart lost objects").isPositive();
            assertThat(verify.ok()).isFalse();
            assertThat(verify.mismatches()).as("verify catches every lost object, and nothing else").isEqualTo(lost);
            assertThat(verify.problems()).allSatisfy(p -> assertThat(p).contains("missing at the destination"));
            assertThat(plan.copy().objects()).isEqualTo(tree.size() - 1); // everything but the ledger
            ReliabilityFigures.line("restart: objects=" + plan.copy().objects() + " copied-before-and-after-the-restart=" + copiedFirst
                    + " outage-ms=" + outageMillis.get() + " lost-by-the-restart=" + lost + " caught-by-verify=" + verify.mismatches());
        }
        try (ObjectStore src = new FileObjectStore(new StoreUri.Local(sourceDir))) {
            assertThat(Trees.fingerprint(src)).as("the source is untouched, its lock released").isEqualTo(withoutLock(tree));
        }

        try (MigrationSession again = MigrationSession.open(request, home, MigrationListener.NONE)) {
            assertThat(again.checkDestination().ok()).isTrue();
            assertThat(again.preflight(true).ok()).isTrue();
            MigrationPlan plan = again.plan(Progress.NONE);
            assertThat(plan.copy().objects()).as("the re-run copies exactly the lost objects").isEqualTo(verify.mismatches());
            assertThat(again.copy(new CopyControl()).ok()).isTrue();
            VerifyReport second = again.verify(new CopyControl());
            assertThat(second.ok()).as(String.valueOf(second.problems())).isTrue();
            assertThat(again.cutover(Confirmation.givenUpFront()).authoritative()).isTrue();
        }
        try (ObjectStore dst = new S3ObjectStore(root, s3)) {
            assertThat(Trees.fingerprint(dst)).as("byte-identical after the re-run").isEqualTo(withoutLock(tree));
        }
    }

    private static Map<String, String> withoutLock(Map<String, String> tree) {
        Map<String, String> out = new TreeMap<>(tree);
        out.remove(ClusterLayout.LOCK);
        return out;
    }
}
