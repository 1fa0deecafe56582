package dev.omnigraph.console.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.SerdeJson;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The v2 ledger of a demo cluster as plain JSON, and its exact encoding (spec §2.8): struct fields
 * in upstream's declaration order, top-level maps sorted, {@code outstanding} omitted when none,
 * compact, no trailing newline. Maps inside the working state keep insertion order, as the
 * fixture generator's dictionaries do, because some derived maps (policy digests) follow it.
 */
final class V013Ledger {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> SORTED_MAPS = List.of("resource_statuses", "approval_records", "recovery_records",
            "observations");

    private V013Ledger() {}

    /** The ledger bootstrap writes before the first deployment (revision 1, sequence 1). */
    static ObjectNode empty(String ledgerId) {
        ObjectNode st = JSON.objectNode();
        st.put("version", 2);
        st.put("ledger_id", ledgerId);
        st.put("next_sequence", 1);
        st.putArray("deployment_results");
        st.put("state_revision", 1);
        ObjectNode ar = st.putObject("applied_revision");
        ar.putObject("schema_contracts");
        ar.put("result_revision", 0);
        ar.putNull("config_digest");
        ar.putObject("resources");
        for (String map : SORTED_MAPS) {
            st.putObject(map);
        }
        return st;
    }

    static String encode(ObjectNode state) {
        return SerdeJson.compact(ordered(state));
    }

    static byte[] bytes(ObjectNode state) {
        return encode(state).getBytes(UTF_8);
    }

    static String cas(ObjectNode state) {
        return Digests.stateCas(bytes(state));
    }

    static ObjectNode ordered(ObjectNode st) {
        ObjectNode out = JSON.objectNode();
        out.set("version", st.get("version"));
        for (String key : List.of("ledger_id", "next_sequence", "outstanding", "deployment_results")) {
            JsonNode v = st.get(key);
            if (v != null && !v.isNull()) {
                out.set(key, v);
            }
        }
        out.set("state_revision", st.get("state_revision"));
        ObjectNode ar = (ObjectNode) st.get("applied_revision");
        ObjectNode oar = out.putObject("applied_revision");
        if (ar.get("schema_contracts") != null) {
            oar.set("schema_contracts", sorted(ar.get("schema_contracts")));
        }
        if (ar.get("result_revision") != null) {
            oar.set("result_revision", ar.get("result_revision"));
        }
        oar.set("config_digest", ar.get("config_digest") == null ? JSON.nullNode() : ar.get("config_digest"));
        oar.set("resources", sorted(ar.get("resources")));
        for (String map : SORTED_MAPS) {
            out.set(map, sorted(st.get(map)));
        }
        return out;
    }

    static ObjectNode sorted(JsonNode map) {
        ObjectNode out = JSON.objectNode();
        if (map == null) {
            return out;
        }
        TreeMap<String, JsonNode> byKey = new TreeMap<>();
        map.properties().forEach(e -> byKey.put(e.getKey(), e.getValue()));
        byKey.forEach(out::set);
        return out;
    }

    static ObjectNode applied(ObjectNode st) {
        return (ObjectNode) st.get("applied_revision");
    }

    static ObjectNode resources(ObjectNode st) {
        return (ObjectNode) applied(st).get("resources");
    }

    static ObjectNode contracts(ObjectNode st) {
        return (ObjectNode) applied(st).get("schema_contracts");
    }

    static ObjectNode statuses(ObjectNode st) {
        return (ObjectNode) st.get("resource_statuses");
    }

    static void setApplied(ObjectNode st, String address) {
        statuses(st).putObject(address).put("status", "applied");
    }

    static List<String> keys(JsonNode map) {
        List<String> out = new ArrayList<>();
        map.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Resource kind of an address: graph, schema, query, policy, provider or unknown. */
    static String kindOf(String address) {
        if (address.startsWith("graph.")) {
            return "graph";
        } else if (address.startsWith("schema.")) {
            return "schema";
        } else if (address.startsWith("query.")) {
            return "query";
        } else if (address.startsWith("policy.")) {
            return "policy";
        } else if (address.startsWith("provider.embedding.")) {
            return "provider";
        }
        return "unknown";
    }

    /** The graph a graph/schema/query address belongs to, else null. */
    static String graphOf(String address) {
        return switch (kindOf(address)) {
            case "graph" -> address.substring(6);
            case "schema" -> address.substring(7);
            case "query" -> address.substring(6, address.indexOf('.', 6));
            default -> null;
        };
    }

    static boolean belongs(String address, String graph) {
        return graph.equals(graphOf(address));
    }
}
