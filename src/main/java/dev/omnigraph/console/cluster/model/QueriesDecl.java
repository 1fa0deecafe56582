package dev.omnigraph.console.cluster.model;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a graph declares its stored queries: upstream's untagged {@code config.rs::QueriesDecl}.
 * A YAML string is {@link Discover} (a directory of top-level {@code *.gq} files or one file), a
 * list of strings is {@link DiscoverMany}, a map {@code name: {file: path}} is {@link Explicit};
 * an absent key is an empty {@code Explicit}. Paths are kept verbatim (they are hashed into the
 * desired config digest as written).
 */
public sealed interface QueriesDecl {

    record Discover(String path) implements QueriesDecl {
    }

    record DiscoverMany(List<String> paths) implements QueriesDecl {
        public DiscoverMany {
            paths = List.copyOf(paths);
        }
    }

    /** @param files query name → file, sorted by name */
    record Explicit(SortedMap<String, String> files) implements QueriesDecl {
        public Explicit {
            TreeMap<String, String> copy = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
            copy.putAll(files);
            files = Collections.unmodifiableSortedMap(copy);
        }
    }

    /** The default when {@code queries} is absent. */
    static QueriesDecl empty() {
        return new Explicit(new TreeMap<>());
    }

    /** {@code serde_json::to_string} of the declaration (untagged: string, array, or map of {@code {"file"}}). */
    default void appendCompactJson(StringBuilder out) {
        switch (this) {
            case Discover d -> SerdeJson.appendQuoted(out, d.path());
            case DiscoverMany many -> {
                out.append('[');
                for (int i = 0; i < many.paths().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    SerdeJson.appendQuoted(out, many.paths().get(i));
                }
                out.append(']');
            }
            case Explicit explicit -> {
                out.append('{');
                boolean first = true;
                for (var entry : explicit.files().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    SerdeJson.appendQuoted(out, entry.getKey());
                    out.append(":{\"file\":");
                    SerdeJson.appendQuoted(out, entry.getValue());
                    out.append('}');
                }
                out.append('}');
            }
        }
    }
}
