package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The one accepted, unfinished deployment of a v2 ledger, upstream's strict
 * {@code OutstandingDeployment} (spec §2.5). While it exists, serving, new deployments and graph
 * writers refuse with {@code cluster_deployment_outstanding}; only
 * {@code omnigraph --cluster ROOT cluster apply --deployment-id <id> --writers-stopped} may proceed.
 *
 * @param id                  the deployment id as stored
 * @param inputDigest         its bundle name
 * @param authorization       what it was authorized to do
 * @param graphs              graph → entry
 * @param reservedLedgerBytes ledger size reserved for its completion
 * @param reservedResultBytes result size reserved for its receipt
 * @param raw                 the object as read
 */
public record OutstandingDeployment(String id, String inputDigest, DeploymentAuthorization authorization,
        SortedMap<String, GraphDeployment> graphs, long reservedLedgerBytes, long reservedResultBytes, JsonNode raw) {

    static final List<String> FIELDS = List.of("id", "input_digest", "authorization", "graphs", "reserved_ledger_bytes",
            "reserved_result_bytes");

    static OutstandingDeployment readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct s = JsonStruct.open(value, path, code, "struct OutstandingDeployment", FIELDS);
        String id = s.requiredString("id");
        String input = s.requiredString("input_digest");
        DeploymentAuthorization authorization = DeploymentAuthorization.readJson(s.required("authorization"),
                s.fieldPath("authorization"), code);
        Map<String, GraphDeployment> graphs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.requiredMap("graphs").entrySet()) {
            graphs.put(e.getKey(), GraphDeployment.readJson(e.getValue(), s.fieldPath("graphs") + "." + e.getKey(), code));
        }
        return new OutstandingDeployment(id, input, authorization, LedgerV2Parts.sorted(graphs),
                s.requiredU64("reserved_ledger_bytes"), s.requiredU64("reserved_result_bytes"), value);
    }

    /** The parsed id (never null in a parsed ledger). */
    public DeploymentId deploymentId() {
        return DeploymentId.parseOrNull(id);
    }

    /** When it was accepted: the nonce's ULID time. */
    public Instant acceptedAt() {
        DeploymentId parsed = deploymentId();
        return parsed == null ? null : parsed.acceptedAt();
    }

    /** Who accepted it. */
    public DeploymentAuthority authority() {
        return authorization.authority();
    }

    /** graph → phase, e.g. {@code knowledge → not_started}. */
    public SortedMap<String, GraphDeploymentState.Phase> phases() {
        Map<String, GraphDeploymentState.Phase> out = new LinkedHashMap<>();
        graphs.forEach((graph, entry) -> out.put(graph, entry.state().phase()));
        return LedgerV2Parts.sorted(out);
    }

    /** Every absolute root its graph entries record (spec §9.3). */
    public List<String> recordedRoots() {
        List<String> roots = new ArrayList<>();
        graphs.values().forEach(g -> roots.addAll(g.recordedRoots()));
        return List.copyOf(roots);
    }

    /** The one command that may proceed while it is outstanding. */
    public String reconcileCommand() {
        return "omnigraph --cluster ROOT cluster apply --deployment-id " + id + " --writers-stopped";
    }
}
