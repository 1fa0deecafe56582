package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One retained terminal receipt of {@code deployment_results}, upstream's strict
 * {@code DeploymentResult} (spec §2.6). In a parsed {@link Ledger} every id is canonical and
 * belongs to that ledger ({@link #deploymentId()} is never null).
 *
 * @param id                the deployment id as stored
 * @param inputDigest       sha256 name of its bundle in {@code resources/deployment/}
 * @param authority         who ran it
 * @param base              the achieved state it was prepared from
 * @param resultRevision    the ledger's result revision after it (unsigned)
 * @param configDigest      desired config digest, set only when it converged (may be null)
 * @param graphs            graph → outcome
 * @param recoveryExecutors graph → who settled it on recovery
 * @param converged         every graph outcome was accepted
 * @param raw               the receipt's JSON as read (after any obsolete v0.12 fields were stripped)
 */
public record DeploymentResult(String id, String inputDigest, DeploymentAuthority authority, AchievedBase base,
        long resultRevision, String configDigest, SortedMap<String, GraphDeploymentResult> graphs,
        SortedMap<String, DeploymentAuthority> recoveryExecutors, boolean converged, JsonNode raw) {

    static final List<String> FIELDS = List.of("id", "input_digest", "authority", "base", "result_revision",
            "config_digest", "graphs", "recovery_executors", "converged");

    static DeploymentResult readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct s = JsonStruct.open(value, path, code, "struct DeploymentResult", FIELDS);
        String id = s.requiredString("id");
        String input = s.requiredString("input_digest");
        DeploymentAuthority authority = DeploymentAuthority.readJson(s.required("authority"), s.fieldPath("authority"), code);
        AchievedBase base = AchievedBase.readJson(s.required("base"), s.fieldPath("base"), code);
        long revision = s.requiredU64("result_revision");
        String configDigest = s.optionalString("config_digest");
        Map<String, GraphDeploymentResult> graphs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.requiredMap("graphs").entrySet()) {
            graphs.put(e.getKey(), GraphDeploymentResult.readJson(e.getValue(), s.fieldPath("graphs") + "." + e.getKey(), code));
        }
        Map<String, DeploymentAuthority> executors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.requiredMap("recovery_executors").entrySet()) {
            executors.put(e.getKey(), DeploymentAuthority.readJson(e.getValue(),
                    s.fieldPath("recovery_executors") + "." + e.getKey(), code));
        }
        return new DeploymentResult(id, input, authority, base, revision, configDigest, LedgerV2Parts.sorted(graphs),
                LedgerV2Parts.sorted(executors), s.requiredBool("converged"), value);
    }

    /** The parsed id, or null when it is not canonical (never in a parsed ledger). */
    public DeploymentId deploymentId() {
        return DeploymentId.parseOrNull(id);
    }

    /** The sequence number (unsigned), or -1 when the id does not parse. */
    public long sequence() {
        DeploymentId parsed = deploymentId();
        return parsed == null ? -1 : parsed.sequence();
    }

    /** When it was accepted (the nonce's ULID time), or null when the id does not parse. */
    public Instant acceptedAt() {
        DeploymentId parsed = deploymentId();
        return parsed == null ? null : parsed.acceptedAt();
    }
}
