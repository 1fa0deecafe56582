package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recovery intent written by apply before a graph-moving engine call,
 * {@code __cluster/recoveries/<operation_id>.json}: upstream's strict {@code RecoverySidecar}
 * ({@code crates/omnigraph-cluster/src/types.rs}). Required: schema_version (u32), operation_id,
 * started_at, kind, graph_id, graph_uri, desired_schema_digest ({@code ""} for deletes); optional
 * (may be absent or null): actor, observed_manifest_version (u64), expected_manifest_version
 * (u64), state_cas_base, approval_id.
 *
 * <p>{@link #parse(byte[], String)} mirrors {@code store.rs::list_recovery_sidecars}: strict-parse
 * failure is warning {@code invalid_recovery_sidecar}, {@code schema_version != 1} is warning
 * {@code unsupported_recovery_sidecar_version} (serving promotes both to fatal errors). Upstream
 * does not compare {@code operation_id} with the file name; the console warns
 * {@code console_recovery_operation_id_mismatch} when they differ, because sweep retires sidecars
 * by the listed file while roll-forward records use {@code operation_id}.
 *
 * @param observedManifestVersion u64 as unsigned bits, or null
 * @param expectedManifestVersion u64 as unsigned bits, or null
 */
public record RecoverySidecar(long schemaVersion, String operationId, String startedAt, String actor,
        RecoveryKind kind, String graphId, String graphUri, Long observedManifestVersion,
        Long expectedManifestVersion, String desiredSchemaDigest, String stateCasBase, String approvalId) {

    static final StrictJson.Source SOURCE = new StrictJson.Source("invalid_recovery_sidecar",
            "invalid_recovery_sidecar", "recovery", "recovery sidecar", WireLimits.RECOVERY_SIDECAR_MAX_BYTES);
    static final List<String> FIELDS = List.of("schema_version", "operation_id", "started_at", "actor", "kind",
            "graph_id", "graph_uri", "observed_manifest_version", "expected_manifest_version",
            "desired_schema_digest", "state_cas_base", "approval_id");

    public RecoverySidecar {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(graphUri, "graphUri");
        Objects.requireNonNull(desiredSchemaDigest, "desiredSchemaDigest");
    }

    /** Serving treats a blank graph id as {@code cluster_recovery_unattributed} (fatal). */
    public boolean isAttributed() {
        return !RustStrings.trim(graphId).isEmpty();
    }

    /** Reads one sidecar file; invalid files become {@link ArtifactParseResult.Invalid} with a warning. */
    public static ArtifactParseResult<RecoverySidecar> parse(byte[] bytes, String fileStem) {
        RecoverySidecar sidecar;
        try {
            sidecar = parseStrict(bytes);
        } catch (WireFormatException e) {
            return new ArtifactParseResult.Invalid<>(e.diagnostic().withSeverity(Severity.WARNING));
        }
        List<Diagnostic> warnings = new ArrayList<>();
        if (fileStem != null && !fileStem.equals(sidecar.operationId())) {
            warnings.add(Diagnostic.warning("console_recovery_operation_id_mismatch", "recovery.operation_id",
                    "recovery sidecar file '" + fileStem + ".json' carries operation_id '" + sidecar.operationId()
                            + "'; upstream does not check this"));
        }
        return new ArtifactParseResult.Valid<>(sidecar, warnings);
    }

    /** Strict parse; throws {@code invalid_recovery_sidecar} / {@code unsupported_recovery_sidecar_version}. */
    public static RecoverySidecar parseStrict(byte[] bytes) throws WireFormatException {
        String code = SOURCE.parseCode();
        JsonNode root = StrictJson.parse(bytes, SOURCE);
        JsonStruct s = JsonStruct.open(root, "recovery", code, "struct RecoverySidecar", FIELDS);
        long schemaVersion = s.requiredU32("schema_version");
        String operationId = s.requiredString("operation_id");
        String startedAt = s.requiredString("started_at");
        String actor = s.optionalString("actor");
        String kindName = s.asUnitVariant(s.required("kind"), s.fieldPath("kind"));
        RecoveryKind kind = RecoveryKind.fromWire(kindName);
        if (kind == null) {
            throw new WireFormatException(Diagnostic.error(code, s.fieldPath("kind"), "unknown variant `" + kindName
                    + "` at recovery.kind, expected one of `graph_create`, `schema_apply`, `graph_delete`"));
        }
        RecoverySidecar sidecar = new RecoverySidecar(schemaVersion, operationId, startedAt, actor, kind,
                s.requiredString("graph_id"), s.requiredString("graph_uri"), s.optionalU64("observed_manifest_version"),
                s.optionalU64("expected_manifest_version"), s.requiredString("desired_schema_digest"),
                s.optionalString("state_cas_base"), s.optionalString("approval_id"));
        if (schemaVersion != 1) {
            throw new WireFormatException(Diagnostic.error("unsupported_recovery_sidecar_version",
                    "recovery.schema_version", "recovery sidecar '" + operationId + "' has schema_version "
                            + schemaVersion + ", but only 1 is understood; it is ignored"));
        }
        return sidecar;
    }
}
