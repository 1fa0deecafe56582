package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Shared helpers of the ledger v2 readers: sorted maps, contract maps, compact sizes. */
final class LedgerV2Parts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LedgerV2Parts() {
    }

    static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        SortedMap<String, V> copy = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        copy.putAll(map);
        return Collections.unmodifiableSortedMap(copy);
    }

    static Map<String, SchemaContract> contracts(Map<String, JsonNode> raw, String path, String code)
            throws WireFormatException {
        Map<String, SchemaContract> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : raw.entrySet()) {
            out.put(e.getKey(), SchemaContract.readJson(e.getValue(), path + "." + e.getKey(), code));
        }
        return out;
    }

    /**
     * Upstream {@code valid_contracts}: exactly one valid contract per {@code graph.<g>} in the
     * digests, and its source hash equals the {@code schema.<g>} digest.
     */
    static boolean contractsMatch(Map<String, SchemaContract> contracts, Map<String, String> digests) {
        long graphs = digests.keySet().stream().filter(a -> a.startsWith("graph.")).count();
        if (graphs != contracts.size()) {
            return false;
        }
        for (Map.Entry<String, SchemaContract> e : contracts.entrySet()) {
            String graph = e.getKey();
            SchemaContract contract = e.getValue();
            if (!digests.containsKey("graph." + graph) || !contract.isValid()
                    || !contract.sourceHash().equals(digests.get("schema." + graph))) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of the compact JSON encoding of {@code node} (the size upstream bounds). */
    static long compactSize(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serializes", e);
        }
    }
}
