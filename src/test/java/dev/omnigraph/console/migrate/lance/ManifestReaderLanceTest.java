package dev.omnigraph.console.migrate.lance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest reader on datasets written by Lance itself. */
class ManifestReaderLanceTest {
    @TempDir
    Path temp;

    private static List<Path> manifests(Path dataset) throws Exception {
        try (Stream<Path> files = Files.walk(dataset)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".manifest")).sorted().toList();
        }
    }

    @Test
    void aPlainDatasetHasNoBasePathAndNoBranch() throws Exception {
        Path ds = temp.resolve("plain.lance");
        LanceDatasets.plain(ds, 5);
        List<Path> found = manifests(ds);
        assertThat(found).isNotEmpty();
        for (Path m : found) {
            LanceManifest manifest = ManifestReader.read(Files.readAllBytes(m));
            assertThat(manifest.basePaths()).isEmpty();
            assertThat(manifest.branch()).isEmpty();
        }
    }

    @Test
    void aShallowCloneRecordsItsSourcesAbsolutePath() throws Exception {
        Path source = temp.resolve("source.lance");
        Path clone = temp.resolve("clone.lance");
        LanceDatasets.plain(source, 4);
        LanceDatasets.shallowClone(source, clone);
        LanceManifest manifest = ManifestReader.read(Files.readAllBytes(manifests(clone).getLast()));
        assertThat(manifest.basePaths()).isNotEmpty();
        assertThat(manifest.basePaths()).anySatisfy(b -> assertThat(b.path()).contains(source.toString()));
    }

    @Test
    void aBranchManifestNamesItsBranch() throws Exception {
        Path ds = temp.resolve("branched.lance");
        LanceDatasets.branched(ds, "feature");
        List<Path> inTree = manifests(ds).stream().filter(p -> ds.relativize(p).startsWith("tree")).toList();
        assertThat(inTree).isNotEmpty();
        LanceManifest manifest = ManifestReader.read(Files.readAllBytes(inTree.getLast()));
        assertThat(manifest.branch()).contains("feature");
        System.out.println("branch manifest base paths: " + manifest.basePaths());
    }
}
