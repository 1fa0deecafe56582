package dev.omnigraph.console.cluster.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code policies.<name>} in {@code cluster.yaml}: upstream's strict {@code PolicyConfig}
 * ({@code types.rs}); both keys are required. {@code applies_to} is kept as written (its order and
 * spelling are part of the config digest); {@link DesiredConfig} holds the normalized bindings.
 */
public record PolicyConfig(String file, List<String> appliesTo) {

    public PolicyConfig {
        Objects.requireNonNull(file, "file");
        appliesTo = List.copyOf(appliesTo);
    }

    void appendCompactJson(StringBuilder out) {
        out.append("{\"file\":");
        SerdeJson.appendQuoted(out, file);
        out.append(",\"applies_to\":[");
        for (int i = 0; i < appliesTo.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            SerdeJson.appendQuoted(out, appliesTo.get(i));
        }
        out.append("]}");
    }
}
