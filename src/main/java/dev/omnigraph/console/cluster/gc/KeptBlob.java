package dev.omnigraph.console.cluster.gc;

/**
 * A catalog blob the ledger does not reference that the GC still keeps, with the reason (a pending
 * approval or a recovery sidecar may need it, or it is not named like a catalog payload at all).
 */
public record KeptBlob(String key, long size, String reason) {}
