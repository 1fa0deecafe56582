package dev.omnigraph.console.cluster.history;

import java.util.Optional;

/**
 * What reading one version's bytes tells: its content identity and, when it parses, its revision.
 *
 * @param version  the listed version
 * @param cas      {@code sha256:<hex>} of its bytes (empty for a delete marker or an unreadable version)
 * @param revision its {@code state_revision}, when it parses
 * @param problem  why it could not be read or parsed, when it could not
 * @param summary  generation and deployments, when it parses
 */
public record LedgerVersionDetails(LedgerVersion version, Optional<String> cas, Optional<Long> revision,
                                   Optional<String> problem, Optional<LedgerSummary> summary) {

    public LedgerVersionDetails(LedgerVersion version, Optional<String> cas, Optional<Long> revision, Optional<String> problem) {
        this(version, cas, revision, problem, Optional.empty());
    }
}
