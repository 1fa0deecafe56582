package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.ui.common.Times;
import java.time.Instant;
import java.util.List;

/**
 * When the cluster was last checked and what that check found: a full read, or a live poll that
 * answered with or without changes.
 *
 * @param at             when the answer arrived (session clock)
 * @param fullRead       true for a full read, false for a live poll
 * @param changes        what the poll found moved (empty: nothing changed; always empty for a read)
 * @param catalogChecked whether the catalog listing was part of the check (small catalogs only)
 */
public record LastCheck(Instant at, boolean fullRead, List<String> changes, boolean catalogChecked) {

    static LastCheck read(Instant at, ClusterSnapshot read) {
        return new LastCheck(at, true, List.of(), true);
    }

    static LastCheck poll(Instant at, List<LiveChange> found, boolean catalogChecked) {
        return new LastCheck(at, false, found.stream().map(LiveChange::text).toList(), catalogChecked);
    }

    /** "read in full 2026-12-07 20:31:04 UTC" / "checked … · nothing changed" / "checked … · 2 changes, re-reading". */
    public String text() {
        if (fullRead) {
            return "read in full " + Times.of(at);
        }
        String what = changes.isEmpty() ? "nothing changed"
                : changes.size() == 1 ? "1 change, re-reading" : changes.size() + " changes, re-reading";
        return "checked " + Times.of(at) + " · " + what + (catalogChecked ? "" : " (catalog checked on Refresh only)");
    }
}
