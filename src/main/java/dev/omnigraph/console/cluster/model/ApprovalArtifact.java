package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An operator's sign-off on one gated change, pinned to digests, stored as
 * {@code __cluster/approvals/<approval_id>.json}: upstream's strict
 * {@code ApprovalArtifact} ({@code crates/omnigraph-cluster/src/types.rs}). Required: schema_version
 * (u32), approval_id, resource, operation, reason, bound_config_digest, approved_by, created_at;
 * optional (default null, written as null): bound_before_digest, bound_after_digest, consumed_at,
 * consumed_by_operation (never set in the file by current upstream).
 *
 * <p>{@link #parse(byte[], String)} mirrors {@code store.rs::list_approval_artifacts}: a file that
 * does not parse strictly is warning {@code invalid_approval_artifact}, a parsed file with
 * {@code schema_version != 1} is warning {@code unsupported_approval_version}; either way it
 * authorizes nothing. Oversize or non-UTF-8 files are also {@code invalid_approval_artifact}
 * (upstream maps read failures to the parse code for this directory).
 *
 * <p>Upstream does <em>not</em> compare {@code approval_id} with the file name. When they differ the
 * console adds its own warning {@code console_approval_id_mismatch}: upstream's consume step rewrites
 * {@code approvals/<approval_id>.json}, so such a file would never itself be marked consumed.
 */
public record ApprovalArtifact(long schemaVersion, String approvalId, String resource, String operation,
        String reason, String boundConfigDigest, String boundBeforeDigest, String boundAfterDigest,
        String approvedBy, String createdAt, String consumedAt, String consumedByOperation) {

    static final StrictJson.Source SOURCE = new StrictJson.Source("invalid_approval_artifact",
            "invalid_approval_artifact", "approval", "approval artifact", WireLimits.APPROVAL_MAX_BYTES);
    static final List<String> FIELDS = List.of("schema_version", "approval_id", "resource", "operation", "reason",
            "bound_config_digest", "bound_before_digest", "bound_after_digest", "approved_by", "created_at",
            "consumed_at", "consumed_by_operation");

    public ApprovalArtifact {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(boundConfigDigest, "boundConfigDigest");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** PENDING while {@code consumed_at} is null, else CONSUMED. */
    public ApprovalState state() {
        return consumedAt == null ? ApprovalState.PENDING : ApprovalState.CONSUMED;
    }

    /**
     * Reads one artifact file. Invalid files become {@link ArtifactParseResult.Invalid} with a
     * warning, never an exception.
     *
     * @param fileStem the file name without {@code .json}, or null to skip the id/name check
     */
    public static ArtifactParseResult<ApprovalArtifact> parse(byte[] bytes, String fileStem) {
        ApprovalArtifact artifact;
        try {
            artifact = parseStrict(bytes);
        } catch (WireFormatException e) {
            return new ArtifactParseResult.Invalid<>(e.diagnostic().withSeverity(Severity.WARNING));
        }
        List<Diagnostic> warnings = new ArrayList<>();
        if (fileStem != null && !fileStem.equals(artifact.approvalId())) {
            warnings.add(Diagnostic.warning("console_approval_id_mismatch", "approval.approval_id",
                    "approval artifact file '" + fileStem + ".json' carries approval_id '" + artifact.approvalId()
                            + "'; upstream does not check this, but it consumes approvals by rewriting '"
                            + artifact.approvalId() + ".json', so this file would never be marked consumed"));
        }
        return new ArtifactParseResult.Valid<>(artifact, warnings);
    }

    /**
     * Strict parse; throws with error severity and code {@code invalid_approval_artifact} or
     * {@code unsupported_approval_version} (upstream reports both as warnings).
     */
    public static ApprovalArtifact parseStrict(byte[] bytes) throws WireFormatException {
        String code = SOURCE.parseCode();
        JsonNode root = StrictJson.parse(bytes, SOURCE);
        JsonStruct s = JsonStruct.open(root, "approval", code, "struct ApprovalArtifact", FIELDS);
        ApprovalArtifact artifact = new ApprovalArtifact(s.requiredU32("schema_version"),
                s.requiredString("approval_id"), s.requiredString("resource"), s.requiredString("operation"),
                s.requiredString("reason"), s.requiredString("bound_config_digest"),
                s.optionalString("bound_before_digest"), s.optionalString("bound_after_digest"),
                s.requiredString("approved_by"), s.requiredString("created_at"), s.optionalString("consumed_at"),
                s.optionalString("consumed_by_operation"));
        if (artifact.schemaVersion() != 1) {
            throw new WireFormatException(Diagnostic.error("unsupported_approval_version", "approval.schema_version",
                    "approval artifact '" + artifact.approvalId() + "' has schema_version "
                            + artifact.schemaVersion() + ", but only 1 is understood; it is ignored"));
        }
        return artifact;
    }
}
