package dev.omnigraph.console.cluster.model;

import java.util.List;
import java.util.Set;

/**
 * Cheap validations {@code config.rs::load_desired} applies to declared names and references:
 * {@code validate_id} ({@code [A-Za-z_][A-Za-z0-9_-]*} → {@code invalid_resource_id}),
 * {@code normalize_policy_target}, {@code normalize_embedding_provider_target}, and
 * {@code types.rs::EmbeddingProviderConfig::validate} (provider kind via the engine's
 * {@code embedding.rs::provider_profile}; {@code ${NAME}} api-key references).
 */
final class ConfigRules {

    static final Set<String> PROVIDER_KINDS = Set.of("openai-compatible", "openai", "gemini", "mock");

    /** A normalized {@code applies_to} entry or a provider reference. */
    sealed interface Target {
        record Cluster() implements Target {
        }

        record Named(String name) implements Target {
        }

        record WrongKind(String raw) implements Target {
        }
    }

    private ConfigRules() {
    }

    static void validateId(String kind, String path, String value, List<Diagnostic> diagnostics) {
        boolean valid = !value.isEmpty() && (isAsciiAlpha(value.charAt(0)) || value.charAt(0) == '_');
        for (int i = 1; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
        if (!valid) {
            diagnostics.add(Diagnostic.error("invalid_resource_id", path, kind + " `" + value
                    + "` is not a valid id: start with an ASCII letter or `_`, then use letters, digits, `_` or `-`"));
        }
    }

    /** {@code cluster}, {@code graph.<id>} or bare {@code <id>}; other dotted values are the wrong kind. */
    static Target policyTarget(String value) {
        if (value.equals("cluster")) {
            return new Target.Cluster();
        }
        if (value.startsWith("graph.")) {
            return new Target.Named(value.substring(6));
        }
        if (value.indexOf('.') >= 0) {
            return new Target.WrongKind(value);
        }
        return new Target.Named(value);
    }

    /** {@code provider.embedding.<name>} or bare {@code <name>}; other dotted values are the wrong kind. */
    static Target providerTarget(String value) {
        if (value.startsWith("provider.embedding.")) {
            return new Target.Named(value.substring("provider.embedding.".length()));
        }
        if (value.indexOf('.') >= 0) {
            return new Target.WrongKind(value);
        }
        return new Target.Named(value);
    }

    static void validateProvider(EmbeddingProfile profile, String path, List<Diagnostic> diagnostics) {
        if (profile.kind() != null && !PROVIDER_KINDS.contains(profile.kind())) {
            diagnostics.add(Diagnostic.error("invalid_embedding_provider", path, "embedding provider kind `"
                    + profile.kind() + "` is unknown; known kinds are openai-compatible, openai, gemini and mock"));
        }
        String apiKey = profile.apiKey();
        String inline = "api_key must name an environment variable as ${NAME}; inline secrets are refused";
        if ("mock".equals(profile.kind())) {
            if (apiKey != null && !isSecretReference(apiKey)) {
                diagnostics.add(Diagnostic.error("embedding_api_key_inline", path + ".api_key", inline));
            }
            return;
        }
        if (apiKey == null) {
            diagnostics.add(Diagnostic.error("embedding_api_key_required", path + ".api_key",
                    "api_key is required for every kind except mock, as a ${NAME} environment reference"));
        } else if (!isSecretReference(apiKey)) {
            diagnostics.add(Diagnostic.error("embedding_api_key_inline", path + ".api_key", inline));
        }
    }

    /** {@code types.rs::secret_ref_name}: trimmed value is {@code ${NAME}} with a non-blank name. */
    static boolean isSecretReference(String value) {
        String trimmed = RustStrings.trim(value);
        return trimmed.startsWith("${") && trimmed.endsWith("}") && trimmed.length() >= 3
                && !RustStrings.trim(trimmed.substring(2, trimmed.length() - 1)).isEmpty();
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
