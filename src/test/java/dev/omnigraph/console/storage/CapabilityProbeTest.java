package dev.omnigraph.console.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.testing.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilityProbeTest {
    @TempDir
    Path temp;

    @Test
    void aLocalFolderPassesConditionalWritesAndSaysItCannotDeleteConditionally() throws Exception {
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(temp))) {
            CapabilityProbe.Report report = CapabilityProbe.run(store, dev.omnigraph.console.cluster.ClusterLayout.PROBE, CapabilityProbe.Purpose.NEW_CLUSTER);

            assertThat(report.canBrowse()).isTrue();
            assertThat(report.canWriteConditionally()).isTrue();
            assertThat(report.supportsConditionalDelete()).isFalse();
            assertThat(report.check(CapabilityProbe.CONDITIONAL_DELETE).orElseThrow().status()).isEqualTo(CapabilityProbe.Status.WARN);
            assertThat(report.versioning()).contains(false);
            assertNothingLeftBehind(store);
        }
    }

    @Test
    void theLoopbackS3ServerPassesConditionalWritesAndAnswers501ToConditionalDelete() throws Exception {
        try (ObjectStore store = new S3ObjectStore(S3TestServer.newRoot("probe", "c1"), S3TestServer.settings())) {
            CapabilityProbe.Report report = CapabilityProbe.run(store, dev.omnigraph.console.cluster.ClusterLayout.PROBE, CapabilityProbe.Purpose.NEW_CLUSTER);

            assertThat(report.checks()).extracting(CapabilityProbe.Check::name)
                    .contains(CapabilityProbe.LIST, CapabilityProbe.READ, CapabilityProbe.CREATE_ONLY, CapabilityProbe.IF_MATCH,
                            CapabilityProbe.CONDITIONAL_DELETE, CapabilityProbe.VERSIONING);
            assertThat(report.canWriteConditionally()).isTrue();
            assertThat(report.supportsConditionalDelete()).isFalse();
            assertThat(report.check(CapabilityProbe.CONDITIONAL_DELETE).orElseThrow().detail()).contains("501");
            assertNothingLeftBehind(store);
        }
    }

    @Test
    void aMissingBucketFailsListingAndWritesWithAReadableReason() {
        try (ObjectStore store = new S3ObjectStore(new StoreUri.S3("missing-bucket-x", ""), S3TestServer.settings())) {
            CapabilityProbe.Report report = CapabilityProbe.run(store, dev.omnigraph.console.cluster.ClusterLayout.PROBE);
            assertThat(report.canBrowse()).isFalse();
            assertThat(report.canWriteConditionally()).isFalse();
            assertThat(report.check(CapabilityProbe.LIST).orElseThrow().detail()).contains("bucket");
        }
    }

    @Test
    void testingAFolderThatHoldsNoClusterWritesNothingThere() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("share"));
        Files.writeString(plain.resolve("readme.txt"), "not a cluster");
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(plain))) {
            CapabilityProbe.Report report = CapabilityProbe.run(store, dev.omnigraph.console.cluster.ClusterLayout.PROBE);
            assertThat(report.check(CapabilityProbe.CREATE_ONLY).orElseThrow().status()).isEqualTo(CapabilityProbe.Status.SKIPPED);
            assertThat(report.canWriteConditionally()).isFalse();
        }
        try (Stream<Path> files = Files.walk(plain)) {
            assertThat(files.map(p -> plain.relativize(p).toString()).toList()).containsExactlyInAnyOrder("", "readme.txt");
        }
    }

    @Test
    void probingAFolderForANewClusterLeavesNoEmptyClusterFolder() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("new"));
        try (ObjectStore store = new FileObjectStore(new StoreUri.Local(empty))) {
            assertThat(CapabilityProbe.run(store, dev.omnigraph.console.cluster.ClusterLayout.PROBE, CapabilityProbe.Purpose.NEW_CLUSTER).canWriteConditionally()).isTrue();
        }
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files.toList()).as("no __cluster/ left behind").isEmpty();
        }
    }

    private static void assertNothingLeftBehind(ObjectStore store) throws StorageException {
        try (Stream<ObjectInfo> s = store.list("")) {
            assertThat(s.toList()).isEmpty();
        }
    }
}
