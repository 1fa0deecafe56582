package dev.omnigraph.console.cluster.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cli.CliContext;
import dev.omnigraph.console.cli.CliMain;
import dev.omnigraph.console.cluster.diff.LedgerDiff;
import dev.omnigraph.console.cluster.diff.LedgerDiffer;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.cluster.diff.RestoreGuidance;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.omnigraph.console.testing.VersionedS3;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ledger history on a bucket that keeps versions. The versioned server is S3Mock
 * ({@link VersionedS3}, started once per test JVM); nothing racy runs on it.
 */
class VersionedLedgerHistoryTest {
    private static S3Settings settings;
    private static final String BUCKET = "versioned-ledgers";

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
                ObjectNode r = ((ObjectNode) t.path("approval_records")).putObject(id);
                r.put("consumed_at", "2026-08-20T00:00:00Z");
                r.put("consumed_by_operation", "apply");
            }
        });
    }

    @Test
    void listsEveryLedgerVersionNewestFirstAndDiffsAnOldOneWithRestoreCommands() throws Exception {
        StoreUri.S3 root = new StoreUri.S3(BUCKET, "clusters/history");
        byte[] v17 = revision(17);
        byte[] v18 = revision(18, "01M0000000000000000000000A");
        byte[] v19 = revision(19, "01M0000000000000000000000A", "01M0000000000000000000000B");
        try (S3ObjectStore store = new S3ObjectStore(root, settings)) {
            assertThat(LedgerHistory.availability(store)).isEqualTo(HistoryAvailability.AVAILABLE);
            String token = ((PutResult.Written) store.put(ClusterLayout.STATE, v17, WriteCondition.IF_ABSENT)).token();
            token = ((PutResult.Written) store.put(ClusterLayout.STATE, v18, WriteCondition.ifMatch(token))).token();
            String currentEtag = ((PutResult.Written) store.put(ClusterLayout.STATE, v19, WriteCondition.ifMatch(token))).token();

            List<LedgerVersion> versions = LedgerHistory.versions(store);
            assertThat(versions).hasSize(3);
            assertThat(versions.get(0).latest()).isTrue();
            assertThat(versions.stream().skip(1).noneMatch(LedgerVersion::latest)).isTrue();
            List<Long> revisions = versions.stream().map(v -> uncheckedDetails(store, v).revision().orElseThrow()).toList();
            assertThat(revisions).containsExactly(19L, 18L, 17L);
            assertThat(uncheckedDetails(store, versions.get(2)).cas()).contains(LedgerJson.parse(v17).cas());
            assertThat(versions.get(2).size()).isEqualTo(v17.length);

            ClusterLocation location = ClusterLocation.ofRoot(root);
            LedgerLoader loader = new LedgerLoader(store, location, new LedgerObservationCache(temp));
            String oldest = versions.get(2).versionId();
            LedgerCopy old = loader.load(LedgerSource.parse(oldest, temp));
            assertThat(old.bytes()).isEqualTo(v17);
            LedgerDiff diff = LedgerDiffer.diff(old, loader.load(new LedgerSource.Current()));
            assertThat(diff.structure().orElseThrow().revision().before()).isEqualTo(17L);
            assertThat(diff.structure().orElseThrow().revision().after()).isEqualTo(19L);
            assertThat(diff.structure().orElseThrow().records()).extracting(r -> r.key())
                    .containsExactly("01M0000000000000000000000A", "01M0000000000000000000000B");

            RestoreGuidance g = RestoreGuidance.of(ClusterReader.read(store, location, Progress.NONE), old,
                    new RestoreGuidance.Origin.BucketVersion(oldest), Optional.of(settings.endpoint()));
            assertThat(g.commands()).anyMatch(c -> c.startsWith("aws s3api get-object --endpoint-url " + settings.endpoint())
                    && c.contains("--bucket " + BUCKET) && c.contains("--key clusters/history/__cluster/state.json")
                    && c.contains("--version-id " + RestoreGuidance_quote(oldest)));
            assertThat(g.commands()).anyMatch(c -> c.startsWith("aws s3api put-object")
                    && c.endsWith("--if-match '\"" + currentEtag + "\"'"));
            assertThat(g.consequences()).anyMatch(c -> c.startsWith("state_revision goes back from 19 to 17"));
            assertThat(g.consequences()).anyMatch(c -> c.contains("approval_records 01M0000000000000000000000A, 01M0000000000000000000000B"));
        }
    }

    @Test
    void theCliListsVersionsWithRevisionAndCas() throws Exception {
        StoreUri.S3 root = new StoreUri.S3(BUCKET, "clusters/cli");
        try (S3ObjectStore store = new S3ObjectStore(root, settings)) {
            String token = ((PutResult.Written) store.put(ClusterLayout.STATE, revision(5), WriteCondition.IF_ABSENT)).token();
            store.put(ClusterLayout.STATE, revision(6), WriteCondition.ifMatch(token));
        }
        String previousHome = System.getProperty(LedgerObservationCache.HOME_PROPERTY);
        String previousKey = System.getProperty("aws.accessKeyId");
        String previousSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty(LedgerObservationCache.HOME_PROPERTY, temp.toString());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                    new BufferedReader(new StringReader("")), Map.of("AWS_REGION", "us-east-1"), temp, false);
            int code = CliMain.run(new String[] {"ledger", "history", "--root", root.display(), "--endpoint", settings.endpoint(),
                    "--path-style", "true"}, ctx);
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(code).as(text).isEqualTo(0);
            assertThat(text).contains("Versions  2 in the bucket").contains("rev 6").contains("rev 5").contains("(current)");
        } finally {
            restore(LedgerObservationCache.HOME_PROPERTY, previousHome);
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    private static String RestoreGuidance_quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static LedgerVersionDetails uncheckedDetails(S3ObjectStore store, LedgerVersion v) {
        try {
            return LedgerHistory.details(store, v);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
