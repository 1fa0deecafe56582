package dev.omnigraph.console.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.migrate.lance.LanceDatasets;
import dev.omnigraph.console.storage.StoreUri;
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
 * Migrations of roots holding real Lance datasets (written by lance-core): a plain dataset is
 * copied and opens at the destination with its rows after the source is gone; a shallow clone or
 * a branched dataset is refused by preflight, naming graph and dataset, with nothing written at
 * the destination and the source as it was.
 */
class LancePortabilityMigrationTest {
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

    private static Path folder(Endpoint e) {
        return ((StoreUri.Local) e.uri()).root();
    }

    private MigrationRequest request(Endpoint source, Endpoint destination) {
        return new MigrationRequest(ClusterLocation.ofRoot(source.uri()), source.s3(), destination, CopySettings.withConcurrency(4), true,
                Optional.empty());
    }

    @Test
    void aPlainDatasetIsCopiedAndOpensAtTheDestinationWithoutTheSource() throws Exception {
        Endpoint src = root(Backend.FILE, "lance-src");
        Endpoint dst = root(Backend.FILE, "lance-dst");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        LanceDatasets.plain(folder(src).resolve("graphs/people.omni/nodes/Person"), 25);
        MigrationHome home = new MigrationHome(temp.resolve("home"));
        try (MigrationSession s = MigrationSession.open(request(src, dst), home, MigrationListener.NONE)) {
            assertThat(s.checkDestination().ok()).isTrue();
            PreflightReport p = s.preflight(true);
            assertThat(p.ok()).as(p.items().toString()).isTrue();
            assertThat(p.items()).filteredOn(i -> i.name().equals("graph data")).singleElement()
                    .satisfies(i -> assertThat(i.message()).contains("Lance dataset(s)"));
            assertThat(s.plan(Progress.NONE).ok()).isTrue();
            assertThat(s.copy(new CopyControl()).ok()).isTrue();
            assertThat(s.verify(new CopyControl()).ok()).isTrue();
            assertThat(s.cutover(Confirmation.typed(s.confirmationWord())).authoritative()).isTrue();
        }
        Path copied = folder(dst).resolve("graphs/people.omni/nodes/Person");
        deleteRecursively(folder(src).resolve("graphs/people.omni/nodes/Person"));
        assertThat(LanceDatasets.countRowsByScan(copied)).isEqualTo(25);
    }

    @Test
    void aShallowCloneIsRefusedNamingGraphAndDatasetAndNothingIsWritten() throws Exception {
        Endpoint src = root(Backend.FILE, "clone-src");
        Endpoint dst = root(Backend.S3, "clone-dst");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        Path graph = folder(src).resolve("graphs/people.omni");
        LanceDatasets.plain(graph.resolve("nodes/Person"), 3);
        LanceDatasets.shallowClone(graph.resolve("nodes/Person"), graph.resolve("__manifest_branch_b"));
        assertRefused(src, dst, "people", "__manifest_branch_b");
    }

    @Test
    void aBranchedDatasetIsRefused() throws Exception {
        Endpoint src = root(Backend.FILE, "branch-src");
        Endpoint dst = root(Backend.FILE, "branch-dst");
        MigrationRoots.writeDemo(src, MigrationRoots.manySmall(0));
        LanceDatasets.branched(folder(src).resolve("graphs/people.omni/__manifest"), "feature");
        assertRefused(src, dst, "people", "__manifest");
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    private void assertRefused(Endpoint src, Endpoint dst, String graph, String dataset) throws Exception {
        Map<String, String> before = MigrationRoots.fingerprint(src);
        try (MigrationSession s = MigrationSession.open(request(src, dst), new MigrationHome(temp.resolve("home")), MigrationListener.NONE)) {
            assertThat(s.checkDestination().ok()).isTrue();
            PreflightReport p = s.preflight(true);
            assertThat(p.ok()).isFalse();
            CheckItem item = p.refusals().stream().filter(i -> i.name().equals("graph data")).findFirst().orElseThrow();
            assertThat(item.message()).contains("graph " + graph).contains("dataset " + dataset);
            assertThat(item.details()).anySatisfy(d -> assertThat(d).startsWith("graph " + graph + ", dataset " + dataset));
        }
        assertThat(MigrationRoots.fingerprint(src)).isEqualTo(before);
        assertThat(MigrationRoots.read(src, ClusterLayout.LOCK)).isNull();
        assertThat(MigrationRoots.fingerprint(dst)).isEmpty();
    }
}
