package dev.omnigraph.console.cluster.model;

/**
 * Lifecycle of an approval artifact (spec §6.1): {@code consumed_at == null} is pending and may
 * authorize a matching planned change ({@code diff.rs::approved_resources}); anything else is
 * consumed. Files are never deleted.
 */
public enum ApprovalState {
    PENDING,
    CONSUMED
}
