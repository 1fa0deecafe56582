package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code applied_revision.resources}, upstream's strict {@code StateResource}
 * ({@code crates/omnigraph-cluster/src/types.rs}). Only {@code digest} is required; the four
 * optional fields are omitted on write when absent and {@code null} reads as absent.
 *
 * @param digest             64-hex digest (graph composites for {@code graph.<id>})
 * @param appliesTo          policy only: normalized bindings ({@code cluster} | {@code graph.<id>}), or null
 * @param embeddingProvider  graph only: bound {@code provider.embedding.<name>}, or null
 * @param embeddingProfile   provider only: the raw profile, or null
 * @param externalBlobPolicy graph only: the normalized policy, or null when absent (= deny)
 */
public record LedgerResource(String digest, List<String> appliesTo, String embeddingProvider,
        EmbeddingProfile embeddingProfile, ExternalBlobPolicy externalBlobPolicy) {

    static final List<String> FIELDS = List.of("digest", "applies_to", "embedding_provider",
            "embedding_profile", "external_blob_policy");

    public LedgerResource {
        Objects.requireNonNull(digest, "digest");
        appliesTo = appliesTo == null ? null : List.copyOf(appliesTo);
    }

    /** The policy in force: the recorded one, or deny when the field is absent. */
    public ExternalBlobPolicy effectiveExternalBlobPolicy() {
        return externalBlobPolicy == null ? ExternalBlobPolicy.DENY : externalBlobPolicy;
    }

    static LedgerResource readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct struct = JsonStruct.open(value, path, code, "struct StateResource", FIELDS);
        String digest = struct.requiredString("digest");
        List<String> appliesTo = struct.optionalStringList("applies_to");
        String embeddingProvider = struct.optionalString("embedding_provider");
        JsonNode profile = struct.raw("embedding_profile");
        EmbeddingProfile embeddingProfile = profile == null || profile.isNull() ? null
                : EmbeddingProfile.readJson(profile, struct.fieldPath("embedding_profile"), code);
        JsonNode policy = struct.raw("external_blob_policy");
        ExternalBlobPolicy externalBlobPolicy = policy == null || policy.isNull() ? null
                : ExternalBlobPolicy.readJson(policy, struct.fieldPath("external_blob_policy"), code);
        return new LedgerResource(digest, appliesTo, embeddingProvider, embeddingProfile, externalBlobPolicy);
    }
}
