package dev.omnigraph.console.ui.history;

import dev.omnigraph.console.cluster.diff.RestoreGuidance;
import dev.omnigraph.console.cluster.history.LedgerSource;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.ui.common.Times;
import java.time.Instant;
import java.util.Optional;

/**
 * One ledger the History page can compare: the live one, a stored bucket version, or one the
 * console observed earlier (its local cache).
 *
 * @param id       stable key (tests, selection): {@code current}, {@code version:<id>}, {@code cache:<hex>}
 * @param source   how {@link dev.omnigraph.console.cluster.history.LedgerLoader} loads it
 * @param origin   where its bytes are, for the restore guidance (empty for the current ledger)
 * @param etag     the S3 ETag of a version (the "CAS" a bucket listing gives), when known
 * @param note     a problem (delete marker, not a valid ledger) or a remark ("since you last looked")
 */
public record HistoryEntry(String id, Kind kind, LedgerSource source, Optional<RestoreGuidance.Origin> origin,
                           Optional<Long> revision, Optional<Instant> time, long size, Optional<String> cas,
                           Optional<String> etag, boolean current, String note) {

    /** Where the entry comes from. */
    public enum Kind {
        CURRENT("current"), VERSION("bucket version"), OBSERVED("observed by this console");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the A / B pickers show, e.g. "rev 17 · version 3HL4kqtJ… · 12:04:31". */
    public String label() {
        String rev = revision.map(r -> "rev " + Long.toUnsignedString(r)).orElse("rev ?");
        String what = switch (kind) {
            case CURRENT -> "current";
            case VERSION -> "version " + abbreviate(id.substring("version:".length()), 12) + (current ? " (current)" : "");
            case OBSERVED -> "observed " + cas.map(Format::shortDigest).orElse("?") + (current ? " (current)" : "");
        };
        return rev + " · " + what + time.map(t -> " · " + Times.of(t)).orElse("");
    }

    /** The revision column: "17", or "?" when unknown. */
    public String revisionText() {
        return revision.map(Long::toUnsignedString).orElse("?");
    }

    public String timeText() {
        return time.map(Times::of).orElse("");
    }

    public String sizeText() {
        return Format.bytes(size);
    }

    /** The identity column: the content CAS when known, else the bucket's ETag. */
    public String identityText() {
        return cas.map(Format::shortDigest).orElse(etag.map(e -> "etag " + e).orElse(""));
    }

    /** Whether it can be loaded and compared at all (a delete marker cannot). */
    public boolean comparable() {
        return !note.startsWith("delete marker");
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    @Override
    public String toString() {
        return label();
    }
}
