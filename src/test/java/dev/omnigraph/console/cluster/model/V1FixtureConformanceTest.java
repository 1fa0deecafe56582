package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks every file of the v1 fixture set ({@code omnigraph-fixtures/}, OmniGraph ≤ 0.11) and checks
 * it the way its README says, side by side with what OmniGraph v0.13 does with it: the v1 ledger
 * still reads (generation v1, read-only for v0.13), v1 artifacts parse, blobs hash to their names,
 * negatives get their codes (≤ 0.11's code and v0.13's).
 */
class V1FixtureConformanceTest {

    private final Set<String> checked = new TreeSet<>();

    private byte[] read(String relative) {
        checked.add(relative);
        return Fixtures.bytes(relative);
    }

    @Test
    void everyV1FixtureFileReadsAsItsReadmeSays() throws Exception {
        ledgers();
        lockAndArtifacts();
        blobsAndSources();
        negatives();
        Set<String> all = new TreeSet<>();
        Path root = Fixtures.dir("README.md").getParent();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> !p.equals("README.md") && !p.endsWith(".py")).forEach(all::add);
        }
        assertThat(checked).containsAll(all);
    }

    private void ledgers() throws Exception {
        for (String file : new String[] {Fixtures.CLUSTER + "state.json", "variants/state.legacy-observation.json",
                "variants/state.minimal.json", "variants/state.no-config-digest.json"}) {
            byte[] bytes = read(file);
            LedgerClassification c = LedgerClassification.of(bytes);
            assertThat(c.generation()).as(file).contains(LedgerGeneration.V1);
            assertThat(c.normalRead()).as(file).isEmpty();
            assertThat(c.operational()).as(file).contains("ledger_upgrade_required");
            assertThat(c.upgradeLedger()).as(file).isEqualTo(LedgerClassification.CONVERTS);
            assertThat(V011Reader.refusal(bytes)).as(file).isEmpty();
            Ledger ledger = c.ledger().orElseThrow();
            assertThat(ledger.ledgerId()).isEmpty();
            assertThat(ledger.deploymentResults()).isEmpty();
            assertThat(ledger.cas()).isEqualTo("sha256:" + Fixtures.jdkSha256Hex(bytes)); // the JDK's SHA-256, not Digests
        }
        Ledger state = Ledger.parse(Fixtures.bytes(Fixtures.CLUSTER + "state.json"));
        assertThat(state.v013Refusal()).map(Diagnostic::code).contains("ledger_upgrade_required");
        assertThat(state.generation().servedBy()).contains("≤ 0.11");
    }

    private void lockAndArtifacts() throws Exception {
        LockFile lock = LockFile.parse(read(Fixtures.CLUSTER + "lock.json"));
        assertThat(LockOperation.of(lock.operation())).isEqualTo(LockOperation.APPLY);
        LockOperation.Meaning v1 = LockOperation.APPLY.meaning(Optional.of(LedgerGeneration.V1), Optional.empty(),
                java.util.OptionalLong.of(7200), 3600);
        assertThat(v1.possiblyStale()).isTrue();
        for (String stem : new String[] {"01KZNF31Y6T9NS5SEZX35HGNFY", "01M0A536TR00EGJV9Q6X1FK81S"}) {
            assertThat(ApprovalArtifact.parse(read(Fixtures.CLUSTER + "approvals/" + stem + ".json"), stem).isValid()).isTrue();
        }
        String sidecar = "01M0A5A0VPR9YZEB1C4SW65592";
        assertThat(RecoverySidecar.parse(read(Fixtures.CLUSTER + "recoveries/" + sidecar + ".json"), sidecar).isValid()).isTrue();
        for (String variant : new String[] {"variants/recovery.graph_create.json", "variants/recovery.graph_delete.json"}) {
            RecoverySidecar.parseStrict(read(variant));
        }
    }

    private void blobsAndSources() throws Exception {
        Path root = Fixtures.dir("storage-root");
        try (Stream<Path> files = Files.walk(root.resolve("__cluster/resources"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = "storage-root/" + root.relativize(file);
                String stem = file.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
                assertThat(Digests.sha256Hex(read(relative))).as(relative).isEqualTo(stem);
            }
        }
        Ledger state = Ledger.parse(Fixtures.bytes(Fixtures.CLUSTER + "state.json"));
        assertThat(Digests.sha256Hex(read("notes/scratch.live.pg"))).isEqualTo(state.resources().get("schema.scratch").digest());
        for (String dir : new String[] {"config", "config-previous"}) {
            try (Stream<Path> files = Files.walk(Fixtures.dir(dir))) {
                files.filter(Files::isRegularFile).forEach(p -> read(dir + "/" + Fixtures.dir(dir).relativize(p)));
            }
            assertThat(DesiredConfig.load(Fixtures.dir(dir)).ok()).as(dir).isTrue();
        }
        assertThat(DesiredConfig.load(Fixtures.dir("config-previous")).parsed().orElseThrow().desiredConfigDigest())
                .isEqualTo(state.configDigest());
    }

    private void negatives() throws IOException {
        record Case(String file, String v011, String v013) {
        }
        for (Case c : new Case[] {
            new Case("negative/state.unknown-field.json", "invalid_state_json", "invalid_state_json"),
            new Case("negative/state.unknown-resource-field.json", "invalid_state_json", "invalid_state_json"),
            new Case("negative/state.version-2.json", "unsupported_state_version", "invalid_state"),
            new Case("negative/state.conflicting-manifest-version.json", "conflicting_graph_manifest_observation",
                    "conflicting_graph_manifest_observation")}) {
            byte[] bytes = read(c.file());
            assertThat(V011Reader.refusal(bytes)).as(c.file()).contains(c.v011());
            assertThat(LedgerClassification.of(bytes).normalRead().map(Diagnostic::code)).as(c.file()).contains(c.v013());
        }
        for (String[] lock : new String[][] {{"negative/lock.extra-field.json", "invalid_state_lock"},
            {"negative/lock.truncated.json", "invalid_state_lock"}, {"negative/lock.version-2.json", "unsupported_state_lock_version"}}) {
            byte[] bytes = read(lock[0]);
            assertThatThrownBy(() -> LockFile.parse(bytes)).isInstanceOfSatisfying(WireFormatException.class,
                    e -> assertThat(e.code()).isEqualTo(lock[1]));
        }
        assertThat(ApprovalArtifact.parse(read("negative/approval.unknown-field.json"), "01M0A536TR00EGJV9Q6X1FK81S")
                .diagnostics()).extracting(Diagnostic::code).containsExactly("invalid_approval_artifact");
    }
}
