package dev.omnigraph.console.cluster.doctor;

import java.util.Map;

/**
 * What an admin does about each doctor finding on an OmniGraph v0.13 root (ledger v2), naming only
 * commands v0.13 has: {@code cluster apply --config DIR}, {@code --cluster ROOT cluster apply
 * --deployment-id ID --writers-stopped}, {@code cluster upgrade-ledger --writers-stopped},
 * {@code cluster force-unlock}, {@code cluster status}. {@code refresh}, {@code import} and
 * {@code approve} were removed in 0.12, and catalog repair is no longer an apply mode (spec §6.2,
 * §13 row 6); v1 roots keep {@link Remedies}.
 */
final class V013Remedies {
    private static final String RESTORE = "Do not hand-edit the ledger: restore a trusted cluster-state backup taken with "
            + "the graph roots at the same point in time ('ledger history' lists earlier versions of state.json and "
            + "'ledger diff' shows the conditional command that puts one back).";
    private static final String REPUBLISH = "Catalog repair is not an apply mode in v0.13: put the exact bytes back under "
            + "that name (its sha256); a retained deployment bundle holds every captured source ('catalog verify' and the "
            + "Deployments page show which), then start the server.";
    private static final String LEGACY_SIDECAR = "v0.13 never writes or sweeps recovery sidecars: a ≤ 0.11 apply left it. "
            + "Resolve it with the build that wrote it (that build's 'omnigraph cluster apply' sweeps it) before anything "
            + "else; every v0.13 deployment refuses with policy_recovery_required while it is there.";
    private static final String CONFIG_APPLY = "Fix cluster.yaml and run 'omnigraph cluster apply --config DIR' (a direct "
            + "deployment) or deploy through the running server; the next converged deployment records it.";

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("cluster_recovery_pending", LEGACY_SIDECAR),
            Map.entry("cluster_recovery_unattributed", "The sidecar names no graph. " + LEGACY_SIDECAR),
            Map.entry("invalid_recovery_sidecar", "The server cannot parse it, so it refuses to boot. " + LEGACY_SIDECAR),
            Map.entry("unsupported_recovery_sidecar_version", "A newer tool wrote it; find which before touching it. "
                    + LEGACY_SIDECAR),
            Map.entry("recovery_sidecar_read_error", "Check read permission on __cluster/recoveries/ for the server's credentials."),
            Map.entry("cluster_state_missing", "Point --cluster at the right root. A lost ledger cannot be adopted back: a "
                    + "fresh 'omnigraph cluster apply --config DIR' refuses existing graph roots (graph_root_exists). "
                    + "Restore the ledger from a trusted backup ('ledger history'); a brand-new cluster starts with "
                    + "'omnigraph cluster apply --config DIR', which bootstraps the ledger."),
            Map.entry("invalid_state_json", RESTORE + " If a newer OmniGraph wrote it, run that release instead."),
            Map.entry("invalid_state", RESTORE),
            Map.entry("invalid_state_version", RESTORE),
            Map.entry("deployment_id_invalid", RESTORE),
            Map.entry("deployment_bounds", RESTORE),
            Map.entry("unsupported_state_version", "A newer OmniGraph wrote this ledger: serve it with that release."),
            Map.entry("state_read_error", "Check that __cluster/state.json is readable with the server's credentials and "
                    + "at most 16 MiB. " + RESTORE),
            Map.entry("conflicting_graph_manifest_observation", RESTORE),
            Map.entry("embedding_provider_profile_missing", RESTORE),
            Map.entry("embedding_provider_digest_mismatch", "The recorded profile was edited. " + RESTORE),
            Map.entry("embedding_provider_missing", RESTORE),
            Map.entry("wrong_kind_reference", RESTORE),
            Map.entry("external_blob_policy_digest_mismatch", "The graph's recorded metadata does not match its composite "
                    + "digest. " + RESTORE),
            Map.entry("catalog_payload_missing", REPUBLISH),
            Map.entry("catalog_payload_digest_mismatch", "The blob's bytes were altered. " + REPUBLISH),
            Map.entry("policy_bindings_missing", RESTORE),
            Map.entry("cluster_empty", "An empty v0.13 cluster serves only after a converged deployment recorded its "
                    + "config_digest: run 'omnigraph cluster apply --config DIR' with the cluster's config."),
            Map.entry("cluster_no_healthy_graphs", "Resolve the graph findings listed before this one; the server needs at "
                    + "least one graph it can serve."),
            Map.entry("duplicate_policy_binding", "Merge the bundles or bind them to different scopes. " + CONFIG_APPLY),
            Map.entry("console_unrecognized_policy_binding", RESTORE),
            Map.entry("console_embedding_provider_unresolvable", "Fix the provider profile (kind, and api_key as a ${NAME} "
                    + "reference). " + CONFIG_APPLY),
            Map.entry("console_embedding_env_required", "Set that environment variable for the server process (read at boot; "
                    + "the ledger only names it)."),
            Map.entry("console_graph_root_missing", "Restore the graph root from the same point in time as the ledger. A "
                    + "deployment cannot re-create it under the same identity; upstream's path is removing the graph from "
                    + "cluster.yaml, applying, then declaring it again (a new graph) and loading its data."),
            Map.entry("console_catalog_payload_unverified", "Run 'catalog verify' to hash it; the doctor could not read it."),
            Map.entry("external_blob_base_overlaps_storage_root", "Move the graph's server_safe external Blob base outside "
                    + "the cluster's storage root. " + CONFIG_APPLY),
            Map.entry("deployment_bundle_missing", "Put the bundle back from a backup (its name is its sha256); without it "
                    + "the deployment cannot be reconciled and its captured config is lost from history."),
            Map.entry("deployment_bundle_digest", "The bundle's bytes do not hash to its name: it was altered. Put the "
                    + "original back from a backup."),
            Map.entry("deployment_bundle_invalid", "The bundle does not decode as v0.13's CapturedDeployment (an older build "
                    + "wrote it, or it was edited). Put the original back from a backup."),
            Map.entry("deployment_bundle_read", "Check that the bundle is readable with the server's credentials."),
            Map.entry("deployment_input_invalid", "The outstanding deployment's bundle fails v0.13's validation (for a copied "
                    + "root: it records another canonical root), so reconciling it here refuses. Reconcile it on the root "
                    + "it was captured for, or restore that root."),
            Map.entry("console_bundle_unreadable", "Check read permission on __cluster/resources/deployment/."));

    private V013Remedies() {}

    static String of(String code) {
        return BY_CODE.getOrDefault(code, RESTORE);
    }

    /** Stop every owner, break the lock by its exact id (spec §5.4), then the next step. */
    static String forceUnlock(String root, String lockId, String operationSummary, String unlockBreaks, String nextStep) {
        return "The lock means: " + operationSummary + ". Breaking it while its owner lives causes " + unlockBreaks
                + ". Stop that owner and every server, apply and graph writer of this cluster and let their I/O settle, "
                + "then run 'omnigraph --cluster " + root + " cluster force-unlock '" + lockId + "'', then " + nextStep + ".";
    }

    static String reconcile(String root, String deploymentId) {
        return "Only the exact reconciliation may proceed: with every server and graph writer stopped, run "
                + "'omnigraph --cluster " + root + " cluster apply --deployment-id " + deploymentId + " --writers-stopped'. "
                + "Never resubmit it under a new id.";
    }

    static String upgradeLedger(String root) {
        return "Stop every server, writer and maintenance process of this cluster, then run 'omnigraph --cluster " + root
                + " cluster upgrade-ledger --writers-stopped' (v0.13). Until then serve it with the release that wrote it.";
    }
}
