package dev.omnigraph.console.cluster.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.cli.CliContext;
import dev.omnigraph.console.cli.CliMain;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.diff.LedgerJson;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** History where the storage keeps none: local folders and s3proxy (no bucket versioning). */
class LocalHistoryTest {
    @TempDir
    Path temp;

    private String previousHome;

    @BeforeEach
    void isolateHome() {
        previousHome = System.getProperty(LedgerObservationCache.HOME_PROPERTY);
        System.setProperty(LedgerObservationCache.HOME_PROPERTY, temp.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty(LedgerObservationCache.HOME_PROPERTY);
        } else {
            System.setProperty(LedgerObservationCache.HOME_PROPERTY, previousHome);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void historyIsUnavailableAndSaysWhy(Backend backend) throws Exception {
        try (ObjectStore store = backend.newStore(temp, "nohistory")) {
            HistoryAvailability a = LedgerHistory.availability(store);
            if (backend == Backend.FILE) {
                assertThat(a).isEqualTo(HistoryAvailability.LOCAL_FOLDER);
            } else {
                assertThat(a).isIn(HistoryAvailability.VERSIONING_OFF, HistoryAvailability.VERSIONING_UNKNOWN);
            }
            assertThat(a.available()).isFalse();
            assertThat(a.explanation()).isNotBlank();
            store.put(ClusterLayout.STATE, LedgerJson.stateBytes(), WriteCondition.IF_ABSENT);
            assertThat(LedgerHistory.versions(store)).isEmpty();
            LedgerLoader loader = new LedgerLoader(store, ClusterLocation.ofRoot(store.uri()), new LedgerObservationCache(temp));
            if (backend == Backend.FILE) {
                assertThatThrownBy(() -> loader.load(new LedgerSource.Version("3HL4kqtJlcpXroDTDmJ")))
                        .isInstanceOf(LedgerLoader.LoadException.class).hasMessageContaining("a local folder keeps no versions")
                        .hasMessageContaining("cache:<cas-prefix>");
            }
            assertThat(loader.load(new LedgerSource.Current()).bytes()).isEqualTo(LedgerJson.stateBytes());
        }
    }

    @Test
    void twoCliSessionsGiveASinceILastLookedDiff() throws Exception {
        Path root = Files.createDirectories(temp.resolve("cluster"));
        Trees.upload(Trees.fixtureStorageRoot(), new FileObjectStore(new StoreUri.Local(root)));

        Result first = cli("ledger", "history", "--root", root.toString());
        assertThat(first.code).isZero();
        assertThat(first.out).contains("history unavailable: a local folder keeps no versions")
                .contains("Observed  1 ledger(s)").doesNotContain("Since you last looked");

        // an apply elsewhere moves the ledger on
        byte[] next = LedgerJson.editedState(t -> {
            t.put("state_revision", 18);
            LedgerJson.resources(t).remove("graph.scratch");
        });
        try (FileObjectStore store = new FileObjectStore(new StoreUri.Local(root))) {
            String token = store.read(ClusterLayout.STATE, 1 << 24).orElseThrow().token();
            assertThat(store.put(ClusterLayout.STATE, next, WriteCondition.ifMatch(token)).written()).isTrue();
        }

        Result second = cli("ledger", "history", "--root", root.toString());
        String oldPrefix = LedgerJson.parse(LedgerJson.stateBytes()).cas().substring(7, 19);
        assertThat(second.out).contains("Observed  2 ledger(s)").contains("Since you last looked")
                .contains("ledger diff cache:" + oldPrefix + " current");

        Result diff = cli("ledger", "diff", "cache:" + oldPrefix, "current", "--root", root.toString());
        assertThat(diff.code).as(diff.err).isZero();
        assertThat(diff.out).contains("Revision         17 → 18").contains("- graph.scratch")
                .contains("A local folder has no conditional write").contains("set -o noclobber")
                .contains("state_revision goes back from 18 to 17");

        Result json = cli("ledger", "diff", "cache:" + oldPrefix, "current", "--root", root.toString(), "--json");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out);
        assertThat(tree.path("structure").path("state_revision").path("after").asLong()).isEqualTo(18);
        assertThat(tree.path("structure").path("resources").get(0).path("address").asText()).isEqualTo("graph.scratch");
        assertThat(tree.path("restore").path("commands").isArray()).isTrue();

        Result missing = cli("ledger", "diff", "cache:ffffffff", "current", "--root", root.toString());
        assertThat(missing.code).isEqualTo(CliMain.FINDINGS);
        assertThat(missing.err).contains("no cached ledger").doesNotContain("Exception");

        Result file = cli("ledger", "diff", Trees.fixture("variants/state.minimal.json").toString(), "current", "--root", root.toString(),
                "--no-raw");
        assertThat(file.code).isZero();
        assertThat(file.out).contains("Revision         0 → 18").doesNotContain("@@");
    }

    record Result(int code, String out, String err) {}

    private Result cli(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliMain.run(argv, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader("")), Map.of(), temp, false));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
