package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterConfigReaderTest {

    @TempDir
    Path dir;

    private ClusterConfigReadResult parse(String yaml) {
        return ClusterConfigReader.parse(dir, Fixtures.utf8(yaml));
    }

    private static List<String> codes(ClusterConfigReadResult result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void fixtureConfigParsesWithEveryKey() {
        ClusterConfigReadResult result = ClusterConfigReader.read(Fixtures.dir("config"));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.ok()).isTrue();
        ClusterConfig config = result.config();
        assertThat(config.version()).isEqualTo(1);
        assertThat(config.metadataName()).isEqualTo("company-brain");
        assertThat(config.storage()).isEqualTo("s3://omnigraph-local/clusters/company-brain");
        assertThat(config.stateBackend()).isEqualTo("cluster");
        assertThat(config.stateLock()).isTrue();
        assertThat(config.embeddingProviders().get("default").model()).isEqualTo("openai/text-embedding-3-large");
        GraphConfig knowledge = config.graphs().get("knowledge");
        assertThat(knowledge.schema()).isEqualTo("knowledge.pg");
        assertThat(knowledge.queries()).isEqualTo(new QueriesDecl.Discover("queries/"));
        assertThat(knowledge.embeddingProvider()).isEqualTo("default");
        assertThat(knowledge.externalBlobsAllow()).containsExactly(new GraphConfig.ExternalBlobBaseConfig(
                "s3://assets-bucket/knowledge/", ExternalBlobScope.SERVER_SAFE));
        assertThat(config.policies().get("base")).isEqualTo(new PolicyConfig("policies/base.policy.yaml", List.of("knowledge")));
        assertThat(config.storageRoot(Fixtures.dir("config"), Path.of("/elsewhere")))
                .isEqualTo(new StorageRoot.S3("s3://omnigraph-local/clusters/company-brain"));
    }

    @Test
    void missingDirectoryAndUnreadableFile() throws Exception {
        ClusterConfigReadResult missing = ClusterConfigReader.read(dir.resolve("nope"));
        assertThat(codes(missing)).containsExactly("config_dir_not_found");
        assertThat(codes(ClusterConfigReader.read(dir))).containsExactly("cluster_config_read_error");
        Files.write(dir.resolve("cluster.yaml"), new byte[] {'v', ':', ' ', (byte) 0xFF});
        assertThat(codes(ClusterConfigReader.read(dir))).containsExactly("cluster_config_read_error");
        assertThat(codes(parse("version: 1\n" + "#".repeat((int) WireLimits.CLUSTER_YAML_MAX_BYTES))))
                .containsExactly("cluster_config_read_error");
    }

    @Test
    void duplicateKeysAreFoundByTheLineScan() {
        ClusterConfigReadResult result = parse("version: 1\ngraphs: {}\ngraphs: {}\n");
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("duplicate_yaml_key");
            assertThat(d.path()).isEqualTo("graphs");
            assertThat(d.message()).contains("second time, on line 3");
        });
        assertThat(result.config()).isNull();
    }

    @Test
    void duplicateKeyScanKeepsQuotedHashesAndScopesSequenceItems() {
        assertThat(ClusterYamlPreChecks.duplicateKeys("\"name#display\": one\n\"name#display\": two\n"))
                .extracting(Diagnostic::code).containsExactly("duplicate_yaml_key");
        assertThat(ClusterYamlPreChecks.duplicateKeys("allow:\n  - base: s3://one/\n    scope: server_safe\n"
                + "  - base: s3://two/\n    scope: server_safe\n")).isEmpty();
        assertThat(ClusterYamlPreChecks.duplicateKeys("allow:\n  - base: s3://one/\n    scope: server_safe\n"
                + "    scope: embedded_only\n")).singleElement()
                .satisfies(d -> assertThat(d.path()).isEqualTo("allow[].scope"));
        assertThat(ClusterYamlPreChecks.duplicateKeys("a:\n  x: 1 # x: 2\n  y: 2\nb:\n  x: 1\n")).isEmpty();
        assertThat(ClusterYamlPreChecks.duplicateKeys("a:\r\n  x: 1\r\n  x: 2\r\n")).singleElement()
                .satisfies(d -> assertThat(d.path()).isEqualTo("a.x"));
    }

    @Test
    void reservedAndRemovedKeys() {
        ClusterConfigReadResult result = parse("version: 1\ngraphs:\n  g:\n    schema: s.pg\n    streaming: {}\npipelines: {}\n");
        assertThat(codes(result)).containsExactly("future_phase_field", "removed_streaming_declaration");
        assertThat(result.diagnostics().get(0).path()).isEqualTo("pipelines");
        assertThat(result.diagnostics().get(1).path()).isEqualTo("graphs.g.streaming");
        assertThat(result.config()).isNull();
        // when the document does not parse as a YAML value the reserved-key checks stay silent
        assertThat(codes(parse("version: 1\nui: {a: 1, a: 2}\n"))).containsExactly("invalid_cluster_yaml");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "version: 1\\nwat: true                       | wat                          | unknown field `wat`",
        "graphs: {}                                  | version                      | missing field `version`",
        "version: \"1\"                               | version                      | expected u32",
        "version: 1.0                                | version                      | expected u32",
        "version: 4294967296                         | version                      | expected u32",
        "version: 01                                 | version                      | expected u32",
        "version: 1\\nstate: {lock: yes}              | state.lock                   | expected a boolean",
        "version: 1\\nstate: {lock: \"true\"}         | state.lock                   | expected a boolean",
        "version: 1\\nmetadata: null                  | metadata                     | expected struct Metadata",
        "version: 1\\ngraphs: {g: {queries: x}}       | graphs.g.schema              | missing field `schema`",
        "version: 1\\ngraphs: {g: {schema: [a]}}      | graphs.g.schema              | expected a string",
        "version: 1\\ngraphs: {g: {schema: s, queries: 12}} | graphs.g.queries       | untagged enum QueriesDecl",
        "version: 1\\ngraphs: {g: {schema: s, queries: [a, 1]}} | graphs.g.queries    | untagged enum QueriesDecl",
        "version: 1\\ngraphs: {g: {schema: s, queries: ~}} | graphs.g.queries        | untagged enum QueriesDecl",
        "version: 1\\ngraphs: {g: {schema: s, queries: {q: {file: a, x: b}}}} | graphs.g.queries | untagged enum QueriesDecl",
        "version: 1\\ngraphs: {g: {schema: s, external_blobs: {allow: [{base: b, scope: public}]}}} | graphs.g.external_blobs.allow[0].scope | unknown variant `public`",
        "version: 1\\nproviders: {embedding: {p: {kind: a, provider: b}}} | providers.embedding.p.provider | duplicate field `kind`",
        "version: 1\\nproviders: {vector: {}}          | providers.vector             | unknown field `vector`",
        "version: 1\\npolicies: {p: {file: f}}        | policies.p.applies_to        | missing field `applies_to`",
        "version: 1\\ngraphs: {a: {schema: s}, a: {schema: t}} | graphs.a            | duplicate key `a`",
        "version: 1\\n---\\nother: 1                  | cluster.yaml                 | more than one document",
        "version: [1                                 | cluster.yaml                 | not valid YAML",
        "version: 1\\ngraphs: *nope                   | cluster.yaml                 | nope",
    })
    void strictParseFailures(String yaml, String path, String message) {
        ClusterConfigReadResult result = parse(yaml.replace("\\n", "\n"));
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("invalid_cluster_yaml");
            assertThat(d.path()).isEqualTo(path);
            assertThat(d.message()).contains(message);
        });
        assertThat(result.config()).isNull();
    }

    @Test
    void serdeYamlScalarRules() {
        ClusterConfig config = parse("""
                version: 0x1
                metadata: {name: 123}
                storage: ~
                state: {backend: null, lock: False}
                graphs:
                  true: {schema: 12, queries: ["a.gq", b.gq], embedding_provider: "null"}
                  g2: {schema: s, queries: {q: [only.gq]}}
                  g3: {schema: s, queries: "07"}
                policies:
                  p: {file: f, applies_to: }
                """).config();
        assertThat(config.version()).isEqualTo(1);
        assertThat(config.metadataName()).isEqualTo("123");
        assertThat(config.storage()).isNull();
        assertThat(config.stateBackend()).isNull();
        assertThat(config.stateLock()).isFalse();
        GraphConfig graph = config.graphs().get("true");
        assertThat(graph.schema()).isEqualTo("12");
        assertThat(graph.queries()).isEqualTo(new QueriesDecl.DiscoverMany(List.of("a.gq", "b.gq")));
        assertThat(graph.embeddingProvider()).isEqualTo("null");
        assertThat(((QueriesDecl.Explicit) config.graphs().get("g2").queries()).files()).containsEntry("q", "only.gq");
        assertThat(config.graphs().get("g3").queries()).isEqualTo(new QueriesDecl.Discover("07"));
        assertThat(config.policies().get("p").appliesTo()).isEmpty();
    }

    @Test
    void anchorsAndAliasesAreResolved() {
        ClusterConfig config = parse("version: 1\nproviders:\n  embedding:\n    a: &p {kind: mock}\n    b: *p\n").config();
        assertThat(config.embeddingProviders().get("b")).isEqualTo(new EmbeddingProfile("mock", null, null, null));
    }

    @Test
    void deepYamlFailsCleanly() {
        ClusterConfigReadResult result = parse("version: 1\nx: " + "[".repeat(100_000));
        assertThat(codes(result)).containsExactly("invalid_cluster_yaml");
    }

    @Test
    void headerChecks() {
        assertThat(codes(parse("version: 2\n"))).containsExactly("unsupported_cluster_config_version");
        assertThat(codes(parse("version: 1\nmetadata: {name: '  '}\n"))).containsExactly("empty_metadata_name");
        assertThat(codes(parse("version: 1\nstate: {backend: s3}\n"))).containsExactly("unsupported_state_backend");
        assertThat(codes(parse("version: 1\nstorage: '  '\n"))).containsExactly("invalid_storage_root");
        assertThat(codes(parse("version: 1\nstorage: \"s3://\"\n"))).containsExactly("invalid_storage_root");
        assertThat(codes(parse("version: 1\nstorage: s3:///\n"))).containsExactly("invalid_storage_root");
        ClusterConfigReadResult both = parse("version: 3\nstate: {backend: x}\n");
        assertThat(codes(both)).containsExactly("unsupported_cluster_config_version", "unsupported_state_backend");
        assertThat(both.config()).isNotNull();
        assertThat(both.ok()).isFalse();
    }

    @Test
    void storageRootResolution() {
        Path configDir = Path.of("/work/cfg");
        Path cwd = Path.of("/home/op");
        assertThat(parse("version: 1\n").config().storageRoot(configDir, cwd))
                .isEqualTo(new StorageRoot.Local(Path.of("/work/cfg")));
        assertThat(parse("version: 1\n").config().storageRoot(Path.of("cfg/./sub"), cwd))
                .isEqualTo(new StorageRoot.Local(Path.of("/home/op/cfg/sub")));
        assertThat(parse("version: 1\nstorage: ' s3://b/p/ '\n").config().storageRoot(configDir, cwd))
                .isEqualTo(new StorageRoot.S3("s3://b/p"));
        assertThat(parse("version: 1\nstorage: file:///srv/cluster/\n").config().storageRoot(configDir, cwd))
                .isEqualTo(new StorageRoot.Local(Path.of("/srv/cluster")));
        assertThat(parse("version: 1\nstorage: data/cluster\n").config().storageRoot(configDir, cwd))
                .isEqualTo(new StorageRoot.Local(Path.of("/home/op/data/cluster")));
        assertThat(parse("version: 1\nstorage: gs://bucket/x\n").config().storageRoot(configDir, cwd))
                .isEqualTo(new StorageRoot.Local(Path.of("/home/op/gs:/bucket/x")));
        assertThat(new StorageRoot.Local(Path.of("/srv/cluster")).display()).isEqualTo("/srv/cluster");
    }

    @Test
    void aHugeScalarIsRefusedByItsLineLengthBeforeTheYamlParserSeesIt() {
        String yaml = "version: 1\nstorage: /tmp/x\n" + "a".repeat(900_000) + ": 1\n";
        long started = System.nanoTime();
        ClusterConfigReadResult result = parse(yaml);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.ok()).isFalse();
        assertThat(codes(result)).containsExactly("invalid_cluster_yaml");
        assertThat(result.diagnostics().get(0).message()).contains("line 3 is 900003 characters long");
        System.out.println("900,000-character key refused in " + millis + " ms");
    }

    @Test
    void aLongButReasonableLineStillParses() {
        String yaml = "version: 1\nstorage: /tmp/" + "x".repeat(10_000) + "\n";
        ClusterConfigReadResult result = parse(yaml);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.config().storage()).hasSize(5 + 10_000);
    }
}
