package dev.omnigraph.console.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArtifactParseTest {

    private static final String APPROVALS = Fixtures.CLUSTER + "approvals/";

    @Test
    void consumedApproval() {
        ArtifactParseResult<ApprovalArtifact> result = ApprovalArtifact.parse(
                Fixtures.bytes(APPROVALS + "01KZNF31Y6T9NS5SEZX35HGNFY.json"), "01KZNF31Y6T9NS5SEZX35HGNFY");
        assertThat(result).isInstanceOf(ArtifactParseResult.Valid.class);
        assertThat(result.diagnostics()).isEmpty();
        ApprovalArtifact artifact = result.artifact().orElseThrow();
        assertThat(artifact.state()).isEqualTo(ApprovalState.CONSUMED);
        assertThat(artifact.schemaVersion()).isEqualTo(1);
        assertThat(artifact.resource()).isEqualTo("graph.legacy");
        assertThat(artifact.operation()).isEqualTo("delete");
        assertThat(artifact.reason()).isEqualTo("delete may remove deployed graph or schema definition");
        assertThat(artifact.boundBeforeDigest()).isEqualTo("4099b5bd1e773c2aaa3981ee4817184bf0fe9477949ef013bbacb331f168c536");
        assertThat(artifact.boundAfterDigest()).isNull();
        assertThat(artifact.approvedBy()).isEqualTo("andrew");
        assertThat(artifact.createdAt()).isEqualTo("2026-08-10T09:12:05.318442101Z");
        assertThat(artifact.consumedAt()).isEqualTo("2026-08-10T09:15:40.803551907Z");
        assertThat(artifact.consumedByOperation()).isNull();
    }

    @Test
    void pendingApprovalBindsTheDesiredAndLedgerDigests() throws Exception {
        ApprovalArtifact artifact = ApprovalArtifact.parse(
                Fixtures.bytes(APPROVALS + "01M0A536TR00EGJV9Q6X1FK81S.json"), "01M0A536TR00EGJV9Q6X1FK81S")
                .artifact().orElseThrow();
        assertThat(artifact.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(artifact.boundConfigDigest()).isEqualTo(
                DesiredConfig.load(Fixtures.dir("config")).desired().configDigest());
        Ledger ledger = Ledger.parse(Fixtures.bytes(Fixtures.CLUSTER + "state.json"));
        assertThat(artifact.boundBeforeDigest()).isEqualTo(ledger.resources().get(artifact.resource()).digest());
    }

    @Test
    void unknownFieldApprovalIsAnInvalidWarning() {
        ArtifactParseResult<ApprovalArtifact> result = ApprovalArtifact.parse(
                Fixtures.bytes("negative/approval.unknown-field.json"), "01M0A536TR00EGJV9Q6X1FK81S");
        assertThat(result.isValid()).isFalse();
        assertThat(result.artifact()).isEmpty();
        Diagnostic diagnostic = ((ArtifactParseResult.Invalid<ApprovalArtifact>) result).diagnostic();
        assertThat(diagnostic.code()).isEqualTo("invalid_approval_artifact");
        assertThat(diagnostic.severity()).isEqualTo(Severity.WARNING);
        assertThat(diagnostic.path()).isEqualTo("approval.comment");
        assertThatThrownBy(() -> ApprovalArtifact.parseStrict(Fixtures.bytes("negative/approval.unknown-field.json")))
                .isInstanceOfSatisfying(WireFormatException.class,
                        e -> assertThat(e.diagnostic().severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void unsupportedApprovalVersionAndStemMismatch() {
        String text = Fixtures.text(APPROVALS + "01M0A536TR00EGJV9Q6X1FK81S.json");
        ArtifactParseResult<ApprovalArtifact> v2 = ApprovalArtifact.parse(
                Fixtures.utf8(text.replace("\"schema_version\": 1", "\"schema_version\": 2")), null);
        assertThat(v2.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unsupported_approval_version", Severity.WARNING));

        ArtifactParseResult<ApprovalArtifact> renamed = ApprovalArtifact.parse(Fixtures.utf8(text), "01M0A536TR00EGJV9Q6X1FK999");
        assertThat(renamed.isValid()).isTrue();
        assertThat(renamed.diagnostics()).extracting(Diagnostic::code).containsExactly("console_approval_id_mismatch");
        assertThat(renamed.diagnostics().getFirst().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void approvalOptionalFieldsMayBeOmittedButRequiredOnesMayNot() {
        String minimal = "{\"schema_version\":1,\"approval_id\":\"A\",\"resource\":\"graph.g\",\"operation\":\"delete\","
                + "\"reason\":\"r\",\"bound_config_digest\":\"c\",\"approved_by\":\"me\",\"created_at\":\"t\"}";
        assertThat(ApprovalArtifact.parse(Fixtures.utf8(minimal), "A").artifact().orElseThrow().state())
                .isEqualTo(ApprovalState.PENDING);
        ArtifactParseResult<ApprovalArtifact> missing = ApprovalArtifact.parse(
                Fixtures.utf8(minimal.replace(",\"approved_by\":\"me\"", "")), "A");
        assertThat(missing.diagnostics()).extracting(Diagnostic::path).containsExactly("approval.approved_by");
    }

    @Test
    void inFlightSchemaApplySidecar() throws Exception {
        ArtifactParseResult<RecoverySidecar> result = RecoverySidecar.parse(
                Fixtures.bytes(Fixtures.CLUSTER + "recoveries/01M0A5A0VPR9YZEB1C4SW65592.json"),
                "01M0A5A0VPR9YZEB1C4SW65592");
        assertThat(result.diagnostics()).isEmpty();
        RecoverySidecar sidecar = result.artifact().orElseThrow();
        assertThat(sidecar.kind()).isEqualTo(RecoveryKind.SCHEMA_APPLY);
        assertThat(sidecar.actor()).isEqualTo("andrew");
        assertThat(sidecar.graphId()).isEqualTo("knowledge");
        assertThat(sidecar.graphUri()).isEqualTo("s3://omnigraph-local/clusters/company-brain/graphs/knowledge.omni");
        assertThat(sidecar.observedManifestVersion()).isEqualTo(57L);
        assertThat(sidecar.expectedManifestVersion()).isNull();
        assertThat(sidecar.desiredSchemaDigest()).isEqualTo("3bdb4191b83af53d9f3fbd9281d137188287db7ae342e2d2f311146a0198fb09");
        assertThat(sidecar.approvalId()).isNull();
        assertThat(sidecar.isAttributed()).isTrue();
        Ledger ledger = Ledger.parse(Fixtures.bytes(Fixtures.CLUSTER + "state.json"));
        assertThat(sidecar.stateCasBase()).isEqualTo(ledger.cas());
    }

    @Test
    void minimalCreateAndDeleteSidecarVariants() {
        RecoverySidecar create = RecoverySidecar.parse(Fixtures.bytes("variants/recovery.graph_create.json"), "01ROW4")
                .artifact().orElseThrow();
        assertThat(create.kind()).isEqualTo(RecoveryKind.GRAPH_CREATE);
        assertThat(create.actor()).isNull();
        assertThat(create.observedManifestVersion()).isNull();
        assertThat(create.stateCasBase()).isNull();
        assertThat(create.graphUri()).isEqualTo("/srv/company-brain/graphs/knowledge.omni");

        RecoverySidecar delete = RecoverySidecar.parse(Fixtures.bytes("variants/recovery.graph_delete.json"), null)
                .artifact().orElseThrow();
        assertThat(delete.kind()).isEqualTo(RecoveryKind.GRAPH_DELETE);
        assertThat(delete.desiredSchemaDigest()).isEmpty();
        assertThat(delete.approvalId()).isEqualTo("01M0A536TR00EGJV9Q6X1FK81S");
        assertThat(delete.observedManifestVersion()).isEqualTo(7L);
    }

    @Test
    void invalidSidecars() {
        String text = Fixtures.text("variants/recovery.graph_create.json");
        assertThat(RecoverySidecar.parse(Fixtures.utf8(text.replace("graph_create", "graph_move")), null).diagnostics())
                .extracting(Diagnostic::code, Diagnostic::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invalid_recovery_sidecar", "recovery.kind"));
        assertThat(RecoverySidecar.parse(Fixtures.utf8(text.replace("\"schema_version\": 1", "\"schema_version\": 3")), null)
                .diagnostics()).extracting(Diagnostic::code).containsExactly("unsupported_recovery_sidecar_version");
        assertThat(RecoverySidecar.parse(Fixtures.utf8(text.replace("\"graph_id\": \"knowledge\",", "")), null)
                .diagnostics()).extracting(Diagnostic::path).containsExactly("recovery.graph_id");
        assertThat(RecoverySidecar.parse(Fixtures.utf8(text.replace("}", ",\"observed_manifest_version\":-1}")), null)
                .diagnostics()).extracting(Diagnostic::path).containsExactly("recovery.observed_manifest_version");
        assertThat(RecoverySidecar.parse(Fixtures.utf8(text), "01ROW5").diagnostics())
                .extracting(Diagnostic::code).containsExactly("console_recovery_operation_id_mismatch");
        assertThat(RecoverySidecar.parse(new byte[] {(byte) 0xFF}, null).diagnostics())
                .extracting(Diagnostic::code).containsExactly("invalid_recovery_sidecar");
    }
}
