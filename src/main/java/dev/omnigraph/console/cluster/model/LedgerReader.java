package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The strict walk behind {@link Ledger#parse}: mirrors serde for {@code ClusterState} and its parts. */
final class LedgerReader {

    static final List<String> TOP_FIELDS = List.of("version", "state_revision", "applied_revision",
            "resource_statuses", "approval_records", "recovery_records", "observations");
    static final List<String> APPLIED_FIELDS = List.of("config_digest", "resources");

    private LedgerReader() {
    }

    static Ledger read(byte[] bytes) throws WireFormatException {
        String code = Ledger.SOURCE.parseCode();
        JsonNode root = StrictJson.parse(bytes, Ledger.SOURCE);
        JsonStruct top = JsonStruct.open(root, "state", code, "struct ClusterState", TOP_FIELDS);
        long version = top.requiredU32("version");
        long revision = top.u64OrDefault("state_revision", 0);
        JsonStruct applied = JsonStruct.open(top.required("applied_revision"), top.fieldPath("applied_revision"),
                code, "struct AppliedRevisionState", APPLIED_FIELDS);
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
        Map<String, JsonNode> approvals = top.mapOrEmpty("approval_records");
        Map<String, JsonNode> recoveries = top.mapOrEmpty("recovery_records");
        Map<String, JsonNode> rawObservations = top.mapOrEmpty("observations");

        if (version != 1) {
            throw new WireFormatException(Diagnostic.error("unsupported_state_version", "state.version",
                    "state.json has version " + version + ", but only version 1 is understood"));
        }

        // BTreeMap order, so the first conflict reported is the one upstream reports
        Map<String, JsonNode> ordered = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        ordered.putAll(rawObservations);
        Map<String, JsonNode> observations = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        for (Map.Entry<String, JsonNode> entry : ordered.entrySet()) {
            observations.put(entry.getKey(), ObservationCanonicalizer.canonicalize(entry.getKey(), entry.getValue()));
        }
        return new Ledger(bytes, version, revision, configDigest, resources, statuses, approvals, recoveries,
                observations);
    }
}
