package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph's external Blob admission policy, the engine's {@code ExternalBlobPolicy}
 * ({@code crates/omnigraph/src/blob.rs}): internally tagged by {@code mode}, {@code deny} or
 * {@code allow {bases}}. In the ledger an absent {@code external_blob_policy} means deny
 * ({@code lib.rs::persisted_external_blob_policy} never writes deny).
 *
 * <p>Read rules mirror serde's internally-tagged enum: {@code mode} is required and must name a
 * variant; {@code allow} is strict ({@code bases} required, no other key, each base strict);
 * {@code deny} is a unit variant, for which serde ignores any other keys — so does this reader.
 */
public sealed interface ExternalBlobPolicy {

    /** The secure default: no new external Blob references. */
    record Deny() implements ExternalBlobPolicy {
        @Override
        public String toCompactJson() {
            return "{\"mode\":\"deny\"}";
        }
    }

    /** Admission limited to these bases (normalized and sorted when built by the engine). */
    record Allow(List<ExternalBlobBase> bases) implements ExternalBlobPolicy {
        public Allow {
            bases = List.copyOf(bases);
        }

        @Override
        public String toCompactJson() {
            StringBuilder out = new StringBuilder("{\"mode\":\"allow\",\"bases\":[");
            for (int i = 0; i < bases.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                bases.get(i).appendCompactJson(out);
            }
            return out.append("]}").toString();
        }
    }

    /** The shared deny instance. */
    ExternalBlobPolicy DENY = new Deny();

    /** {@code serde_json::to_string} of the policy: tag first, e.g. {@code {"mode":"allow","bases":[...]}}. */
    String toCompactJson();

    default boolean isDeny() {
        return this instanceof Deny;
    }

    static ExternalBlobPolicy readJson(JsonNode value, String path, String code) throws WireFormatException {
        if (value == null || !value.isObject()) {
            throw JsonStruct.typeError(code, path, value, "internally tagged enum ExternalBlobPolicy");
        }
        JsonNode mode = value.get("mode");
        if (mode == null) {
            throw new WireFormatException(Diagnostic.error(code, path + ".mode",
                    "missing field `mode` in external Blob policy at " + path));
        }
        if (!mode.isTextual()) {
            throw JsonStruct.typeError(code, path + ".mode", mode, "variant identifier");
        }
        switch (mode.textValue()) {
            case "deny" -> {
                return DENY;
            }
            case "allow" -> {
                JsonStruct allow = JsonStruct.open(value, path, code, "struct variant ExternalBlobPolicy::Allow",
                        List.of("mode", "bases"));
                JsonNode bases = allow.required("bases");
                if (!bases.isArray()) {
                    throw JsonStruct.typeError(code, allow.fieldPath("bases"), bases, "a sequence");
                }
                List<ExternalBlobBase> parsed = new ArrayList<>(bases.size());
                for (int i = 0; i < bases.size(); i++) {
                    String at = path + ".bases[" + i + "]";
                    JsonStruct base = JsonStruct.open(bases.get(i), at, code, "struct ExternalBlobBase",
                            List.of("uri", "scope"));
                    String uri = base.requiredString("uri");
                    String scopeName = base.asUnitVariant(base.required("scope"), base.fieldPath("scope"));
                    ExternalBlobScope scope = ExternalBlobScope.fromWire(scopeName);
                    if (scope == null) {
                        throw new WireFormatException(Diagnostic.error(code, base.fieldPath("scope"),
                                "unknown variant `" + scopeName + "` at " + base.fieldPath("scope")
                                        + ", expected `server_safe` or `embedded_only`"));
                    }
                    parsed.add(new ExternalBlobBase(uri, scope));
                }
                return new Allow(parsed);
            }
            default -> throw new WireFormatException(Diagnostic.error(code, path + ".mode",
                    "unknown variant `" + mode.textValue() + "` at " + path + ".mode, expected `deny` or `allow`"));
        }
    }
}
