package dev.omnigraph.console.cluster.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of every rendering of a ledger. Upstream stores embedding API keys only as
 * {@code ${NAME}} references and refuses inline keys, so a well-formed ledger shows nothing to
 * hide; a hand-edited one might, and then the value of any {@code api_key} that is not a reference
 * is replaced by {@link #HIDDEN} in diffs, JSON output and restore guidance.
 */
public final class SecretMask {
    public static final String HIDDEN = "«hidden inline value»";

    private static final Pattern REFERENCE = Pattern.compile("\\s*\\$\\{\\s*[^}\\s][^}]*}\\s*");
    private static final Pattern LINE = Pattern.compile("(\"api_key\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

    private SecretMask() {}

    /** True for {@code ${NAME}}: a reference, never a secret. */
    public static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value).matches();
    }

    /** The value as it may be shown. */
    public static String apiKey(String value) {
        return value == null || isReference(value) ? value : HIDDEN;
    }

    /** One line of JSON text with any inline {@code api_key} value hidden. */
    public static String line(String text) {
        Matcher m = LINE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String value = m.group(2);
            if (!isReference(value)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + HIDDEN + m.group(3)));
                changed = true;
            }
        }
        if (!changed) {
            return text;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A copy of a JSON value with every inline {@code api_key} string hidden. */
    public static JsonNode json(JsonNode value) {
        if (value == null || !value.isContainerNode()) {
            return value;
        }
        JsonNode copy = value.deepCopy();
        hide(copy);
        return copy;
    }

    private static void hide(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : object.properties().stream().map(java.util.Map.Entry::getKey).toList()) {
                JsonNode value = object.get(name);
                if (name.equals("api_key") && value.isTextual() && !isReference(value.textValue())) {
                    object.put(name, HIDDEN);
                } else {
                    hide(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(SecretMask::hide);
        }
    }
}
