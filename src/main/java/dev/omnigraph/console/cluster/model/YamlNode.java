package dev.omnigraph.console.cluster.model;

import java.util.List;

/**
 * A YAML document as {@code serde_yaml} 0.9 sees it before typing: scalars keep their raw text and
 * whether they were plain (unquoted, non-block), because serde_yaml resolves null/bool/number only
 * for plain scalars and hands any scalar's raw text to a string field. Aliases are already resolved
 * (they share the anchored node). Lines/columns are 1-based.
 */
sealed interface YamlNode {

    int line();

    int column();

    record Scalar(String value, boolean plain, int line, int column) implements YamlNode {
        /** A plain empty scalar, e.g. {@code key:} with nothing after it. */
        boolean isPlainEmpty() {
            return plain && value.isEmpty();
        }
    }

    record Entry(YamlNode key, YamlNode value) {
    }

    /**
     * @param duplicateKeys true when two keys are equal as {@code serde_yaml::Value}s (for which
     *                      {@code serde_yaml::from_str::<Value>} fails)
     */
    record Mapping(List<Entry> entries, boolean duplicateKeys, int line, int column) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    }

    /** serde-style description for "invalid type" messages. */
    static String describe(YamlNode node) {
        return switch (node) {
            case null -> "nothing";
            case Mapping m -> "map";
            case Sequence s -> "sequence";
            case Scalar s -> switch (YamlScalars.resolve(s)) {
                case NULL -> "unit value";
                case BOOL -> "boolean `" + s.value() + "`";
                case INT -> "integer `" + s.value() + "`";
                case FLOAT -> "floating point `" + s.value() + "`";
                case STRING -> "string " + SerdeJson.quote(s.value());
            };
        };
    }
}
