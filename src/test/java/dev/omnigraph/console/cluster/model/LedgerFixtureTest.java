package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerFixtureTest {

    private static final String KNOWLEDGE_COMPOSITE = "1c8a018a66fb3a3d099fd075e0fbd53cf07da585cea49f8bcb3d2bdd8f1a2b0a";
    private static final String SCRATCH_COMPOSITE = "756ad779ed496fb1695d22e15b495f59e3f2c22f3826fb92dbc9e16d6d79263c";
    private static final String PROVIDER = "cc5bbcf3999f2de707fb7782413f1a64fbfc804b229b55d183ef8bbc7b051730";
    private static final String QUERY = "bdcc722f18645b6366807fbe3180bff5c366af6a1fc848e9041653bd0e2d4d45";

    @Test
    void populatedLedgerParsesWithExactValues() throws Exception {
        byte[] bytes = Fixtures.bytes(Fixtures.CLUSTER + "state.json");
        Ledger ledger = Ledger.parse(bytes);

        assertThat(ledger.cas()).isEqualTo("sha256:6dff3784d52a71fdcdfadb061dd770ee83244b77bfabdf567e41c88ad9b667a4");
        assertThat(ledger.rawBytes()).isEqualTo(bytes).isNotSameAs(bytes);
        assertThat(ledger.version()).isEqualTo(1);
        assertThat(ledger.stateRevision()).isEqualTo(17);
        assertThat(ledger.configDigest()).isEqualTo("29678b2245f49c1eb3f4c621845bbc1671759789d9112c6ec9a51a3dc3d72abb");
        assertThat(ledger.resources().keySet()).containsExactly("graph.knowledge", "graph.scratch", "policy.base",
                "policy.server", "provider.embedding.default", "query.knowledge.find_person",
                "query.knowledge.list_people", "schema.knowledge", "schema.scratch");

        LedgerResource knowledge = ledger.resources().get("graph.knowledge");
        assertThat(knowledge.digest()).isEqualTo(KNOWLEDGE_COMPOSITE);
        assertThat(knowledge.embeddingProvider()).isEqualTo("provider.embedding.default");
        assertThat(knowledge.appliesTo()).isNull();
        assertThat(knowledge.embeddingProfile()).isNull();
        assertThat(knowledge.externalBlobPolicy()).isEqualTo(new ExternalBlobPolicy.Allow(List.of(
                new ExternalBlobBase("s3://assets-bucket/knowledge/", ExternalBlobScope.SERVER_SAFE))));

        LedgerResource scratch = ledger.resources().get("graph.scratch");
        assertThat(scratch.digest()).isEqualTo(SCRATCH_COMPOSITE);
        assertThat(scratch.externalBlobPolicy()).isNull();
        assertThat(scratch.effectiveExternalBlobPolicy().isDeny()).isTrue();

        assertThat(ledger.resources().get("policy.base").appliesTo()).containsExactly("graph.knowledge");
        assertThat(ledger.resources().get("policy.server").appliesTo()).containsExactly("cluster");
        assertThat(ledger.resources().get("provider.embedding.default").embeddingProfile()).isEqualTo(
                new EmbeddingProfile("openai-compatible", "https://openrouter.ai/api/v1",
                        "openai/text-embedding-3-large", "${OPENROUTER_API_KEY}"));
        assertThat(ledger.resources().get("provider.embedding.default").digest()).isEqualTo(PROVIDER);
        assertThat(ledger.resources().get("query.knowledge.list_people").digest()).isEqualTo(QUERY);
        assertThat(ledger.resources().get("schema.scratch").digest())
                .isEqualTo("f1e61b961f3a4ae87c7cb9ba5e83b80c0dcd97f909d3ae863661adb8d95a2b83");

        assertThat(ledger.resourceStatuses()).hasSize(9);
        assertThat(ledger.resourceStatuses().get("graph.knowledge"))
                .isEqualTo(new ResourceStatusRecord(ResourceStatus.APPLIED, List.of(), null));
        assertThat(ledger.resourceStatuses().get("schema.scratch")).isEqualTo(new ResourceStatusRecord(
                ResourceStatus.DRIFTED, List.of("schema_mismatch"),
                "live schema digest differs from desired schema digest"));
        ResourceStatusRecord server = ledger.resourceStatuses().get("policy.server");
        assertThat(server.status()).isEqualTo(ResourceStatus.ERROR);
        assertThat(server.conditions()).containsExactly("payload_read_error");
        assertThat(server.message()).startsWith("could not read catalog payload 's3://omnigraph-local/");

        JsonNode approval = ledger.approvalRecords().get("01KZNF31Y6T9NS5SEZX35HGNFY");
        assertThat(approval.get("consumed_at").asText()).isEqualTo("2026-08-10T09:15:40.771208346Z");
        assertThat(approval.get("consumed_by_operation").asText()).isEqualTo("apply");
        JsonNode recovery = ledger.recoveryRecords().get("01KZV4HH53RCG7RASTQRAA0DB9");
        assertThat(recovery.get("kind").asText()).isEqualTo("schema_apply");
        assertThat(recovery.get("recovered_at").asText()).isEqualTo("2026-08-12T14:20:02.55019874Z");

        assertThat(ledger.observations().keySet()).containsExactly("graph.knowledge", "graph.legacy", "graph.scratch");
        assertThat(ledger.observations().get("graph.knowledge").get("graph_manifest_version").asLong()).isEqualTo(42);
        assertThat(ledger.observations().get("graph.legacy").get("kind").asText()).isEqualTo("tombstone");
        assertThat(ledger.observations().get("graph.scratch").get("schema_matches_desired").asBoolean()).isFalse();
    }

    @Test
    void populatedLedgerCompositesAndProvidersVerify() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.bytes(Fixtures.CLUSTER + "state.json"));
        assertThat(Digests.expectedLedgerGraphComposite(ledger, "knowledge", ledger.resources().get("graph.knowledge")))
                .isEqualTo(KNOWLEDGE_COMPOSITE);
        assertThat(Digests.expectedLedgerGraphComposite(ledger, "scratch", ledger.resources().get("graph.scratch")))
                .isEqualTo(SCRATCH_COMPOSITE);
        assertThat(Digests.verifyGraphComposites(ledger)).isEmpty();
        assertThat(Digests.verifyProviderProfiles(ledger)).isEmpty();
    }

    @Test
    void tamperedPolicyIsReportedPerGraph() throws Exception {
        String text = Fixtures.text(Fixtures.CLUSTER + "state.json")
                .replace("\"uri\": \"s3://assets-bucket/knowledge/\"", "\"uri\": \"s3://assets-bucket/\"")
                .replace("\"digest\": \"756ad779", "\"digest\": \"000ad779");
        Ledger ledger = Ledger.parse(Fixtures.utf8(text));
        List<Diagnostic> findings = Digests.verifyGraphComposites(ledger);
        assertThat(findings).extracting(Diagnostic::code).containsOnly("external_blob_policy_digest_mismatch");
        assertThat(findings).extracting(Diagnostic::path).containsExactly("graph.knowledge", "graph.scratch");
        assertThat(findings).allMatch(Diagnostic::isError);
    }

    @Test
    void tamperedProviderProfileIsReported() throws Exception {
        String text = Fixtures.text(Fixtures.CLUSTER + "state.json")
                .replace("\"model\": \"openai/text-embedding-3-large\"", "\"model\": \"other\"");
        Ledger ledger = Ledger.parse(Fixtures.utf8(text));
        assertThat(Digests.verifyProviderProfiles(ledger)).singleElement()
                .extracting(Diagnostic::code, Diagnostic::path)
                .containsExactly("embedding_provider_digest_mismatch", "provider.embedding.default");
    }

    @Test
    void minimalVariantDefaultsRevisionAndSections() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.bytes("variants/state.minimal.json"));
        assertThat(ledger.stateRevision()).isZero();
        assertThat(ledger.configDigest()).isEqualTo("old");
        assertThat(ledger.resourceDigests()).containsExactly(java.util.Map.entry("graph.knowledge", "old-graph"));
        assertThat(ledger.resourceStatuses()).isEmpty();
        assertThat(ledger.approvalRecords()).isEmpty();
        assertThat(ledger.recoveryRecords()).isEmpty();
        assertThat(ledger.observations()).isEmpty();
    }

    @Test
    void noConfigDigestVariantIsAccepted() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.bytes("variants/state.no-config-digest.json"));
        assertThat(ledger.configDigest()).isNull();
        assertThat(ledger.stateRevision()).isEqualTo(1);
        assertThat(ledger.resources()).isEmpty();
    }

    @Test
    void legacyObservationIsCanonicalized() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.bytes("variants/state.legacy-observation.json"));
        JsonNode observation = ledger.observations().get("graph.knowledge");
        assertThat(observation.has("manifest_version")).isFalse();
        assertThat(observation.get("graph_manifest_version").isIntegralNumber()).isTrue();
        assertThat(observation.get("graph_manifest_version").asLong()).isEqualTo(12);
        assertThat(ledger.stateRevision()).isEqualTo(42);
        assertThat(ledger.resourceStatuses().get("graph.knowledge"))
                .isEqualTo(new ResourceStatusRecord(ResourceStatus.APPLIED, List.of("healthy"), "ready"));
    }

    @Test
    void legacyKeyIsSwapRemovedLikePreserveOrder() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.utf8("""
                {"version":1,"applied_revision":{},"observations":{"graph.a":
                  {"kind":"graph","manifest_version":5,"exists":true,"error":null}}}"""));
        assertThat(ledger.observations().get("graph.a").fieldNames())
                .toIterable().containsExactly("kind", "error", "exists", "graph_manifest_version");
    }

    @Test
    void equalLegacyAndCanonicalVersionsAreAccepted() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.utf8("""
                {"version":1,"applied_revision":{},"observations":{"graph.a":
                  {"manifest_version":5,"graph_manifest_version":5}}}"""));
        assertThat(ledger.observations().get("graph.a").toString()).isEqualTo("{\"graph_manifest_version\":5}");
    }

    @Test
    void integerAndFloatVersionsConflictLikeSerdeValues() {
        assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8("""
                {"version":1,"applied_revision":{},"observations":{"graph.a":
                  {"manifest_version":5,"graph_manifest_version":5.0}}}""")))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.code()).isEqualTo("conflicting_graph_manifest_observation"));
    }

    @ParameterizedTest
    @CsvSource({
        "negative/state.unknown-field.json, invalid_state_json, state.etag",
        "negative/state.unknown-resource-field.json, invalid_state_json, state.applied_revision.resources.query.knowledge.find_person.path",
        // ≤ 0.11 answered unsupported_state_version; v0.13 decodes it as a v2 ledger without identity
        "negative/state.version-2.json, invalid_state, state.ledger_id",
        "negative/state.conflicting-manifest-version.json, conflicting_graph_manifest_observation, state.observations.graph.knowledge",
    })
    void negativeLedgersFailWithUpstreamCodes(String file, String code, String path) {
        assertThatThrownBy(() -> Ledger.parse(Fixtures.bytes(file)))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.diagnostic().path()).isEqualTo(path);
                    assertThat(e.diagnostic().severity()).isEqualTo(Severity.ERROR);
                    assertThat(e.getMessage()).isEqualTo(e.diagnostic().message()).isNotBlank();
                });
    }

    @Test
    void futureVersionWithNewFieldsFailsAsInvalidJsonFirst() {
        assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8(
                "{\"version\":2,\"applied_revision\":{},\"shards\":[]}")))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_state_json"));
    }

    @Test
    void unknownStatusValueIsInvalid() {
        assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8(
                "{\"version\":1,\"applied_revision\":{},\"resource_statuses\":{\"graph.a\":{\"status\":\"healthy\"}}}")))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_state_json");
                    assertThat(e.diagnostic().path()).isEqualTo("state.resource_statuses.graph.a.status");
                });
    }

    @Test
    void statusesAcceptEveryUpstreamValue() throws Exception {
        for (ResourceStatus status : ResourceStatus.values()) {
            Ledger ledger = Ledger.parse(Fixtures.utf8("{\"version\":1,\"applied_revision\":{},"
                    + "\"resource_statuses\":{\"x\":{\"status\":\"" + status.wireName() + "\"}}}"));
            assertThat(ledger.resourceStatuses().get("x").status()).isEqualTo(status);
        }
        // serde_json also reads a unit variant from a one-key object whose value is null
        Ledger mapForm = Ledger.parse(Fixtures.utf8("{\"version\":1,\"applied_revision\":{},"
                + "\"resource_statuses\":{\"x\":{\"status\":{\"drifted\":null}}}}"));
        assertThat(mapForm.resourceStatuses().get("x").status()).isEqualTo(ResourceStatus.DRIFTED);
        assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8("{\"version\":1,\"applied_revision\":{},"
                + "\"resource_statuses\":{\"x\":{\"status\":{\"drifted\":1}}}}")))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.diagnostic().path()).isEqualTo("state.resource_statuses.x.status.drifted"));
    }

    @Test
    void providerAliasIsAcceptedInStateButNotTogetherWithKind() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.utf8("{\"version\":1,\"applied_revision\":{\"resources\":{"
                + "\"provider.embedding.p\":{\"digest\":\"d\",\"embedding_profile\":{\"provider\":\"mock\"}}}}}"));
        assertThat(ledger.resources().get("provider.embedding.p").embeddingProfile().kind()).isEqualTo("mock");
        assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8("{\"version\":1,\"applied_revision\":{\"resources\":{"
                + "\"provider.embedding.p\":{\"digest\":\"d\",\"embedding_profile\":{\"provider\":\"mock\",\"kind\":\"mock\"}}}}}")))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.getMessage()).contains("duplicate field `kind`"));
    }

    @Test
    void externalBlobPolicyShapes() throws Exception {
        String prefix = "{\"version\":1,\"applied_revision\":{\"resources\":{\"graph.g\":{\"digest\":\"d\","
                + "\"external_blob_policy\":";
        Ledger deny = Ledger.parse(Fixtures.utf8(prefix + "{\"mode\":\"deny\",\"ignored\":1}}}}}"));
        assertThat(deny.resources().get("graph.g").externalBlobPolicy()).isEqualTo(ExternalBlobPolicy.DENY);
        for (String bad : List.of("{}", "{\"mode\":\"open\"}", "{\"mode\":\"allow\"}",
                "{\"mode\":\"allow\",\"bases\":[],\"x\":1}", "{\"mode\":\"allow\",\"bases\":[{\"uri\":\"s3://b/\"}]}",
                "{\"mode\":\"allow\",\"bases\":[{\"uri\":\"s3://b/\",\"scope\":\"anywhere\"}]}", "\"deny\"")) {
            assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8(prefix + bad + "}}}}")))
                    .as(bad)
                    .isInstanceOfSatisfying(WireFormatException.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid_state_json");
                        assertThat(e.diagnostic().path()).startsWith("state.applied_revision.resources.graph.g.external_blob_policy");
                    });
        }
    }

    @Test
    void nullMeansAbsentOnlyForOptionFields() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.utf8("{\"version\":1,\"applied_revision\":{\"config_digest\":null,"
                + "\"resources\":{\"policy.p\":{\"digest\":\"d\",\"applies_to\":null,\"embedding_provider\":null,"
                + "\"embedding_profile\":null,\"external_blob_policy\":null}}}}"));
        assertThat(ledger.resources().get("policy.p").appliesTo()).isNull();
        for (String bad : List.of("{\"version\":1,\"applied_revision\":{},\"state_revision\":null}",
                "{\"version\":1,\"applied_revision\":{},\"observations\":null}",
                "{\"version\":1,\"applied_revision\":{\"resources\":null}}",
                "{\"version\":1,\"applied_revision\":null}",
                "{\"version\":null,\"applied_revision\":{}}",
                "{\"version\":1,\"applied_revision\":{},\"resource_statuses\":{\"x\":{\"status\":\"applied\",\"conditions\":null}}}")) {
            assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8(bad))).as(bad)
                    .isInstanceOfSatisfying(WireFormatException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_state_json"));
        }
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8("{\"version\":1}")))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.diagnostic().path()).isEqualTo("state.applied_revision");
                    assertThat(e.getMessage()).contains("missing field `applied_revision`");
                });
        assertThatThrownBy(() -> Ledger.parse(Fixtures.utf8(
                "{\"version\":1,\"applied_revision\":{\"resources\":{\"graph.a\":{}}}}")))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.diagnostic().path()).isEqualTo("state.applied_revision.resources.graph.a.digest"));
    }

    @Test
    void mapsAreSortedByCodePoint() throws Exception {
        Ledger ledger = Ledger.parse(Fixtures.utf8("{\"version\":1,\"applied_revision\":{\"resources\":{"
                + "\"b\":{\"digest\":\"1\"},\"\uFB01\":{\"digest\":\"2\"},\"\uD83D\uDE00\":{\"digest\":\"3\"},\"a\":{\"digest\":\"4\"}}}}"));
        assertThat(ledger.resources().keySet()).containsExactly("a", "b", "\uFB01", "\uD83D\uDE00");
    }
}
