package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A raw embedding provider profile, upstream's strict {@code EmbeddingProviderConfig}
 * ({@code crates/omnigraph-cluster/src/types.rs}). The same struct is used in {@code cluster.yaml}
 * ({@code providers.embedding.<name>}) and in the ledger ({@code embedding_profile} of a
 * {@code provider.embedding.<name>} resource), so both accept {@code provider} as an input alias
 * for {@code kind} (both keys at once is serde's "duplicate field `kind`"). All fields are optional;
 * the profile is stored and digested raw, without engine defaults.
 *
 * @param kind    provider kind ({@code openai-compatible} when absent at use time), or null
 * @param baseUrl base URL, or null
 * @param model   model name, or null
 * @param apiKey  {@code ${NAME}} env reference, or null
 */
public record EmbeddingProfile(String kind, String baseUrl, String model, String apiKey) {

    static final List<String> JSON_FIELDS = List.of("kind", "provider", "base_url", "model", "api_key");

    /**
     * Compact JSON as {@code serde_json::to_string} renders it: field order
     * {@code kind, base_url, model, api_key}, absent fields omitted. This is the digest input of
     * {@link Digests#providerDigest}.
     */
    public String toCompactJson() {
        StringBuilder out = new StringBuilder("{");
        boolean[] first = {true};
        appendField(out, first, "kind", kind);
        appendField(out, first, "base_url", baseUrl);
        appendField(out, first, "model", model);
        appendField(out, first, "api_key", apiKey);
        return out.append('}').toString();
    }

    private static void appendField(StringBuilder out, boolean[] first, String key, String value) {
        if (value == null) {
            return;
        }
        if (!first[0]) {
            out.append(',');
        }
        first[0] = false;
        SerdeJson.appendQuoted(out, key);
        out.append(':');
        SerdeJson.appendQuoted(out, value);
    }

    static EmbeddingProfile readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct struct = JsonStruct.open(value, path, code, "struct EmbeddingProviderConfig", JSON_FIELDS);
        if (struct.has("kind") && struct.has("provider")) {
            throw new WireFormatException(Diagnostic.error(code, struct.fieldPath("provider"),
                    "duplicate field `kind` at " + path + " (`provider` is an alias of `kind`)"));
        }
        String kind = struct.has("provider") ? struct.optionalString("provider") : struct.optionalString("kind");
        return new EmbeddingProfile(kind, struct.optionalString("base_url"), struct.optionalString("model"),
                struct.optionalString("api_key"));
    }
}
