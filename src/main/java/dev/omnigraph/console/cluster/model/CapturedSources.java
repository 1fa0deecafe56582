package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bundle's captured sources as files for display. Sources are stored by sha256 only; names come
 * from the captured config: {@code schema.<g>} → {@code graphs.<g>.schema}, {@code policy.<n>} →
 * {@code policies.<n>.file}; query files are named {@code <queries dir>/<digest prefix>.gq} (the
 * capture keeps only their content) and list the queries they declare. A source no resource
 * references is, by upstream's capture code, most likely {@code cluster.yaml} itself (spec §14.9,
 * inferred): it is shown as {@code cluster.yaml (inferred)}.
 */
public final class CapturedSources {

    /**
     * One captured file.
     *
     * @param path   display path (unique within the bundle)
     * @param digest sha256 of the text
     * @param text   the exact captured text
     * @param roles  the addresses it provides, e.g. {@code query.knowledge.find_person}
     */
    public record File(String path, String digest, String text, List<String> roles) {
    }

    private CapturedSources() {
    }

    static List<File> of(DeploymentBundle bundle) {
        JsonNode semantics = semantics(bundle.configSemantics());
        Map<String, List<String>> roles = new TreeMap<>();
        bundle.resources().forEach((address, resource) -> {
            if (bundle.sources().containsKey(resource.digest())) {
                roles.computeIfAbsent(resource.digest(), d -> new ArrayList<>()).add(address);
            }
        });
        Map<String, File> byPath = new LinkedHashMap<>();
        bundle.sources().forEach((digest, text) -> {
            List<String> provides = roles.getOrDefault(digest, List.of());
            String path = pathFor(provides, digest, semantics);
            while (byPath.containsKey(path)) {
                path = path + "~" + digest.substring(0, 8);
            }
            byPath.put(path, new File(path, digest, text, List.copyOf(provides)));
        });
        return List.copyOf(byPath.values());
    }

    private static String pathFor(List<String> provides, String digest, JsonNode semantics) {
        if (provides.isEmpty()) {
            return "cluster.yaml (inferred)";
        }
        ResourceAddress first = ResourceAddress.parse(provides.get(0));
        JsonNode graph = semantics.path("graphs").path(first.graphId() == null ? "" : first.graphId());
        return switch (first.kind()) {
            case SCHEMA -> text(graph.path("schema"), "schema/" + first.graphId() + ".pg");
            case POLICY -> text(semantics.path("policies").path(first.name()).path("file"), "policies/" + first.name() + ".yaml");
            case QUERY -> directory(graph.path("queries")) + digest.substring(0, 12) + ".gq";
            default -> "source/" + digest.substring(0, 12);
        };
    }

    private static String directory(JsonNode queries) {
        if (queries.isTextual()) {
            String dir = queries.textValue();
            return dir.endsWith("/") ? dir : dir + "/";
        }
        return "queries/";
    }

    private static String text(JsonNode node, String fallback) {
        return node.isTextual() ? node.textValue() : fallback;
    }

    private static JsonNode semantics(String json) {
        try {
            return StrictJson.parseText(json, new StrictJson.Source("console_semantics", "console_semantics",
                    "config_semantics", "config_semantics", V2Values.MAX_LEDGER_BYTES));
        } catch (WireFormatException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
