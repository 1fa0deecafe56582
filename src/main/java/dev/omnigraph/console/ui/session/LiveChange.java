package dev.omnigraph.console.ui.session;

import java.time.Instant;

/**
 * Something that moved in the cluster while it was watched, e.g. "ledger revision 17 → 18" or
 * "lock acquired by apply".
 */
public record LiveChange(Instant at, Subject subject, String text) {
    /** Which object moved. */
    public enum Subject { LEDGER, LOCK, APPROVALS, RECOVERIES, CATALOG }
}
