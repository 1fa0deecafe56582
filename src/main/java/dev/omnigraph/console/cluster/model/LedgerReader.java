package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read pipeline behind {@link Ledger#parse} (spec §3.1): bounded read, strict decode of
 * {@code ClusterState} (one struct for both generations, every level strict), the upgrade decoder
 * only to classify a failed decode ({@link ObsoleteReceipts}), {@code validate_state}
 * ({@link LedgerRules}), then the legacy observation fix-up.
 */
final class LedgerReader {

    static final List<String> TOP_FIELDS = List.of("version", "ledger_id", "next_sequence", "outstanding",
            "deployment_results", "state_revision", "applied_revision", "resource_statuses", "approval_records",
            "recovery_records", "observations");
    static final List<String> APPLIED_FIELDS = List.of("schema_contracts", "result_revision", "config_digest", "resources");

    /** Everything {@code ClusterState} holds, as decoded (before validation). */
    record Decoded(JsonNode root, long version, String ledgerId, Long nextSequence, OutstandingDeployment outstanding,
            List<DeploymentResult> results, long stateRevision, Map<String, SchemaContract> schemaContracts,
            Long resultRevision, String configDigest, Map<String, LedgerResource> resources,
            Map<String, ResourceStatusRecord> statuses, Map<String, JsonNode> approvals,
            Map<String, JsonNode> recoveries, Map<String, JsonNode> observations) {
    }

    private LedgerReader() {
    }

    static Ledger read(byte[] bytes) throws WireFormatException {
        JsonNode root;
        try {
            root = StrictJson.parse(bytes, Ledger.SOURCE);
        } catch (WireFormatException e) {
            if (bytes.length > V2Values.MAX_LEDGER_BYTES && !e.code().equals("state_read_error")) {
                throw oversize(bytes.length);
            }
            throw e;
        }
        Decoded decoded;
        try {
            decoded = decode(root);
        } catch (WireFormatException strict) {
            if (bytes.length > V2Values.MAX_LEDGER_BYTES) {
                throw oversize(bytes.length);
            }
            return ObsoleteReceipts.readObsolete(bytes, root, strict);
        }
        if (bytes.length > V2Values.MAX_LEDGER_BYTES && decoded.version() != 1) {
            throw oversize(bytes.length);
        }
        LedgerRules.validate(decoded);
        LedgerGeneration generation = decoded.version() == 1 ? LedgerGeneration.V1 : LedgerGeneration.V2;
        return new Ledger(bytes, generation, decoded, canonicalObservations(decoded.observations()), null);
    }

    /** The upstream refusal for a ledger above the bounded read (v1 ledgers are still read: ≤ 0.11 had no cap). */
    static WireFormatException oversize(long size) {
        return new WireFormatException(Diagnostic.error("state_read_error", "state", "state.json is " + size
                + " bytes, above OmniGraph v0.13's read limit of " + V2Values.MAX_LEDGER_BYTES + " bytes (MAX_LEDGER_BYTES)"));
    }

    /** Strict decode of the whole document into {@link Decoded} ({@code invalid_state_json} on any shape error). */
    static Decoded decode(JsonNode root) throws WireFormatException {
        String code = Ledger.SOURCE.parseCode();
        JsonStruct top = JsonStruct.open(root, "state", code, "struct ClusterState", TOP_FIELDS);
        long version = top.requiredU32("version");
        String ledgerId = top.optionalString("ledger_id");
        Long nextSequence = top.optionalU64("next_sequence");
        JsonNode rawOutstanding = top.optionalRaw("outstanding");
        OutstandingDeployment outstanding = rawOutstanding == null ? null
                : OutstandingDeployment.readJson(rawOutstanding, top.fieldPath("outstanding"), code);
        List<DeploymentResult> results = results(top, code);
        long revision = top.u64OrDefault("state_revision", 0);
        JsonStruct applied = JsonStruct.open(top.required("applied_revision"), top.fieldPath("applied_revision"),
                code, "struct AppliedRevisionState", APPLIED_FIELDS);
        Map<String, JsonNode> rawContracts = applied.optionalMap("schema_contracts");
        Map<String, SchemaContract> contracts = rawContracts == null ? null
                : LedgerV2Parts.contracts(rawContracts, applied.fieldPath("schema_contracts"), code);
        Long resultRevision = applied.optionalU64("result_revision");
        String configDigest = applied.optionalString("config_digest");
        Map<String, LedgerResource> resources = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : applied.mapOrEmpty("resources").entrySet()) {
            resources.put(entry.getKey(), LedgerResource.readJson(entry.getValue(),
                    applied.fieldPath("resources") + "." + entry.getKey(), code));
        }
        Map<String, ResourceStatusRecord> statuses = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : top.mapOrEmpty("resource_statuses").entrySet()) {
            statuses.put(entry.getKey(), ResourceStatusRecord.readJson(entry.getValue(),
                    top.fieldPath("resource_statuses") + "." + entry.getKey(), code));
        }
        return new Decoded(root, version, ledgerId, nextSequence, outstanding, results, revision, contracts,
                resultRevision, configDigest, resources, statuses, top.mapOrEmpty("approval_records"),
                top.mapOrEmpty("recovery_records"), top.mapOrEmpty("observations"));
    }

    private static List<DeploymentResult> results(JsonStruct top, String code) throws WireFormatException {
        JsonNode raw = top.optionalRaw("deployment_results");
        if (raw == null) {
            return null;
        }
        if (!raw.isArray()) {
            throw JsonStruct.typeError(code, top.fieldPath("deployment_results"), raw, "a sequence");
        }
        List<DeploymentResult> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(DeploymentResult.readJson(raw.get(i), top.fieldPath("deployment_results") + "[" + i + "]", code));
        }
        return List.copyOf(out);
    }

    /** Legacy {@code manifest_version} fix-up, in BTreeMap order so the first conflict is upstream's. */
    static Map<String, JsonNode> canonicalObservations(Map<String, JsonNode> raw) throws WireFormatException {
        Map<String, JsonNode> ordered = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        ordered.putAll(raw);
        Map<String, JsonNode> observations = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        for (Map.Entry<String, JsonNode> entry : ordered.entrySet()) {
            observations.put(entry.getKey(), ObservationCanonicalizer.canonicalize(entry.getKey(), entry.getValue()));
        }
        return observations;
    }
}
