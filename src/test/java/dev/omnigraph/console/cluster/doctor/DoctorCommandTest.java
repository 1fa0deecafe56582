package dev.omnigraph.console.cluster.doctor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnigraph.console.cli.CliContext;
import dev.omnigraph.console.cli.CliMain;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code doctor} command: exit 1 only when the server would refuse, JSON that says the same. */
class DoctorCommandTest {
    @TempDir
    Path temp;

    private String[] run(Path root, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] argv = new String[2 + extra.length + 1];
        argv[0] = "doctor";
        argv[1] = "--root";
        argv[2] = root.toString();
        System.arraycopy(extra, 0, argv, 3, extra.length);
        int code = CliMain.run(argv, new CliContext(new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream()),
                new BufferedReader(new StringReader("")), Map.of(), temp, false));
        return new String[] {String.valueOf(code), out.toString(UTF_8)};
    }

    @Test
    void quarantineAloneExitsZeroAndARefusalExitsOne() throws Exception {
        Path root = Files.createDirectories(temp.resolve("c"));
        try (FileObjectStore store = new FileObjectStore(new StoreUri.Local(root))) {
            CraftedCluster.write(store, true);
        }
        String[] quarantined = run(root);
        assertThat(quarantined[0]).isEqualTo("0");
        assertThat(quarantined[1]).contains("boots with 1 quarantined graph (support)").contains("remedy:")
                .contains("with --require-all-graphs (or OMNIGRAPH_REQUIRE_ALL_GRAPHS=1) it would refuse");

        Files.delete(root.resolve(ClusterLayout.STATE));
        String[] refused = run(root, "--json");
        assertThat(refused[0]).isEqualTo("1");
        JsonNode json = new ObjectMapper().readTree(refused[1]);
        assertThat(json.path("ok").asBoolean(true)).isFalse();
        assertThat(json.path("verdict").asText()).isEqualTo("refuses");
        assertThat(json.path("first_refusing_stage").asText()).isEqualTo("ledger");
        assertThat(json.path("findings").findValuesAsText("code")).contains("cluster_state_missing");
    }
}
