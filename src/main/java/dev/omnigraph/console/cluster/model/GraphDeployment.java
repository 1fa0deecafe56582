package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One graph of the outstanding deployment, upstream's strict {@code GraphDeployment} (spec §2.5).
 * The engine objects ({@code create}, {@code intent}, {@code settlement}) are opaque and kept
 * exactly as read; they embed absolute graph-root identities (see {@link #recordedRoots()}).
 *
 * @param create                  engine {@code PreparedGraphCreate} (strict key set checked), or null
 * @param deleteRoot              the managed root a deletion removes, or null
 * @param deleteContract          the contract of the graph being deleted, or null
 * @param intent                  engine {@code PreparedSchemaApply}, or null (opaque)
 * @param observedManifestVersion manifest version observed at acceptance (0 for a creation)
 * @param state                   not_started / started / settled
 * @param settlement              engine {@code PreparedSchemaSettlement}, or null (opaque)
 * @param recoveryExecutor        who is settling it on recovery, or null
 */
public record GraphDeployment(JsonNode create, String deleteRoot, SchemaContract deleteContract, JsonNode intent,
        long observedManifestVersion, GraphDeploymentState state, JsonNode settlement,
        DeploymentAuthority recoveryExecutor) {

    static final List<String> FIELDS = List.of("create", "delete", "intent", "observed_manifest_version", "state",
            "settlement", "recovery_executor");
    static final List<String> CREATE_FIELDS = List.of("version", "root", "source", "contract", "genesis");

    static GraphDeployment readJson(JsonNode value, String path, String code) throws WireFormatException {
        JsonStruct s = JsonStruct.open(value, path, code, "struct GraphDeployment", FIELDS);
        JsonNode create = s.optionalRaw("create");
        if (create != null) {
            JsonStruct c = JsonStruct.open(create, s.fieldPath("create"), code, "struct PreparedGraphCreate", CREATE_FIELDS);
            for (String field : CREATE_FIELDS) {
                c.required(field);
            }
        }
        String deleteRoot = null;
        SchemaContract deleteContract = null;
        JsonNode delete = s.optionalRaw("delete");
        if (delete != null) {
            JsonStruct d = JsonStruct.open(delete, s.fieldPath("delete"), code, "struct GraphDeletion",
                    List.of("root", "contract"));
            deleteRoot = d.requiredString("root");
            deleteContract = SchemaContract.readJson(d.required("contract"), d.fieldPath("contract"), code);
        }
        JsonNode executor = s.optionalRaw("recovery_executor");
        return new GraphDeployment(create, deleteRoot, deleteContract, s.optionalRaw("intent"),
                s.requiredU64("observed_manifest_version"),
                GraphDeploymentState.readJson(s.required("state"), s.fieldPath("state"), code), s.optionalRaw("settlement"),
                executor == null ? null : DeploymentAuthority.readJson(executor, s.fieldPath("recovery_executor"), code));
    }

    /** Creates the graph. */
    public boolean creates() {
        return create != null;
    }

    /** Deletes the graph (and its whole root). */
    public boolean deletes() {
        return deleteRoot != null;
    }

    /** Changes only queries: no create, delete or schema intent. */
    public boolean queryOnly() {
        return create == null && deleteRoot == null && intent == null;
    }

    /** What it does, in a word: create, delete, schema or queries. */
    public String action() {
        return creates() ? "create" : deletes() ? "delete" : intent != null ? "schema" : "queries";
    }

    /**
     * The absolute roots this entry records ({@code create.root}, {@code delete.root},
     * {@code intent.root}): a copy of the cluster to another root can never reconcile them (spec §9.3).
     */
    public List<String> recordedRoots() {
        List<String> roots = new ArrayList<>();
        if (create != null && create.path("root").isTextual()) {
            roots.add(create.get("root").textValue());
        }
        if (deleteRoot != null) {
            roots.add(deleteRoot);
        }
        if (intent != null && intent.path("root").isTextual()) {
            roots.add(intent.get("root").textValue());
        }
        return List.copyOf(roots);
    }
}
