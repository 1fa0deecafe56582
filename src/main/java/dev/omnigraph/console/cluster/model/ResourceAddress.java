package dev.omnigraph.console.cluster.model;

import java.util.Objects;

/**
 * A resource address in the ledger or the desired config, parsed exactly like upstream
 * {@code diff.rs::resource_kind}: the prefix decides the kind ({@code graph.}, {@code schema.},
 * {@code query.}, {@code policy.}, {@code provider.embedding.}); for {@code query.} the remainder is
 * split at its first {@code .} into graph and name (no dot ⇒ {@link ResourceKind#UNKNOWN}); anything
 * else is {@code UNKNOWN} and kept verbatim. Like upstream, the remainder is not re-validated here
 * ({@code graph.a.b} is a graph with id {@code a.b}).
 *
 * @param address the full address as written
 * @param kind    parsed kind
 * @param graphId graph id for graph/schema/query addresses, else null
 * @param name    query name, policy name or provider name, else null
 */
public record ResourceAddress(String address, ResourceKind kind, String graphId, String name) {

    public ResourceAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
    }

    public static ResourceAddress parse(String address) {
        Objects.requireNonNull(address, "address");
        if (address.startsWith("graph.")) {
            return new ResourceAddress(address, ResourceKind.GRAPH, address.substring(6), null);
        }
        if (address.startsWith("schema.")) {
            return new ResourceAddress(address, ResourceKind.SCHEMA, address.substring(7), null);
        }
        if (address.startsWith("query.")) {
            String rest = address.substring(6);
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return new ResourceAddress(address, ResourceKind.UNKNOWN, null, null);
            }
            return new ResourceAddress(address, ResourceKind.QUERY, rest.substring(0, dot), rest.substring(dot + 1));
        }
        if (address.startsWith("policy.")) {
            return new ResourceAddress(address, ResourceKind.POLICY, null, address.substring(7));
        }
        if (address.startsWith("provider.embedding.")) {
            return new ResourceAddress(address, ResourceKind.EMBEDDING_PROVIDER, null,
                    address.substring("provider.embedding.".length()));
        }
        return new ResourceAddress(address, ResourceKind.UNKNOWN, null, null);
    }

    public static String graph(String graphId) {
        return "graph." + graphId;
    }

    public static String schema(String graphId) {
        return "schema." + graphId;
    }

    public static String query(String graphId, String queryName) {
        return "query." + graphId + "." + queryName;
    }

    public static String policy(String policyName) {
        return "policy." + policyName;
    }

    public static String embeddingProvider(String providerName) {
        return "provider.embedding." + providerName;
    }

    @Override
    public String toString() {
        return address;
    }
}
