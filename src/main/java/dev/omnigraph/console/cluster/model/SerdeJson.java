package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON exactly like {@code serde_json::to_string} (compact) and
 * {@code serde_json::to_string_pretty} (2-space indent, {@code "key": value}, {@code {}}/{@code []}
 * for empty containers), with serde_json's string escaping: {@code "} and {@code \} escaped,
 * control characters as the short escapes (b, t, n, f, r) or a lowercase six-character unicode escape, everything else
 * (including non-ASCII, {@code /} and DEL) verbatim. Object keys keep insertion order
 * (upstream links serde_json with {@code preserve_order}).
 *
 * <p>Only the value kinds the wire model needs to <em>emit</em> are supported: strings, integers,
 * booleans, null, objects and arrays. Floats are rejected because reproducing serde_json's
 * {@code ryu} formatting is not needed by any digest or writer here.
 */
public final class SerdeJson {

    private SerdeJson() {
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String compact(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1);
        return out.toString();
    }

    public static String pretty(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    /** indent &lt; 0 means compact. */
    private static void write(StringBuilder out, JsonNode value, int indent) {
        if (value == null || value.isNull()) {
            out.append("null");
        } else if (value.isTextual()) {
            appendQuoted(out, value.textValue());
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue());
        } else if (value.isNumber()) {
            throw new IllegalArgumentException("float values are not emitted by the wire model");
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (indent >= 0) {
                    newline(out, indent + 1);
                }
                write(out, value.get(i), indent < 0 ? -1 : indent + 1);
            }
            if (indent >= 0) {
                newline(out, indent);
            }
            out.append(']');
        } else if (value.isObject()) {
            if (value.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (indent >= 0) {
                    newline(out, indent + 1);
                }
                appendQuoted(out, field.getKey());
                out.append(indent < 0 ? ":" : ": ");
                write(out, field.getValue(), indent < 0 ? -1 : indent + 1);
            }
            if (indent >= 0) {
                newline(out, indent);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("unsupported JSON node " + value.getNodeType());
        }
    }

    private static void newline(StringBuilder out, int indent) {
        out.append('\n');
        out.append("  ".repeat(indent));
    }
}
