package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the outstanding deployment was authorized to do, upstream's strict
 * {@code DeploymentAuthorization} (spec §2.5).
 *
 * @param version        must be 2
 * @param ledgerId       must equal the ledger's id
 * @param authority      who accepted it
 * @param base           the achieved state it was prepared from (must equal the ledger's current one)
 * @param inputDigest    its bundle name (must equal the outer {@code input_digest})
 * @param policyDigests  {@code policy.<n>} → digest of the policies applied at acceptance
 * @param effects        the authorized resource changes, in address order
 */
public record DeploymentAuthorization(long version, String ledgerId, DeploymentAuthority authority, AchievedBase base,
        String inputDigest, SortedMap<String, String> policyDigests, List<AuthorizedEffect> effects) {

    static final List<String> FIELDS = List.of("version", "ledger_id", "authority", "base", "input_digest",
            "policy_digests", "effects");

    static DeploymentAuthorization readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct s = JsonStruct.open(value, path, code, "struct DeploymentAuthorization", FIELDS);
        long version = s.requiredU32("version");
        String ledgerId = s.requiredString("ledger_id");
        DeploymentAuthority authority = DeploymentAuthority.readJson(s.required("authority"), s.fieldPath("authority"), code);
        AchievedBase base = AchievedBase.readJson(s.required("base"), s.fieldPath("base"), code);
        String input = s.requiredString("input_digest");
        Map<String, String> policies = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.requiredMap("policy_digests").entrySet()) {
            policies.put(e.getKey(), s.asString(e.getValue(), s.fieldPath("policy_digests") + "." + e.getKey(), "a string"));
        }
        List<AuthorizedEffect> effects = new ArrayList<>();
        List<JsonNode> raw = s.requiredArray("effects");
        for (int i = 0; i < raw.size(); i++) {
            effects.add(AuthorizedEffect.readJson(raw.get(i), s.fieldPath("effects") + "[" + i + "]", code));
        }
        return new DeploymentAuthorization(version, ledgerId, authority, base, input, LedgerV2Parts.sorted(policies),
                List.copyOf(effects));
    }
}
