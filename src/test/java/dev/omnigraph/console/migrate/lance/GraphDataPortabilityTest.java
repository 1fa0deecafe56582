package dev.omnigraph.console.migrate.lance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.testing.S3TestServer;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portability check on graph roots holding real Lance datasets, in a folder and on S3. */
class GraphDataPortabilityTest {
    @TempDir
    Path temp;

    private static PortabilityReport check(Path root) throws Exception {
        try (ObjectStore store = Endpoint.local(root).open()) {
            return GraphDataPortability.check(store);
        }
    }

    @Test
    void plainDatasetsArePortable() throws Exception {
        Path root = temp.resolve("root");
        LanceDatasets.plain(root.resolve("graphs/a.omni/__manifest"), 2);
        LanceDatasets.plain(root.resolve("graphs/a.omni/nodes/Person"), 3);
        LanceDatasets.plain(root.resolve("graphs/b.omni/__manifest"), 1);

        PortabilityReport report = check(root);

        assertThat(report.portable()).as(report.problems().toString()).isTrue();
        assertThat(report.graphs()).isEqualTo(2);
        assertThat(report.datasets()).isEqualTo(3);
        assertThat(report.manifests()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aShallowCloneIsRefusedNamingGraphAndDataset() throws Exception {
        Path root = temp.resolve("root");
        Path graph = root.resolve("graphs/people.omni");
        LanceDatasets.plain(graph.resolve("__manifest"), 2);
        LanceDatasets.shallowClone(graph.resolve("__manifest"), graph.resolve("nodes/Clone"));

        PortabilityReport report = check(root);

        assertThat(report.portable()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.graph()).isEqualTo("people");
            assertThat(p.dataset()).isEqualTo("nodes/Clone");
            assertThat(p.reason()).contains("outside the dataset").contains(graph.resolve("__manifest").toString());
        });
    }

    @Test
    void aCloneOfADatasetOutsideTheRootIsRefusedAsOutside() throws Exception {
        Path root = temp.resolve("root");
        Path elsewhere = temp.resolve("elsewhere/source.lance");
        LanceDatasets.plain(elsewhere, 2);
        LanceDatasets.shallowClone(elsewhere, root.resolve("graphs/g.omni/__manifest"));

        PortabilityReport report = check(root);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.describe()).startsWith("graph g, dataset __manifest: ");
            assertThat(p.reason()).contains("outside the dataset").contains(elsewhere.toString());
        });
    }

    @Test
    void aBranchedDatasetIsRefused() throws Exception {
        Path root = temp.resolve("root");
        LanceDatasets.branched(root.resolve("graphs/g.omni/__manifest"), "feature");

        PortabilityReport report = check(root);

        assertThat(report.portable()).isFalse();
        assertThat(report.problems()).extracting(PortabilityReport.Problem::dataset).contains("__manifest");
        assertThat(report.problems()).extracting(PortabilityReport.Problem::reason)
                .anySatisfy(r -> assertThat(r).contains("_refs/branches/"))
                .anySatisfy(r -> assertThat(r).contains("tree/"));
    }

    @Test
    void onS3TheManifestsAreStreamedAndTheCloneRefused() throws Exception {
        Path root = temp.resolve("root");
        Path graph = root.resolve("graphs/people.omni");
        LanceDatasets.plain(graph.resolve("__manifest"), 2);
        LanceDatasets.plain(graph.resolve("nodes/Person"), 2);
        LanceDatasets.shallowClone(graph.resolve("__manifest"), graph.resolve("nodes/Clone"));
        Endpoint s3 = new Endpoint(S3TestServer.newRoot("lance", "clusters/lance"), S3TestServer.settings());
        try (ObjectStore store = s3.open()) {
            Trees.upload(root, store);
            PortabilityReport report = GraphDataPortability.check(store);
            assertThat(report.datasets()).isEqualTo(3);
            assertThat(report.problems()).extracting(PortabilityReport.Problem::dataset).containsExactly("nodes/Clone");
            try (Stream<ObjectInfo> all = store.list("")) {
                List<String> keys = all.map(ObjectInfo::key).toList();
                for (String k : keys) {
                    store.deleteUnconditionally(k);
                }
            }
        }
    }
}
