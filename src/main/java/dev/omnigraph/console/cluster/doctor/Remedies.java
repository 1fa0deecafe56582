package dev.omnigraph.console.cluster.doctor;

import java.util.Map;

/** What an admin does about each doctor finding, in the console's words (upstream's hints, re-phrased). */
final class Remedies {
    private static final String RESTORE = "Restore the ledger from a trusted copy: 'ledger history' lists earlier ledgers and "
            + "'ledger diff' shows the exact conditional command to put one back.";
    private static final String REPUBLISH = "Run 'omnigraph cluster refresh' then 'omnigraph cluster apply' with the cluster's "
            + "config so the payload is published again from source, then restart the server.";
    private static final String SWEEP = "Run a state-mutating cluster command ('omnigraph cluster apply' or 'cluster refresh') "
            + "so the recovery sweep resolves the sidecar, then restart the server.";

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("cluster_recovery_pending", SWEEP),
            Map.entry("cluster_recovery_unattributed", "The sidecar names no graph, so serving cannot tell what it affects. " + SWEEP
                    + " If no apply is running and the file is debris, move it out of __cluster/recoveries/ after keeping a copy."),
            Map.entry("invalid_recovery_sidecar", "Inspect the file: a sidecar the server cannot parse blocks boot. If a newer "
                    + "OmniGraph wrote it, upgrade the server; otherwise, with no apply running, keep a copy and move it out of "
                    + "__cluster/recoveries/, then run 'cluster refresh'."),
            Map.entry("unsupported_recovery_sidecar_version", "A newer OmniGraph wrote this sidecar: upgrade the server (and CLI), "
                    + "or let the newer version sweep it."),
            Map.entry("recovery_sidecar_read_error", "Check read permission on __cluster/recoveries/ for the server's credentials."),
            Map.entry("cluster_state_missing", "Point --cluster at the right root; for a new cluster run 'omnigraph cluster import' "
                    + "and 'cluster apply'. If a ledger existed here, restore it ('ledger history')."),
            Map.entry("invalid_state_json", RESTORE + " If a newer OmniGraph wrote it, upgrade the server instead."),
            Map.entry("unsupported_state_version", "A newer OmniGraph wrote this ledger: upgrade the server, or restore an older "
                    + "ledger ('ledger history')."),
            Map.entry("state_read_error", "Check that __cluster/state.json is readable text with the server's credentials; " + RESTORE),
            Map.entry("conflicting_graph_manifest_observation", RESTORE),
            Map.entry("embedding_provider_profile_missing", "Re-run 'omnigraph cluster apply' so the provider profile is recorded "
                    + "(ledgers from before profiles were stored need this backfill)."),
            Map.entry("embedding_provider_digest_mismatch", "The recorded profile was edited: run 'cluster refresh' then "
                    + "'cluster apply', then restart; or " + RESTORE.substring(0, 1).toLowerCase() + RESTORE.substring(1)),
            Map.entry("embedding_provider_missing", "The graph binds a provider the ledger does not hold (or whose profile failed "
                    + "the checks above): re-run 'omnigraph cluster apply'."),
            Map.entry("wrong_kind_reference", RESTORE),
            Map.entry("external_blob_policy_digest_mismatch", "The graph's recorded metadata no longer matches its composite "
                    + "digest, so the ledger was edited or damaged. " + RESTORE),
            Map.entry("catalog_payload_missing", REPUBLISH),
            Map.entry("catalog_payload_digest_mismatch", "The blob's bytes were altered. " + REPUBLISH),
            Map.entry("policy_bindings_missing", "Re-run 'omnigraph cluster apply' so the policy's applies_to bindings are "
                    + "recorded (ledgers from before bindings were stored need this backfill)."),
            Map.entry("cluster_empty", "Declare at least one graph in cluster.yaml and run 'omnigraph cluster apply'."),
            Map.entry("cluster_no_healthy_graphs", "Resolve the graph findings listed before this one; the server needs at least "
                    + "one graph it can serve."),
            Map.entry("duplicate_policy_binding", "Serving supports one policy bundle per scope: merge the bundles or bind them "
                    + "to different scopes in cluster.yaml, then run 'omnigraph cluster apply'."),
            Map.entry("console_unrecognized_policy_binding", RESTORE),
            Map.entry("console_embedding_provider_unresolvable", "Fix the provider profile in cluster.yaml (kind, and api_key as a "
                    + "${NAME} reference) and run 'omnigraph cluster apply'."),
            Map.entry("console_embedding_env_required", "Set that environment variable for the server process (it is read at "
                    + "boot; the ledger only names it)."),
            Map.entry("console_graph_root_missing", "Restore the graph's data, or run 'cluster refresh' (marks it drifted, "
                    + "graph_missing) and 'cluster apply' to create it again."),
            Map.entry("console_catalog_payload_unverified", "Run 'catalog verify' to hash it; the doctor could not read it."));

    private Remedies() {}

    static String of(String code) {
        return BY_CODE.getOrDefault(code, RESTORE);
    }
}
