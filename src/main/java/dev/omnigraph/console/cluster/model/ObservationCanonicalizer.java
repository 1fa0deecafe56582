package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Upstream {@code store.rs::canonicalize_observation_coordinates}, applied on every ledger read:
 * in each observation that is a JSON object, a legacy {@code manifest_version} key is removed and
 * its value moved to {@code graph_manifest_version}; if both keys exist with different values the
 * ledger is refused with {@code conflicting_graph_manifest_observation}.
 *
 * <p>Key order follows upstream's {@code preserve_order} map: the removal is a swap-remove (the
 * last key takes the removed key's slot) and the canonical key is appended at the end. Value
 * equality follows {@code serde_json::Value}: integers and floats never compare equal
 * ({@code 12 != 12.0}).
 */
final class ObservationCanonicalizer {

    static final String LEGACY_KEY = "manifest_version";
    static final String CANONICAL_KEY = "graph_manifest_version";

    private ObservationCanonicalizer() {
    }

    /** Returns the canonical observation (a new node when changed, else the same instance). */
    static JsonNode canonicalize(String resource, JsonNode observation) throws WireFormatException {
        if (!(observation instanceof ObjectNode object) || !object.has(LEGACY_KEY)) {
            return observation;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
        while (it.hasNext()) {
            entries.add(it.next());
        }
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getKey().equals(LEGACY_KEY)) {
                index = i;
            }
        }
        JsonNode legacy = entries.get(index).getValue();
        Map.Entry<String, JsonNode> last = entries.removeLast();
        if (index < entries.size()) {
            entries.set(index, last);
        }
        ObjectNode rebuilt = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : entries) {
            rebuilt.set(entry.getKey(), entry.getValue());
        }
        JsonNode canonical = rebuilt.get(CANONICAL_KEY);
        if (canonical != null) {
            if (!serdeEquals(canonical, legacy)) {
                throw new WireFormatException(Diagnostic.error("conflicting_graph_manifest_observation",
                        "state.observations." + resource,
                        "observation '" + resource + "' carries both `manifest_version` = "
                                + SerdeJson.compact(safe(legacy)) + " and `graph_manifest_version` = "
                                + SerdeJson.compact(safe(canonical)) + "; the two must agree"));
            }
        } else {
            rebuilt.set(CANONICAL_KEY, legacy);
        }
        return rebuilt;
    }

    /** {@code serde_json::Value} equality. */
    static boolean serdeEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.bigIntegerValue().equals(b.bigIntegerValue());
            }
            if (!a.isIntegralNumber() && !b.isIntegralNumber()) {
                return a.doubleValue() == b.doubleValue();
            }
            return false;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!serdeEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> entry : a.properties()) {
                JsonNode other = b.get(entry.getKey());
                if (other == null || !serdeEquals(entry.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** For messages only: floats cannot be re-emitted, so describe them instead. */
    private static JsonNode safe(JsonNode value) {
        if (value.isNumber() && !value.isIntegralNumber()) {
            return JsonNodeFactory.instance.textNode(String.valueOf(value.doubleValue()));
        }
        if (value.isContainerNode()) {
            return JsonNodeFactory.instance.textNode(JsonStruct.describe(value));
        }
        return value;
    }
}
