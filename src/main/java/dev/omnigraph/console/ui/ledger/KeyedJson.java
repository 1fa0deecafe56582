package dev.omnigraph.console.ui.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnigraph.console.cluster.model.SerdeJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of a free-form ledger section ({@code approval_records}, {@code recovery_records},
 * {@code observations}): its key, a one-line summary and the pretty JSON value.
 */
public record KeyedJson(String key, String summary, String json, JsonNode value) {

    public KeyedJson(String key, String summary, String json) {
        this(key, summary, json, null);
    }

    public static List<KeyedJson> of(Map<String, JsonNode> section) {
        List<KeyedJson> out = new ArrayList<>();
        section.forEach((k, v) -> out.add(new KeyedJson(k, summarize(v), SerdeJson.pretty(v), v)));
        return out;
    }

    /**
     * One field for a table cell: times ({@code *_at}) in the console's one date format, booleans
     * as yes / no, absent or null as "–", objects compact.
     */
    public String field(String name) {
        JsonNode f = value == null || !value.isObject() ? null : value.get(name);
        if (f == null || f.isNull()) {
            return "–";
        }
        if (f.isBoolean()) {
            return f.asBoolean() ? "yes" : "no";
        }
        if (f.isTextual()) {
            return name.endsWith("_at") ? dev.omnigraph.console.ui.common.Times.of(f.asText()) : f.asText();
        }
        return f.isValueNode() ? f.asText() : SerdeJson.compact(f);
    }

    static String summarize(JsonNode v) {
        if (!v.isObject()) {
            return SerdeJson.compact(v);
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("kind", "outcome", "consumed_by_operation", "consumed_at", "graph_manifest_version",
                "schema_matches_desired", "exists", "deleted_at", "recovered_at", "observed_at")) {
            JsonNode f = v.get(field);
            if (f != null && !f.isNull()) {
                parts.add(field + "=" + (f.isTextual() ? f.asText() : f.toString()));
            }
        }
        return parts.isEmpty() ? SerdeJson.compact(v) : String.join("  ", parts);
    }
}
