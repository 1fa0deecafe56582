package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredConfigTest {

    private static final String QUERY = "bdcc722f18645b6366807fbe3180bff5c366af6a1fc848e9041653bd0e2d4d45";
    private static final String README_JSON = "{\"version\":1,\"metadata\":{\"name\":\"company-brain\"},\"storage\":"
            + "\"s3://omnigraph-local/clusters/company-brain\",\"state\":{\"backend\":\"cluster\",\"lock\":true},"
            + "\"providers\":{\"embedding\":{\"default\":{\"kind\":\"openai-compatible\",\"base_url\":"
            + "\"https://openrouter.ai/api/v1\",\"model\":\"openai/text-embedding-3-large\",\"api_key\":"
            + "\"${OPENROUTER_API_KEY}\"}}},\"graphs\":{\"knowledge\":{\"schema\":\"knowledge.pg\",\"queries\":"
            + "\"queries/\",\"embedding_provider\":\"default\",\"external_blobs\":{\"allow\":[{\"base\":"
            + "\"s3://assets-bucket/knowledge/\",\"scope\":\"server_safe\"}]}}},\"policies\":{\"base\":{\"file\":"
            + "\"policies/base.policy.yaml\",\"applies_to\":[\"knowledge\"]},\"server\":{\"file\":"
            + "\"policies/server.policy.yaml\",\"applies_to\":[\"cluster\"]}}}";

    @TempDir
    Path tmp;

    @Test
    void fixtureConfigDigestAndSemantics() {
        DesiredConfigResult result = DesiredConfig.load(Fixtures.dir("config"));
        assertThat(result.diagnostics()).isEmpty();
        DesiredConfig desired = result.desired();
        assertThat(desired.configSemanticsJson()).isEqualTo(README_JSON);
        assertThat(desired.desiredConfigDigest()).isEqualTo("d18c533b1dc534b2a25fbc150dfe16dfafad5bf6ae2e99b91dd9ef9334f550f0");
        assertThat(desired.resourceDigests()).containsExactly(
                Map.entry("graph.knowledge", "7784365a5371447ca4c0058c447386b5cf862659946acde7073dd9d72be8ecba"),
                Map.entry("policy.base", "56e2020ccb7cc5c4b31f66dee6f83e11d6ab3771b6a8d376c0ac59d824916032"),
                Map.entry("policy.server", "3f09fcb0094b834ae6b6682705d62a8de5fd507665dc3526543f881ab588b35d"),
                Map.entry("provider.embedding.default", "cc5bbcf3999f2de707fb7782413f1a64fbfc804b229b55d183ef8bbc7b051730"),
                Map.entry("query.knowledge.find_person", QUERY),
                Map.entry("query.knowledge.list_people", QUERY),
                Map.entry("schema.knowledge", "3bdb4191b83af53d9f3fbd9281d137188287db7ae342e2d2f311146a0198fb09"));
        assertThat(desired.resources()).extracting(ResourceSummary::kind).containsExactly(ResourceKind.GRAPH,
                ResourceKind.POLICY, ResourceKind.POLICY, ResourceKind.EMBEDDING_PROVIDER, ResourceKind.QUERY,
                ResourceKind.QUERY, ResourceKind.SCHEMA);
        assertThat(desired.resources().get(4).path()).endsWith("queries/people.gq");
        assertThat(desired.dependencies()).containsExactly(
                new Dependency("graph.knowledge", "provider.embedding.default"),
                new Dependency("policy.base", "graph.knowledge"),
                new Dependency("query.knowledge.find_person", "graph.knowledge"),
                new Dependency("query.knowledge.find_person", "schema.knowledge"),
                new Dependency("query.knowledge.list_people", "graph.knowledge"),
                new Dependency("query.knowledge.list_people", "schema.knowledge"),
                new Dependency("schema.knowledge", "graph.knowledge"));
        assertThat(desired.policyBindings()).containsExactly(Map.entry("policy.base", List.of("graph.knowledge")),
                Map.entry("policy.server", List.of("cluster")));
        assertThat(desired.graphs()).singleElement().satisfies(g -> {
            assertThat(g.embeddingProvider()).isEqualTo("provider.embedding.default");
            assertThat(g.externalBlobPolicy().toCompactJson())
                    .isEqualTo("{\"mode\":\"allow\",\"bases\":[{\"uri\":\"s3://assets-bucket/knowledge/\",\"scope\":\"server_safe\"}]}");
        });
        assertThat(desired.storageRoot(Path.of("/"))).isEqualTo(new StorageRoot.S3("s3://omnigraph-local/clusters/company-brain"));
        assertThat(result.validateDiagnostics()).isEmpty();
    }

    @Test
    void previousConfigDigestIsTheLedgerConfigDigest() throws Exception {
        DesiredConfig previous = DesiredConfig.load(Fixtures.dir("config-previous")).desired();
        assertThat(previous.configDigest()).isEqualTo("29678b2245f49c1eb3f4c621845bbc1671759789d9112c6ec9a51a3dc3d72abb")
                .isEqualTo(Ledger.parse(Fixtures.bytes(Fixtures.CLUSTER + "state.json")).configDigest());
        assertThat(previous.configSemanticsJson())
                .contains(",\"scratch\":{\"schema\":\"scratch.pg\",\"queries\":{},\"embedding_provider\":null}}");
        assertThat(previous.resourceDigests().get("graph.knowledge"))
                .isEqualTo("1c8a018a66fb3a3d099fd075e0fbd53cf07da585cea49f8bcb3d2bdd8f1a2b0a");
        assertThat(previous.resourceDigests().get("schema.scratch")).startsWith("c425e738");
        assertThat(DesiredConfig.load(Fixtures.dir("config-previous")).validateDiagnostics())
                .singleElement().satisfies(d -> {
                    assertThat(d.code()).isEqualTo("external_blob_ingress_default_deny");
                    assertThat(d.path()).isEqualTo("graphs.scratch.external_blobs");
                    assertThat(d.severity()).isEqualTo(Severity.WARNING);
                });
    }

    @Test
    void digestIgnoresCommentsAndYamlStyleButNotSpelling() throws IOException {
        Path dir = copyFixture("config");
        Files.writeString(dir.resolve("cluster.yaml"), """
                # rendered differently on purpose
                metadata: { name: company-brain }   # same name
                version: 1
                state: { lock: true, backend: cluster }
                graphs: { knowledge: { queries: queries/, external_blobs: { allow: [ { scope: server_safe, base: "s3://assets-bucket/knowledge/" } ] }, embedding_provider: default, schema: knowledge.pg } }
                storage: 's3://omnigraph-local/clusters/company-brain'
                policies:
                  server: { applies_to: [ cluster ], file: policies/server.policy.yaml }
                  base:
                    applies_to:
                      - knowledge
                    file: policies/base.policy.yaml
                providers:
                  embedding:
                    default: { provider: openai-compatible, api_key: "${OPENROUTER_API_KEY}", model: openai/text-embedding-3-large, base_url: https://openrouter.ai/api/v1 }
                """);
        assertThat(DesiredConfig.load(dir).desired().configDigest())
                .isEqualTo("d18c533b1dc534b2a25fbc150dfe16dfafad5bf6ae2e99b91dd9ef9334f550f0");

        Files.writeString(dir.resolve("cluster.yaml"), Fixtures.text("config/cluster.yaml")
                .replace("embedding_provider: default", "embedding_provider: provider.embedding.default"));
        DesiredConfig respelled = DesiredConfig.load(dir).desired();
        assertThat(respelled.configDigest()).isNotEqualTo("d18c533b1dc534b2a25fbc150dfe16dfafad5bf6ae2e99b91dd9ef9334f550f0");
        assertThat(respelled.resourceDigests().get("graph.knowledge"))
                .isEqualTo("7784365a5371447ca4c0058c447386b5cf862659946acde7073dd9d72be8ecba");
    }

    @Test
    void queryDeclarationForms() throws IOException {
        Path dir = tmp.resolve("forms");
        Files.createDirectories(dir.resolve("q/nested"));
        Files.writeString(dir.resolve("s.pg"), "node A {\n  k: String @key\n}\n");
        Files.writeString(dir.resolve("q/a.gq"), "// query commented_out()\nquery alpha() { match { $a: A } return { $a.k } }\n");
        Files.writeString(dir.resolve("q/b.gq"), "/* query nope() {} */ query beta($x: String) @description(\"a { b\") {\n"
                + "  match { $a: A { k: \"}\" } } return { $a.k }\n}\n");
        Files.writeString(dir.resolve("q/nested/c.gq"), "query gamma() { match { $a: A } return { $a.k } }\n");
        Files.writeString(dir.resolve("q/readme.txt"), "query delta() {}");
        Files.writeString(dir.resolve("extra.gq"), "query gamma() { match { $a: A } return { $a.k } }\n");
        Files.writeString(dir.resolve("cluster.yaml"), """
                version: 1
                graphs:
                  dirform: {schema: s.pg, queries: q}
                  listform: {schema: s.pg, queries: [q/a.gq, extra.gq]}
                  fileform: {schema: s.pg, queries: extra.gq}
                  mapform: {schema: s.pg, queries: {beta: {file: q/b.gq}, ghost: {file: q/a.gq}, lost: {file: missing.gq}}}
                """);
        DesiredConfigResult result = DesiredConfig.load(dir);
        assertThat(result.desired().resourceDigests().keySet()).contains("query.dirform.alpha", "query.dirform.beta",
                "query.listform.alpha", "query.listform.gamma", "query.fileform.gamma", "query.mapform.beta",
                "query.mapform.ghost").doesNotContain("query.dirform.gamma", "query.dirform.delta",
                "query.dirform.commented_out", "query.dirform.nope", "query.mapform.lost");
        assertThat(result.desired().resourceDigests().get("query.listform.gamma"))
                .isEqualTo("cb3e8dc37f6e9e8a41cc7fdcb7145e3041fd72f2ff9eb2169cdb198704e6a57e"); // sha256 of extra.gq's bytes, computed with Python's hashlib
        assertThat(result.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("query_key_mismatch", "graphs.mapform.queries.ghost"),
                org.assertj.core.groups.Tuple.tuple("query_file_missing", "graphs.mapform.queries.lost.file"));
    }

    @Test
    void discoveryErrors() throws IOException {
        Path dir = tmp.resolve("errors");
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("s.pg"), "node A {\n  k: String @key\n}\n");
        Files.writeString(dir.resolve("one.gq"), "query same() { match { $a: A } return { $a.k } }\n");
        Files.writeString(dir.resolve("two.gq"), "query same() { match { $a: A } return { $a.k } }\n");
        Files.writeString(dir.resolve("bad.gq"), "query broken() { match { $a: A }\n");
        Files.writeString(dir.resolve("junk.gq"), "select * from nodes\n");
        Files.writeString(dir.resolve("cluster.yaml"), """
                version: 1
                graphs:
                  a: {schema: s.pg, queries: empty}
                  b: {schema: s.pg, queries: [one.gq, two.gq]}
                  c: {schema: s.pg, queries: [bad.gq, junk.gq, nothere.gq]}
                """);
        DesiredConfigResult result = DesiredConfig.load(dir);
        assertThat(result.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("query_dir_empty", "graphs.a.queries"),
                org.assertj.core.groups.Tuple.tuple("duplicate_query_name", "graphs.b.queries.same"),
                org.assertj.core.groups.Tuple.tuple("query_parse_error", "graphs.c.queries"),
                org.assertj.core.groups.Tuple.tuple("query_parse_error", "graphs.c.queries"),
                org.assertj.core.groups.Tuple.tuple("query_file_missing", "graphs.c.queries"));
        assertThat(result.diagnostics().getFirst().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void referenceAndIdValidations() throws IOException {
        Path dir = tmp.resolve("refs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("s.pg"), "node A {\n  k: String @key\n}\n");
        Files.writeString(dir.resolve("p.yaml"), "version: 1\n");
        Files.writeString(dir.resolve("cluster.yaml"), """
                version: 1
                providers:
                  embedding:
                    inline: {api_key: sk-secret}
                    nokey: {kind: openai}
                    weird: {kind: cohere, api_key: "${K}"}
                    fine: {kind: mock}
                    "9bad": {kind: mock, api_key: " ${ X } "}
                graphs:
                  g: {schema: s.pg, embedding_provider: provider.embedding.fine}
                  h: {schema: missing.pg, embedding_provider: ghost}
                  i: {schema: s.pg, embedding_provider: policy.x}
                  "bad.id": {schema: s.pg}
                  j: {schema: s.pg, external_blobs: {allow: [{base: "file:///srv", scope: server_safe}]}}
                  k: {schema: s.pg, external_blobs: {allow: [{base: "s3://b/a", scope: server_safe}, {base: "s3://B/a/b", scope: embedded_only}]}}
                policies:
                  empty: {file: p.yaml, applies_to: []}
                  mixed: {file: p.yaml, applies_to: [cluster, g]}
                  dangling: {file: p.yaml, applies_to: [graph.nope]}
                  wrong: {file: p.yaml, applies_to: [schema.g]}
                  dup: {file: nofile.yaml, applies_to: [graph.g, g]}
                """);
        DesiredConfigResult result = DesiredConfig.load(dir);
        assertThat(result.ok()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                tuple("invalid_resource_id", "providers.embedding.9bad"),
                tuple("embedding_api_key_inline", "providers.embedding.inline.api_key"),
                tuple("embedding_api_key_required", "providers.embedding.nokey.api_key"),
                tuple("invalid_embedding_provider", "providers.embedding.weird"),
                tuple("invalid_resource_id", "graphs.bad.id"),
                tuple("dangling_embedding_provider_reference", "graphs.h.embedding_provider"),
                tuple("schema_file_missing", "graphs.h.schema"),
                tuple("wrong_kind_reference", "graphs.i.embedding_provider"),
                tuple("invalid_external_blob_base", "graphs.j.external_blobs.allow[0].base"),
                tuple("invalid_external_blob_policy", "graphs.k.external_blobs.allow"),
                tuple("dangling_graph_reference", "policies.dangling.applies_to[0]"),
                tuple("policy_file_missing", "policies.dup.file"),
                tuple("policy_missing_applies_to", "policies.empty.applies_to"),
                tuple("policy_mixed_binding_kinds", "policies.mixed.applies_to"),
                tuple("duplicate_policy_binding", "policies.mixed.applies_to"),
                tuple("wrong_kind_reference", "policies.wrong.applies_to[0]"));
        DesiredConfig desired = result.desired();
        assertThat(desired).as("digests are still computed when validation fails").isNotNull();
        assertThat(desired.policyBindings().get("policy.dup")).containsExactly("graph.g");
        assertThat(desired.policyBindings().get("policy.mixed")).containsExactly("cluster", "graph.g");
        assertThat(desired.graphs()).filteredOn(g -> g.id().equals("h")).singleElement()
                .satisfies(g -> {
                    assertThat(g.schemaDigest()).isEmpty();
                    assertThat(g.embeddingProvider()).isNull();
                });
        // sha256("graph\0h\0schema\0\0"), computed with Python's hashlib (no schema, no queries, no provider, deny)
        assertThat(desired.resourceDigests().get("graph.h")).isEqualTo("dec1f9f10f99dfca65ab40ab898ebed7e5d6a6949a31b7d5369806f0d9cedcfc");
        assertThat(desired.graphs()).filteredOn(g -> g.id().equals("j")).singleElement()
                .satisfies(g -> assertThat(g.externalBlobPolicy().isDeny()).isTrue());
        assertThat(result.validateDiagnostics()).hasSameSizeAs(result.diagnostics());
    }

    @Test
    void pipelineStopsBeforeDerivationWhenTheYamlIsInvalid() throws IOException {
        Path dir = tmp.resolve("invalid");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cluster.yaml"), "version: 1\nbindings: {}\n");
        DesiredConfigResult result = DesiredConfig.load(dir);
        assertThat(result.desired()).isNull();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("future_phase_field");
        assertThat(result.read().config()).isNull();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private Path copyFixture(String name) throws IOException {
        Path source = Fixtures.dir(name);
        Path target = tmp.resolve(name);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        }
        return target;
    }
}
