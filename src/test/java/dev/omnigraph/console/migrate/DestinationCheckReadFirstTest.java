package dev.omnigraph.console.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.S3TestServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The destination check reads before it probes: another cluster's ledger, a lock or an
 * unreadable source is answered without a single write at the destination; an unreachable
 * endpoint or wrong keys say conditional writes "could not be tested"; a refused run leaves no
 * empty destination folder.
 */
class DestinationCheckReadFirstTest {
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

    /** The real store, with the names of the writing calls made through it recorded. */
    private static ObjectStore recording(ObjectStore real, List<String> writes) {
        return (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (p, m, args) -> {
            if (m.getName().startsWith("put") || m.getName().startsWith("delete") || m.getName().startsWith("copy")) {
                writes.add(m.getName() + " " + args[0]);
            }
            try {
                return m.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void aDestinationHoldingAnotherClustersLedgerIsRefusedBeforeAnyWrite() throws Exception {
        Endpoint src = root(Backend.FILE, "rf-src");
        Endpoint dst = root(Backend.S3, "rf-dst");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        try (ObjectStore d = dst.open()) {
            d.put(ClusterLayout.STATE, "{\"other\":true}".getBytes(), WriteCondition.IF_ABSENT);
        }
        List<String> writes = Collections.synchronizedList(new ArrayList<>());
        try (ObjectStore s = src.open(); ObjectStore d = dst.open()) {
            DestinationCheck.Report r = DestinationCheck.run(src, s, dst, recording(d, writes));
            assertThat(r.ok()).isFalse();
            assertThat(r.refusal().orElseThrow().message()).contains("not the source's").contains("nothing was written");
            assertThat(r.probe()).isEmpty();
        }
        assertThat(writes).isEmpty();
    }

    @Test
    void aDestinationWithALockOrExactlyTheSourceLedgerIsNotProbed() throws Exception {
        Endpoint src = root(Backend.FILE, "rf2-src");
        Endpoint dst = root(Backend.S3, "rf2-dst");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        List<String> writes = Collections.synchronizedList(new ArrayList<>());
        try (ObjectStore s = src.open(); ObjectStore d = dst.open()) {
            d.put(ClusterLayout.LOCK, "{}".getBytes(), WriteCondition.IF_ABSENT);
            DestinationCheck.Report locked = DestinationCheck.run(src, s, dst, recording(d, writes));
            assertThat(locked.refusal().orElseThrow().name()).isEqualTo("destination lock");
            d.deleteUnconditionally(ClusterLayout.LOCK);
            d.put(ClusterLayout.STATE, MigrationRoots.read(src, ClusterLayout.STATE), WriteCondition.IF_ABSENT);
            DestinationCheck.Report done = DestinationCheck.run(src, s, dst, recording(d, writes));
            assertThat(done.ok()).isTrue();
            assertThat(done.items()).anySatisfy(i -> assertThat(i.verdict()).isEqualTo(CheckItem.Verdict.DONE));
            assertThat(done.probe()).isEmpty();
        }
        assertThat(writes).isEmpty();
    }

    @Test
    void anUnreachableEndpointSaysConditionalWritesCouldNotBeTested() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        S3Settings nowhere = S3TestServer.settings().withEndpoint("http://127.0.0.1:" + closedPort).withMaxAttempts(1)
                .withConnectTimeout(Duration.ofSeconds(2));
        assertCouldNotBeTested(new Endpoint(new StoreUri.S3("nowhere", "cluster"), nowhere));
    }

    @Test
    void wrongKeysSayConditionalWritesCouldNotBeTested() throws Exception {
        StoreUri.S3 bucket = S3TestServer.newRoot("wrong-keys", "cluster");
        S3Settings wrong = S3TestServer.settings().withKeys(new S3Settings.StaticKeys("AKIAWRONGWRONG", "not-the-secret", null))
                .withMaxAttempts(1);
        assertCouldNotBeTested(new Endpoint(bucket, wrong));
    }

    private void assertCouldNotBeTested(Endpoint dst) throws Exception {
        Endpoint src = root(Backend.FILE, "unreach-src");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        try (ObjectStore s = src.open(); ObjectStore d = dst.open()) {
            DestinationCheck.Report r = DestinationCheck.run(src, s, dst, d);
            assertThat(r.ok()).isFalse();
            assertThat(r.refusal().orElseThrow().message()).contains("could not be tested");
            assertThat(r.items()).allSatisfy(i -> assertThat(i.message()).doesNotContain("not enforced"));
        }
    }

    @Test
    void aRunRefusedForBadSourceCredentialsLeavesNoDestinationFolder() throws Exception {
        StoreUri.S3 sourceRoot = S3TestServer.newRoot("bad-src", "cluster");
        S3Settings wrong = S3TestServer.settings().withKeys(new S3Settings.StaticKeys("AKIAWRONGWRONG", "not-the-secret", null))
                .withMaxAttempts(1);
        Path dstFolder = temp.resolve("fresh/dst");
        Endpoint dst = Endpoint.local(dstFolder);
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(sourceRoot), wrong, dst, CopySettings.withConcurrency(2), false,
                Optional.empty());
        try (MigrationSession s = MigrationSession.open(request, new MigrationHome(temp.resolve("home")), MigrationListener.NONE)) {
            DestinationCheck.Report r = s.checkDestination();
            assertThat(r.ok()).isFalse();
            assertThat(r.refusal().orElseThrow().message()).contains("source cannot be read");
        }
        assertThat(Files.exists(temp.resolve("fresh"))).isFalse();
    }

    @Test
    void aRunRefusedAtPreflightRemovesTheEmptyFoldersTheProbeLeft() throws Exception {
        Endpoint src = root(Backend.FILE, "pf-src");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        Path dstFolder = temp.resolve("new-parent/dst");
        Endpoint dst = Endpoint.local(dstFolder);
        MigrationRequest request = new MigrationRequest(ClusterLocation.ofRoot(src.uri()), null, dst, CopySettings.withConcurrency(2), false,
                Optional.empty());
        try (MigrationSession s = MigrationSession.open(request, new MigrationHome(temp.resolve("home")), MigrationListener.NONE)) {
            assertThat(s.checkDestination().ok()).isTrue();
            assertThat(Files.isDirectory(dstFolder)).isTrue(); // the probe's scratch folder
            assertThat(s.preflight(false).ok()).isFalse(); // writers not confirmed
        }
        assertThat(Files.exists(temp.resolve("new-parent"))).isFalse();
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isNull();
    }
}
