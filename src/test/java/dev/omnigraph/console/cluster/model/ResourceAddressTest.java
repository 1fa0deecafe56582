package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceAddressTest {

    @Test
    void parsesLikeUpstreamResourceKind() {
        assertThat(ResourceAddress.parse("graph.knowledge"))
                .isEqualTo(new ResourceAddress("graph.knowledge", ResourceKind.GRAPH, "knowledge", null));
        assertThat(ResourceAddress.parse("schema.knowledge").graphId()).isEqualTo("knowledge");
        assertThat(ResourceAddress.parse("query.knowledge.find_person"))
                .isEqualTo(new ResourceAddress("query.knowledge.find_person", ResourceKind.QUERY, "knowledge", "find_person"));
        assertThat(ResourceAddress.parse("query.a.b.c")).extracting(ResourceAddress::graphId, ResourceAddress::name)
                .containsExactly("a", "b.c");
        assertThat(ResourceAddress.parse("policy.base")).extracting(ResourceAddress::kind, ResourceAddress::name)
                .containsExactly(ResourceKind.POLICY, "base");
        assertThat(ResourceAddress.parse("provider.embedding.default"))
                .extracting(ResourceAddress::kind, ResourceAddress::name)
                .containsExactly(ResourceKind.EMBEDDING_PROVIDER, "default");
        assertThat(ResourceAddress.parse("query.nodot").kind()).isEqualTo(ResourceKind.UNKNOWN);
        assertThat(ResourceAddress.parse("provider.other.x").kind()).isEqualTo(ResourceKind.UNKNOWN);
        assertThat(ResourceAddress.parse("cluster").kind()).isEqualTo(ResourceKind.UNKNOWN);
        assertThat(ResourceAddress.parse("graph.a.b").graphId()).isEqualTo("a.b");
        assertThat(ResourceAddress.parse("whatever.x").toString()).isEqualTo("whatever.x");
        assertThat(ResourceKind.EMBEDDING_PROVIDER.wireName()).isEqualTo("embedding_provider");
        assertThat(Severity.ERROR.wireName()).isEqualTo("error");
        assertThat(Severity.WARNING.wireName()).isEqualTo("warning");
    }
}
