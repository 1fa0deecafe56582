package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walks the v0.13 fixtures and checks every file the way their README says upstream reads it:
 * classification (normal read / operational use / upgrade-ledger), codes, digests, bundles, locks.
 * {@link #everyFixtureFileWasChecked} fails when a file of the set was never looked at.
 */
class V013FixtureConformanceTest {

    private static final Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static byte[] read(String relative) {
        CHECKED.add(relative);
        return Fixtures013.bytes(relative);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ledgers/state.v2.pristine.json, v2, -, -, no_op",
        "ledgers/state.v2.completed.json, v2, -, -, no_op",
        "ledgers/state.v2.completed.pretty-variant.json, v2, -, -, no_op",
        "ledgers/state.v2.outstanding.json, v2, -, -, ledger_upgrade_pending",
        "ledgers/state.v2-v0.12-shape.json, v2_v012_shape, ledger_upgrade_required, ledger_upgrade_required, converts",
        "ledgers/state.v2-v0.12-shape.upgraded.json, v2, -, -, no_op",
        "ledgers/state.v1.upgrade-required.json, v1, -, ledger_upgrade_required, converts",
        "ledgers/state.v1.upgraded-to-v2.json, v2, -, -, no_op",
    })
    void ledgersClassifyAsTheReadmeSays(String file, String generation, String normal, String operational, String upgrade) {
        byte[] bytes = read(file);
        LedgerClassification c = LedgerClassification.of(bytes);
        assertThat(c.generation()).map(LedgerGeneration::wireName).contains(generation);
        assertThat(c.normalRead().map(Diagnostic::code)).isEqualTo(optional(normal));
        assertThat(c.operational()).isEqualTo(optional(operational));
        assertThat(c.upgradeLedger()).isEqualTo(upgrade);
        assertThat(V011Reader.refusal(bytes)).isEqualTo(generation.equals("v1") ? Optional.empty()
                : Optional.of("invalid_state_json"));
        Ledger ledger = c.ledger().orElseThrow();
        assertThat(ledger.rawBytes()).isEqualTo(bytes);
        assertThat(ledger.cas()).isEqualTo("sha256:" + Fixtures.jdkSha256Hex(bytes)); // the JDK's SHA-256, not Digests
    }

    @Test
    void completedLedgerCarriesItsDeploymentsCountersAndContracts() throws Exception {
        Ledger ledger = Ledger.parse(read("ledgers/state.v2.completed.json"));
        assertThat(ledger.generation()).isEqualTo(LedgerGeneration.V2);
        assertThat(ledger.ledgerId()).contains(Fixtures013.LEDGER_ID);
        assertThat(ledger.stateRevision()).isEqualTo(14);
        assertThat(ledger.nextSequence()).hasValue(4);
        assertThat(ledger.resultRevision()).hasValue(3);
        assertThat(ledger.outstanding()).isEmpty();
        assertThat(ledger.schemaContracts()).containsOnlyKeys("knowledge");
        assertThat(ledger.schemaContracts().get("knowledge").sourceHash())
                .isEqualTo(ledger.resources().get("schema.knowledge").digest());
        List<DeploymentResult> results = ledger.deploymentResults();
        assertThat(results).extracting(DeploymentResult::sequence).containsExactly(1L, 2L, 3L);
        assertThat(results).allMatch(DeploymentResult::converged);
        assertThat(results.get(1).graphs().get("knowledge").outcome()).isEqualTo(GraphDeploymentResult.Outcome.QUERY_ONLY);
        assertThat(results.get(1).graphs().get("scratch").outcome()).isEqualTo(GraphDeploymentResult.Outcome.CREATED);
        assertThat(results.get(2).graphs().get("scratch").describe()).isEqualTo("deleted");
        assertThat(results.get(0).acceptedAt()).isEqualTo(Ulid.parseOrNull("01M4DBVB3M19W015CHE8PCGJ15").timestamp());
        assertThat(results.get(0).acceptedAt()).isAfter(ledger.ledgerCreatedAt().orElseThrow());
        assertThat(results.get(2).configDigest()).isEqualTo(ledger.configDigest());
        assertThat(ledger.referencedBundles()).hasSize(3);
    }

    @Test
    void outstandingLedgerNamesItsDeploymentAndPerGraphState() throws Exception {
        Ledger ledger = Ledger.parse(read("ledgers/state.v2.outstanding.json"));
        OutstandingDeployment o = ledger.outstanding().orElseThrow();
        assertThat(o.id()).isEqualTo(Fixtures013.OUTSTANDING_ID);
        assertThat(o.deploymentId().sequence()).isEqualTo(4);
        assertThat(o.deploymentId().sequence() + 1).isEqualTo(ledger.nextSequence().getAsLong());
        assertThat(o.inputDigest()).isEqualTo(Fixtures013.OUTSTANDING_BUNDLE);
        assertThat(o.phases()).containsExactly(Map.entry("knowledge", GraphDeploymentState.Phase.NOT_STARTED));
        assertThat(o.graphs().get("knowledge").action()).isEqualTo("queries");
        assertThat(o.recordedRoots()).isEmpty();
        assertThat(o.authority().describe()).isEqualTo("storage owner act-alice");
        assertThat(o.authorization().effects()).extracting(AuthorizedEffect::operation)
                .containsExactly("update", "update", "update", "create");
        assertThat(o.reconcileCommand()).isEqualTo("omnigraph --cluster ROOT cluster apply --deployment-id "
                + Fixtures013.OUTSTANDING_ID + " --writers-stopped");
        assertThat(ledger.referencedBundles()).contains(Fixtures013.OUTSTANDING_BUNDLE);
    }

    @Test
    void v012ShapeIsShownAsTheUpgradeDecoderSeesIt() throws Exception {
        Ledger old = Ledger.parse(read("ledgers/state.v2-v0.12-shape.json"));
        Ledger upgraded = Ledger.parse(Fixtures013.bytes("ledgers/state.v2-v0.12-shape.upgraded.json"));
        assertThat(old.generation()).isEqualTo(LedgerGeneration.V2_V012_SHAPE);
        assertThat(old.v013Refusal()).map(Diagnostic::code).contains("ledger_upgrade_required");
        assertThat(old.deploymentResults()).extracting(DeploymentResult::id)
                .isEqualTo(upgraded.deploymentResults().stream().map(DeploymentResult::id).toList());
        assertThat(old.stateRevision() + 1).isEqualTo(upgraded.stateRevision());
        assertThat(old.resources()).isEqualTo(upgraded.resources());
    }

    @Test
    void v1LedgerIsReadOnlyForV013AndItsUpgradeKeepsTheAuditMaps() throws Exception {
        Ledger v1 = Ledger.parse(read("ledgers/state.v1.upgrade-required.json"));
        Ledger v2 = Ledger.parse(read("ledgers/state.v1.upgraded-to-v2.json"));
        assertThat(v1.generation()).isEqualTo(LedgerGeneration.V1);
        assertThat(v1.generation().servedBy()).contains("≤ 0.11", "upgrade-ledger --writers-stopped");
        assertThat(v1.ledgerId()).isEmpty();
        assertThat(v1.deploymentResults()).isEmpty();
        assertThat(v2.approvalRecords()).isEqualTo(v1.approvalRecords());
        assertThat(v2.observations()).isEqualTo(v1.observations());
        assertThat(v2.resources()).isEqualTo(v1.resources());
        assertThat(v2.nextSequence()).hasValue(1);
        assertThat(v2.resultRevision()).hasValue(0);
    }

    @Test
    void everyLockIsAStrictV1LockWithAKnownV013Operation() throws Exception {
        for (String op : List.of("serve", "graph_operation", "deployment", "deployment_reconcile", "upgrade_ledger", "bootstrap")) {
            LockFile lock = LockFile.parse(read("locks/lock." + op + ".json"));
            assertThat(lock.operation()).isEqualTo(op);
            assertThat(Ulid.isCanonical(lock.lockId())).isTrue();
            assertThat(LockOperation.of(op).era()).isEqualTo(LockOperation.Era.V013);
            assertThat(lock.toBytes()).isEqualTo(Fixtures013.bytes("locks/lock." + op + ".json"));
        }
    }

    @Test
    void outstandingBundleVerifiesAndCapturesEveryConfigFile() throws Exception {
        String name = Fixtures013.OUTSTANDING_BUNDLE;
        DeploymentBundle bundle = DeploymentBundle.parse(name, read("bundles/" + name + ".json"));
        assertThat(bundle.validate(Optional.of(Fixtures013.ROOT_URI))).isEmpty();
        assertThat(bundle.validate(Optional.of("s3://elsewhere/root"))).extracting(Diagnostic::code)
                .containsExactly("deployment_input_invalid");
        Map<String, byte[]> files = bundle.files();
        for (String config : List.of("config/cluster.yaml", "config/cluster.policy.yaml", "config/graph.policy.yaml",
                "config/knowledge.pg", "config/queries/people.gq")) {
            byte[] source = read(config);
            assertThat(files.values()).as(config).anyMatch(b -> Arrays.equals(b, source));
        }
        assertThat(files).containsKeys("knowledge.pg", "cluster.policy.yaml", "graph.policy.yaml", "cluster.yaml (inferred)");
        assertThat(files.get("cluster.yaml (inferred)")).isEqualTo(Fixtures013.bytes("config/cluster.yaml"));
        DesiredConfig desired = DesiredConfig.load(Fixtures013.path("config")).parsed().orElseThrow();
        assertThat(desired.configSemanticsJson()).isEqualTo(bundle.configSemantics());
        assertThat(desired.desiredConfigDigest()).isEqualTo(bundle.configDigest());
    }

    @Test
    void storageRootIsACompleteV2ControlPlane() throws Exception {
        Path root = Fixtures013.path(Fixtures013.STORAGE_ROOT);
        Ledger ledger = Ledger.parse(read(Fixtures013.STORAGE_ROOT + "/__cluster/state.json"));
        assertThat(ledger.rawBytes()).isEqualTo(Fixtures013.bytes("ledgers/state.v2.completed.json"));
        LockFile lock = LockFile.parse(read(Fixtures013.STORAGE_ROOT + "/__cluster/lock.json"));
        assertThat(LockOperation.of(lock.operation())).isEqualTo(LockOperation.SERVE);
        Set<String> bundles = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve("__cluster/resources"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = Fixtures013.dir().relativize(file).toString();
                byte[] bytes = read(relative);
                String stem = file.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
                assertThat(Digests.sha256Hex(bytes)).as(relative).isEqualTo(stem);
                if (relative.contains("/deployment/")) {
                    DeploymentBundle bundle = DeploymentBundle.parse(stem, bytes);
                    assertThat(bundle.validate(Optional.of(Fixtures013.ROOT_URI))).as(relative).isEmpty();
                    bundles.add(stem);
                }
            }
        }
        assertThat(bundles).containsExactlyInAnyOrderElementsOf(ledger.referencedBundles());
        for (Map.Entry<String, LedgerResource> e : ledger.resources().entrySet()) {
            Optional<String> key = CatalogPayload.relativeKey(ResourceAddress.parse(e.getKey()), e.getValue().digest());
            if (key.isPresent()) {
                byte[] blob = Files.readAllBytes(root.resolve(key.get()));
                CatalogPayload.verify(e.getKey(), blob, e.getValue().digest());
            }
        }
    }

    @Test
    void everyNegativeFileGetsTheCodeExpectedNames() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(read("negative/EXPECTED.json"));
        byte[] completed = Fixtures013.bytes("ledgers/state.v2.completed.json");
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            String file = "negative/" + e.getKey();
            byte[] bytes = read(file);
            String reader = e.getValue().get("reader").asText();
            WireFormatException refused = refusal(reader, file, bytes, completed);
            assertThat(refused.code()).as(file).isEqualTo(e.getValue().get("code").asText());
            assertThat(refused.diagnostic().message()).as(file).isNotBlank().doesNotContainPattern("\\p{Cntrl}");
            if (e.getValue().has("upgrade_code")) {
                assertThat(LedgerClassification.of(bytes).upgradeLedger()).as(file)
                        .isEqualTo(e.getValue().get("upgrade_code").asText());
            }
        }
    }

    @Test
    void postV013ReleasedLockRecordIsRecognisedAsSuch() {
        byte[] bytes = read("negative/lock.released-record.post-v0.13.json");
        assertThatThrownBy(() -> LockFile.parse(bytes)).isInstanceOf(WireFormatException.class)
                .satisfies(e -> assertThat(((WireFormatException) e).code()).isEqualTo("invalid_state_lock"));
        ReleasedLockRecord released = ReleasedLockRecord.detect(bytes).orElseThrow();
        assertThat(released.operation()).isEqualTo("serve");
        assertThat(released.describe()).contains("after OmniGraph v0.13", "do not force-unlock");
        assertThat(ReleasedLockRecord.detect(Fixtures013.bytes("locks/lock.serve.json"))).isEmpty();
        assertThat(ReleasedLockRecord.detect(Fixtures013.bytes("negative/lock.version-3.json"))).isEmpty();
    }

    private static WireFormatException refusal(String reader, String file, byte[] bytes, byte[] completed) {
        try {
            switch (reader) {
                case "ledger" -> {
                    LedgerClassification c = LedgerClassification.of(bytes);
                    return new WireFormatException(c.normalRead().orElseThrow(() -> new AssertionError(file + " was accepted")));
                }
                case "oversized-marker" -> {
                    int max = new ObjectMapper().readTree(bytes).get("max_bytes").asInt();
                    byte[] padded = Arrays.copyOf(completed, max + 1);
                    Arrays.fill(padded, completed.length, padded.length, (byte) ' ');
                    Ledger.parse(padded);
                }
                case "lock" -> LockFile.parse(bytes);
                case "bundle" -> {
                    String stem = Path.of(file).getFileName().toString().replace(".json", "");
                    DeploymentBundle.parse(stem, bytes);
                }
                case "catalog" -> {
                    String stem = Path.of(file).getFileName().toString().replace(".gq", "");
                    CatalogPayload.verify("query.knowledge.find_person", bytes, stem);
                }
                default -> throw new AssertionError("unknown reader " + reader);
            }
        } catch (WireFormatException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(file + " was accepted");
    }

    private static Optional<String> optional(String csv) {
        return "-".equals(csv) ? Optional.empty() : Optional.of(csv);
    }

    @AfterAll
    static void everyFixtureFileWasChecked() throws IOException {
        Set<String> all = new HashSet<>();
        try (Stream<Path> files = Files.walk(Fixtures013.dir())) {
            files.filter(Files::isRegularFile).map(p -> Fixtures013.dir().relativize(p).toString())
                    .filter(p -> !p.equals("README.md") && !p.endsWith(".py") && !p.startsWith("tools/"))
                    .forEach(all::add);
        }
        if (CHECKED.size() > 20) { // only when the whole class ran
            assertThat(new TreeSet<>(CHECKED)).containsAll(all);
        }
    }

    @SuppressWarnings("unused")
    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unused")
    private static Instant never() {
        return Instant.EPOCH;
    }
}
