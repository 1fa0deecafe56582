package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.StoreUri;

/**
 * The {@code storage:} value that points {@code cluster.yaml} at a root (spec §2.1): the
 * {@code s3://bucket/prefix} URI, or the plain absolute path of a local root (upstream strips a
 * literal {@code file://} and treats anything else as a path). Quoted in YAML only when a plain
 * scalar would be misread.
 */
public final class StorageLine {
    private StorageLine() {}

    /** The value as upstream reads it. */
    public static String value(StoreUri root) {
        return root.display();
    }

    /** The value as a YAML scalar: plain when safe, else double-quoted. */
    public static String yamlScalar(String value) {
        if (value.matches("[A-Za-z0-9/_][A-Za-z0-9_./:@~+%=,-]*") && !value.contains(": ") && !value.endsWith(":")
                && !value.matches("(?i)true|false|yes|no|on|off|null|~|[0-9.eE+-]+")) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The whole line, e.g. {@code storage: s3://bucket/clusters/prod}. */
    public static String line(StoreUri root) {
        return "storage: " + yamlScalar(value(root));
    }
}
