package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected digests listed in the fixtures README, recomputed from the fixture files. */
class DigestsTest {

    private static final ExternalBlobPolicy KNOWLEDGE_POLICY = new ExternalBlobPolicy.Allow(List.of(
            new ExternalBlobBase("s3://assets-bucket/knowledge/", ExternalBlobScope.SERVER_SAFE)));
    private static final String QUERY = "bdcc722f18645b6366807fbe3180bff5c366af6a1fc848e9041653bd0e2d4d45";
    private static final String PROVIDER = "cc5bbcf3999f2de707fb7782413f1a64fbfc804b229b55d183ef8bbc7b051730";
    // schema digests of the fixture files, computed with `sha256sum` over /work/shared/omnigraph/fixtures/…
    private static final String KNOWLEDGE_PREVIOUS = "3dc78563c26fd207793d549d050ab51123a6609b9bada73c7864a73c5d17856e"; // config-previous/knowledge.pg
    private static final String KNOWLEDGE = "3bdb4191b83af53d9f3fbd9281d137188287db7ae342e2d2f311146a0198fb09"; // config/knowledge.pg
    private static final String SCRATCH_LIVE = "f1e61b961f3a4ae87c7cb9ba5e83b80c0dcd97f909d3ae863661adb8d95a2b83"; // notes/scratch.live.pg

    @Test
    void stateCasOfTheFixtureLedger() {
        assertThat(Digests.stateCas(Fixtures.bytes(Fixtures.CLUSTER + "state.json")))
                .isEqualTo("sha256:6dff3784d52a71fdcdfadb061dd770ee83244b77bfabdf567e41c88ad9b667a4");
    }

    @Test
    void leafSourceDigests() {
        assertThat(Digests.sha256Hex(Fixtures.bytes("config-previous/knowledge.pg"))).isEqualTo(KNOWLEDGE_PREVIOUS);
        assertThat(Digests.sha256Hex(Fixtures.bytes("config/knowledge.pg"))).isEqualTo(KNOWLEDGE);
        assertThat(Digests.sha256Hex(Fixtures.bytes("config-previous/scratch.pg"))).startsWith("c425e738").endsWith("49656f");
        assertThat(Digests.sha256Hex(Fixtures.bytes("notes/scratch.live.pg"))).isEqualTo(SCRATCH_LIVE);
        assertThat(Digests.sha256Hex(Fixtures.bytes("config/queries/people.gq"))).isEqualTo(QUERY);
        assertThat(Digests.sha256Hex(Fixtures.bytes("config/policies/base.policy.yaml"))).startsWith("56e2020c").endsWith("916032");
        assertThat(Digests.sha256Hex(Fixtures.bytes("config/policies/server.policy.yaml"))).startsWith("3f09fcb0").endsWith("88b35d");
    }

    @Test
    void providerDigestUsesRawProfileInFieldOrder() {
        EmbeddingProfile profile = new EmbeddingProfile("openai-compatible", "https://openrouter.ai/api/v1",
                "openai/text-embedding-3-large", "${OPENROUTER_API_KEY}");
        assertThat(profile.toCompactJson()).isEqualTo("{\"kind\":\"openai-compatible\",\"base_url\":"
                + "\"https://openrouter.ai/api/v1\",\"model\":\"openai/text-embedding-3-large\",\"api_key\":\"${OPENROUTER_API_KEY}\"}");
        assertThat(Digests.providerDigest(profile)).isEqualTo(PROVIDER);
        assertThat(new EmbeddingProfile(null, null, "m", null).toCompactJson()).isEqualTo("{\"model\":\"m\"}");
        assertThat(Digests.providerDigest(new EmbeddingProfile(null, null, null, null)))
                .isEqualTo("0bcf9f87bb1e4cdb186d6fd0bee411fb7d9da65844d130a67683381a6b36f93e"); // sha256("embedding-provider\0{}"), Python hashlib
    }

    @Test
    void ledgerAndDesiredGraphComposites() {
        Map<String, String> queries = Map.of("list_people", QUERY, "find_person", QUERY);
        assertThat(Digests.graphComposite("knowledge", KNOWLEDGE_PREVIOUS,
                queries, "provider.embedding.default", PROVIDER, KNOWLEDGE_POLICY))
                .isEqualTo("1c8a018a66fb3a3d099fd075e0fbd53cf07da585cea49f8bcb3d2bdd8f1a2b0a");
        assertThat(Digests.graphComposite("knowledge", KNOWLEDGE,
                queries, "provider.embedding.default", PROVIDER, KNOWLEDGE_POLICY))
                .isEqualTo("7784365a5371447ca4c0058c447386b5cf862659946acde7073dd9d72be8ecba");
        assertThat(Digests.graphComposite("scratch", SCRATCH_LIVE,
                Map.of(), null, null, null))
                .isEqualTo("756ad779ed496fb1695d22e15b495f59e3f2c22f3826fb92dbc9e16d6d79263c");
    }

    @Test
    void compositeInputIsTheExactUpstreamString() {
        String input = Digests.graphCompositeInput("g", null, Map.of("b", "2", "a", "1"), "provider.embedding.p", null,
                KNOWLEDGE_POLICY);
        assertThat(input).isEqualTo("graph\0g\0schema\0\0query\0a\0" + "1\0query\0b\0" + "2\0embedding_provider\0"
                + "provider.embedding.p\0\0external_blob_policy\0{\"mode\":\"allow\",\"bases\":[{\"uri\":"
                + "\"s3://assets-bucket/knowledge/\",\"scope\":\"server_safe\"}]}\0");
        // deny, null policy and no queries add nothing: pre-policy digests stay stable
        assertThat(Digests.graphCompositeInput("g", "s", null, null, null, ExternalBlobPolicy.DENY))
                .isEqualTo("graph\0g\0schema\0s\0")
                .isEqualTo(Digests.graphCompositeInput("g", "s", Map.of(), null, null, null));
    }

    @Test
    void desiredConfigDigestInput() {
        assertThat(Digests.desiredConfigDigest("{}", Map.of("b", "2", "a", "1")))
                // sha256("cluster-config\0{}\0a\01\0b\02\0"), computed with Python's hashlib
                .isEqualTo("5d95ea6db90301717262a81025076c63225696c7e28c6d3cd70e00e86570842e");
    }

    @Test
    void catalogBlobsVerifyByHashing() throws Exception {
        String key = "query/knowledge/find_person/" + QUERY + ".gq";
        byte[] blob = Fixtures.bytes(Fixtures.CLUSTER + "resources/" + key);
        assertThat(CatalogPayload.relativeKey(ResourceAddress.parse("query.knowledge.find_person"), QUERY))
                .contains("__cluster/resources/" + key);
        assertThat(CatalogPayload.relativeKey(ResourceAddress.parse("policy.base"), "d"))
                .contains("__cluster/resources/policy/base/d.yaml");
        assertThat(CatalogPayload.relativeKey(ResourceAddress.parse("schema.knowledge"), "d")).isEmpty();
        assertThat(CatalogPayload.verify("query.knowledge.find_person", blob, QUERY)).startsWith("query find_person");
        assertThatThrownBy(() -> CatalogPayload.verify("query.knowledge.find_person", blob, "0".repeat(64)))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.code()).isEqualTo("catalog_payload_digest_mismatch"));
        assertThatThrownBy(() -> CatalogPayload.verify("policy.x", new byte[] {(byte) 0xFE}, "x"))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.code()).isEqualTo("catalog_payload_read_error"));
    }

    @Test
    void everyCatalogBlobInTheFixtureMatchesTheLedger() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.bytes(Fixtures.CLUSTER + "state.json"));
        int verified = 0;
        for (var entry : ledger.resources().entrySet()) {
            var key = CatalogPayload.relativeKey(ResourceAddress.parse(entry.getKey()), entry.getValue().digest());
            if (key.isPresent()) {
                CatalogPayload.verify(entry.getKey(),
                        Fixtures.bytes("storage-root/" + key.get()), entry.getValue().digest());
                verified++;
            }
        }
        assertThat(verified).isEqualTo(4);
    }
}
