package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-walks one JSON object the way a {@code #[derive(Deserialize)] #[serde(deny_unknown_fields)]}
 * struct would: unknown keys fail, missing required fields fail, no type coercion ({@code "1"} is
 * not a u32, {@code 1.0} is not a u32, negatives are not unsigned), {@code null} means "absent"
 * only for {@code Option} fields, and {@code #[serde(default)]} applies only when the key is
 * missing (an explicit {@code null} for a defaulted map/list/number is a type error, as in serde).
 * Every error names the exact dotted path.
 */
final class JsonStruct {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private final ObjectNode node;
    private final String path;
    private final String code;
    private final String typeName;

    private JsonStruct(ObjectNode node, String path, String code, String typeName) {
        this.node = node;
        this.path = path;
        this.code = code;
        this.typeName = typeName;
    }

    /**
     * Opens {@code value} as a strict struct.
     *
     * @param typeName serde-style expectation, e.g. {@code struct ClusterState}
     * @param fields   every accepted key (including aliases)
     */
    static JsonStruct open(JsonNode value, String path, String code, String typeName, List<String> fields)
            throws WireFormatException {
        if (!(value instanceof ObjectNode object)) {
            throw typeError(code, path, value, typeName);
        }
        if (object instanceof StrictJson.TrackedObjectNode tracked && !tracked.duplicates().isEmpty()) {
            String field = tracked.duplicates().get(0);
            throw new WireFormatException(Diagnostic.error(code, path + "." + field,
                    "duplicate field `" + field + "` in " + typeName + " at " + path));
        }
        Set<String> allowed = Set.copyOf(fields);
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!allowed.contains(entry.getKey())) {
                throw new WireFormatException(Diagnostic.error(code, path + "." + entry.getKey(),
                        "unknown field `" + entry.getKey() + "` in " + typeName + " at " + path
                                + ", expected one of " + quoteList(fields)));
            }
        }
        return new JsonStruct(object, path, code, typeName);
    }

    String path() {
        return path;
    }

    String code() {
        return code;
    }

    String fieldPath(String field) {
        return path + "." + field;
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** The raw value, or null when the key is missing. */
    JsonNode raw(String field) {
        return node.get(field);
    }

    JsonNode required(String field) throws WireFormatException {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new WireFormatException(Diagnostic.error(code, fieldPath(field),
                    "missing field `" + field + "` in " + typeName + " at " + path));
        }
        return value;
    }

    String requiredString(String field) throws WireFormatException {
        return asString(required(field), fieldPath(field), "a string");
    }

    /** {@code Option<String>}: missing or null → null. */
    String optionalString(String field) throws WireFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return asString(value, fieldPath(field), "a string");
    }

    long requiredU32(String field) throws WireFormatException {
        return asUnsigned(required(field), fieldPath(field), "u32", BigInteger.valueOf(U32_MAX));
    }

    /** {@code #[serde(default)] u64}; returned as unsigned bits in a long. */
    long u64OrDefault(String field, long defaultValue) throws WireFormatException {
        JsonNode value = node.get(field);
        if (value == null) {
            return defaultValue;
        }
        return asUnsigned(value, fieldPath(field), "u64", U64_MAX);
    }

    /** {@code Option<u64>}: missing or null → null; otherwise unsigned bits in a Long. */
    Long optionalU64(String field) throws WireFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return asUnsigned(value, fieldPath(field), "u64", U64_MAX);
    }

    /** A required u64 (also used for {@code usize}, 64-bit on every platform upstream ships). */
    long requiredU64(String field) throws WireFormatException {
        return asUnsigned(required(field), fieldPath(field), "u64", U64_MAX);
    }

    boolean requiredBool(String field) throws WireFormatException {
        JsonNode value = required(field);
        if (!value.isBoolean()) {
            throw typeError(code, fieldPath(field), value, "a boolean");
        }
        return value.booleanValue();
    }

    /** A required {@code BTreeMap<String, _>}; entries in document order. */
    Map<String, JsonNode> requiredMap(String field) throws WireFormatException {
        return asMap(required(field), fieldPath(field));
    }

    /** {@code Option<BTreeMap<String, _>>}: missing or null → null. */
    Map<String, JsonNode> optionalMap(String field) throws WireFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return asMap(value, fieldPath(field));
    }

    /** {@code Option<T>} for a nested value: missing or null → null, otherwise the raw node. */
    JsonNode optionalRaw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** A required sequence. */
    List<JsonNode> requiredArray(String field) throws WireFormatException {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw typeError(code, fieldPath(field), value, "a sequence");
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    Map<String, JsonNode> asMap(JsonNode value, String at) throws WireFormatException {
        if (!(value instanceof ObjectNode object)) {
            throw typeError(code, at, value, "a map");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            entries.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(entries);
    }

    /** {@code Option<Vec<String>>}: missing or null → null. */
    List<String> optionalStringList(String field) throws WireFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return asStringList(value, fieldPath(field));
    }

    /** {@code #[serde(default)] Vec<String>}: missing → empty list. */
    List<String> stringListOrEmpty(String field) throws WireFormatException {
        JsonNode value = node.get(field);
        if (value == null) {
            return List.of();
        }
        return asStringList(value, fieldPath(field));
    }

    /** {@code #[serde(default)] BTreeMap<String, _>}: missing → empty; entries in document order. */
    Map<String, JsonNode> mapOrEmpty(String field) throws WireFormatException {
        JsonNode value = node.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof ObjectNode object)) {
            throw typeError(code, fieldPath(field), value, "a map");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            entries.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(entries);
    }

    String asString(JsonNode value, String at, String expected) throws WireFormatException {
        if (!value.isTextual()) {
            throw typeError(code, at, value, expected);
        }
        return value.textValue();
    }

    /**
     * The variant name of a unit-only enum as serde_json reads it: a string, or an object with
     * exactly one key whose value is {@code null} ({@code {"applied": null}} is accepted upstream).
     */
    String asUnitVariant(JsonNode value, String at) throws WireFormatException {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value instanceof ObjectNode object && object.size() == 1) {
            Map.Entry<String, JsonNode> only = object.properties().iterator().next();
            if (only.getValue().isNull()) {
                return only.getKey();
            }
            throw typeError(code, at + "." + only.getKey(), only.getValue(), "unit variant");
        }
        throw typeError(code, at, value, "variant identifier");
    }

    List<String> asStringList(JsonNode value, String at) throws WireFormatException {
        if (!value.isArray()) {
            throw typeError(code, at, value, "a sequence");
        }
        List<String> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(asString(value.get(i), at + "[" + i + "]", "a string"));
        }
        return List.copyOf(items);
    }

    long asUnsigned(JsonNode value, String at, String type, BigInteger max) throws WireFormatException {
        if (!value.isIntegralNumber()) {
            throw typeError(code, at, value, type);
        }
        BigInteger number = value.bigIntegerValue();
        if (number.signum() < 0 || number.compareTo(max) > 0) {
            throw new WireFormatException(Diagnostic.error(code, at,
                    "invalid value: integer `" + number + "`, expected " + type + " at " + at));
        }
        return number.longValue();
    }

    static WireFormatException typeError(String code, String at, JsonNode value, String expected) {
        return new WireFormatException(Diagnostic.error(code, at,
                "invalid type: " + describe(value) + ", expected " + expected + " at " + at));
    }

    /** serde's {@code Unexpected} wording for a JSON value. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return "boolean `" + value.booleanValue() + "`";
        }
        if (value.isIntegralNumber()) {
            return "integer `" + value.bigIntegerValue() + "`";
        }
        if (value.isNumber()) {
            return "floating point `" + value.doubleValue() + "`";
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return "string " + (text.length() > 80 ? SerdeJson.quote(text.substring(0, 80)) + "…"
                    : SerdeJson.quote(text));
        }
        if (value.isArray()) {
            return "sequence";
        }
        return "map";
    }

    private static String quoteList(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(i == fields.size() - 1 ? " or " : ", ");
            }
            out.append('`').append(fields.get(i)).append('`');
        }
        return out.toString();
    }
}
