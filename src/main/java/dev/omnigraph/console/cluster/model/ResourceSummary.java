package dev.omnigraph.console.cluster.model;

import java.util.Objects;

/**
 * One desired resource, upstream's {@code ResourceSummary} ({@code types.rs}) as listed by
 * {@code cluster validate}.
 *
 * @param address e.g. {@code query.knowledge.find_person}
 * @param kind    resource kind
 * @param digest  64-hex digest
 * @param path    source file for schema/query/policy resources, else null
 */
public record ResourceSummary(String address, ResourceKind kind, String digest, String path) {
    public ResourceSummary {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digest, "digest");
    }
}
