package dev.omnigraph.console.cluster.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.SerdeJson;
import dev.omnigraph.console.testing.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;

/** Test helper: the shared fixtures' ledgers as editable JSON trees, written back the way upstream writes them. */
public final class LedgerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LedgerJson() {}

    public static byte[] fixtureBytes(String relative) {
        try {
            return Files.readAllBytes(Trees.fixture(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code storage-root/__cluster/state.json}, exact bytes. */
    public static byte[] stateBytes() {
        return fixtureBytes("storage-root/__cluster/state.json");
    }

    public static ObjectNode tree(byte[] bytes) {
        try {
            return (ObjectNode) MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** serde_json pretty layout plus the trailing newline. */
    public static byte[] bytes(JsonNode tree) {
        return (SerdeJson.pretty(tree) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The fixture ledger with an edit applied, as bytes. */
    public static byte[] editedState(Consumer<ObjectNode> edit) {
        ObjectNode t = tree(stateBytes());
        edit.accept(t);
        return bytes(t);
    }

    public static ObjectNode resources(ObjectNode state) {
        return (ObjectNode) state.path("applied_revision").path("resources");
    }

    public static ObjectNode resource(ObjectNode state, String address) {
        return (ObjectNode) resources(state).path(address);
    }

    public static Ledger parse(byte[] bytes) {
        try {
            return Ledger.parse(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
