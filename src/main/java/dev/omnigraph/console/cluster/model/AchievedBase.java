package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The achieved state a deployment was prepared from, upstream's strict
 * {@code AchievedDeploymentBase} (spec §2.5).
 *
 * @param resultRevision  the ledger's result revision at capture
 * @param resourceDigests address → 64-hex digest
 * @param schemaContracts graph → contract
 * @param captureCas      {@code sha256:} of the exact ledger bytes the deployment was prepared from
 */
public record AchievedBase(long resultRevision, SortedMap<String, String> resourceDigests,
        SortedMap<String, SchemaContract> schemaContracts, String captureCas) {

    static final List<String> FIELDS = List.of("result_revision", "resource_digests", "schema_contracts", "capture_cas");

    static AchievedBase readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct struct = JsonStruct.open(value, path, code, "struct AchievedDeploymentBase", FIELDS);
        long revision = struct.requiredU64("result_revision");
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : struct.requiredMap("resource_digests").entrySet()) {
            digests.put(e.getKey(), struct.asString(e.getValue(), struct.fieldPath("resource_digests") + "." + e.getKey(),
                    "a string"));
        }
        Map<String, SchemaContract> contracts = LedgerV2Parts.contracts(struct.requiredMap("schema_contracts"),
                struct.fieldPath("schema_contracts"), code);
        return new AchievedBase(revision, LedgerV2Parts.sorted(digests), LedgerV2Parts.sorted(contracts),
                struct.requiredString("capture_cas"));
    }

    /** Upstream {@code valid_base}: bounds, addresses, digests, contracts consistent with the digests, CAS form. */
    public boolean isValid() {
        return resourceDigests.size() <= V2Values.MAX_RESOURCES
                && resourceDigests.entrySet().stream().allMatch(e -> V2Values.isValidAddress(e.getKey())
                        && V2Values.isDigest(e.getValue()))
                && LedgerV2Parts.contractsMatch(schemaContracts, resourceDigests)
                && V2Values.isPrefixedDigest(captureCas);
    }
}
