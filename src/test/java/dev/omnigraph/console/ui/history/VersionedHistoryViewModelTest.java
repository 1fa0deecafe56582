package dev.omnigraph.console.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.history.HistoryAvailability;
import dev.omnigraph.console.cluster.history.LedgerObservationCache;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import dev.omnigraph.console.ui.session.PollScheduler;
import dev.omnigraph.console.ui.session.SessionSettings;
import dev.omnigraph.console.ui.task.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import dev.omnigraph.console.testing.VersionedS3;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The History page's view-model on a bucket that keeps versions. The server is
 * the shared S3Mock ({@link VersionedS3}), the loopback server with bucket versioning.
 */
class VersionedHistoryViewModelTest {
    private static final String BUCKET = "versioned-history-ui";
    private static S3Settings settings;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        settings = VersionedS3.bucket(BUCKET);
    }

    private static byte[] revision(long revision, String... approvalRecords) {
        return LedgerJson.editedState(t -> {
            t.put("state_revision", revision);
            for (String id : approvalRecords) {
                ((ObjectNode) t.path("approval_records")).putObject(id).put("consumed_by_operation", "apply");
            }
        });
    }

    @Test
    void listsTheBucketsVersionsAndComparesAnyTwoWithRestoreCommandsForTheOlder() throws Exception {
        StoreUri.S3 root = new StoreUri.S3(BUCKET, "clusters/ui");
        try (S3ObjectStore store = new S3ObjectStore(root, settings)) {
            String token = ((PutResult.Written) store.put(ClusterLayout.STATE, revision(17), WriteCondition.IF_ABSENT)).token();
            token = ((PutResult.Written) store.put(ClusterLayout.STATE, revision(18, "01M0000000000000000000000A"),
                    WriteCondition.ifMatch(token))).token();
            String etag = ((PutResult.Written) store.put(ClusterLayout.STATE, revision(19, "01M0000000000000000000000A",
                    "01M0000000000000000000000B"), WriteCondition.ifMatch(token))).token();

            ClusterSession session = new ClusterSession(new ConnectionSpec(ClusterLocation.ofRoot(root), settings), store,
                    new ImmediateTaskRunner(), PollScheduler.MANUAL, SessionSettings.defaults(), Clock.systemUTC(),
                    new LedgerObservationCache(temp));
            session.refresh();
            LedgerHistoryViewModel vm = new LedgerHistoryViewModel(session);
            vm.activate();

            HistoryListing l = vm.listingProperty().get();
            assertThat(l.availability()).isEqualTo(HistoryAvailability.AVAILABLE);
            assertThat(l.unavailableBanner()).isEmpty();
            assertThat(l.versionCount()).isEqualTo(3);
            assertThat(vm.entries().stream().filter(e -> e.kind() == HistoryEntry.Kind.VERSION))
                    .extracting(e -> e.revision().orElseThrow()).containsExactly(19L, 18L, 17L);
            HistoryEntry newest = vm.entries().stream().filter(e -> e.kind() == HistoryEntry.Kind.VERSION).findFirst().orElseThrow();
            assertThat(newest.current()).isTrue();
            assertThat(newest.etag()).contains(etag.replace("\"", ""));
            assertThat(newest.cas()).contains(LedgerJson.parse(revision(19, "01M0000000000000000000000A",
                    "01M0000000000000000000000B")).cas());
            assertThat(newest.size()).isEqualTo(revision(19, "01M0000000000000000000000A", "01M0000000000000000000000B").length);

            // by default: the previous version against current
            assertThat(vm.sideAProperty().get().revision()).contains(18L);
            assertThat(vm.sideBProperty().get().id()).isEqualTo("current");
            assertThat(vm.rows()).extracting(DiffRow::entry).contains("state_revision", "01M0000000000000000000000B")
                    .doesNotContain("01M0000000000000000000000A");

            // any two: the oldest version against current; restore names that version, conditional on the live ETag
            HistoryEntry oldest = vm.entries().stream().filter(e -> e.revision().orElse(0L) == 17L).findFirst().orElseThrow();
            vm.sideAProperty().set(oldest);
            vm.compare();
            assertThat(vm.diffProperty().get().a().revision()).contains(17L);
            assertThat(vm.rows()).extracting(DiffRow::entry).contains("01M0000000000000000000000A", "01M0000000000000000000000B");
            String versionId = oldest.id().substring("version:".length());
            assertThat(vm.restoreProperty().get().commands())
                    .anyMatch(c -> c.startsWith("aws s3api get-object --endpoint-url " + settings.endpoint()) && c.contains(versionId))
                    .anyMatch(c -> c.startsWith("aws s3api put-object") && c.contains("--if-match"));
            assertThat(vm.restoreProperty().get().consequences()).anyMatch(c -> c.startsWith("state_revision goes back from 19 to 17"));
        }
    }
}
