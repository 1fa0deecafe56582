package dev.omnigraph.console.ui.history;

import dev.omnigraph.console.cluster.diff.RestoreGuidance;
import dev.omnigraph.console.cluster.history.CachedLedger;
import dev.omnigraph.console.cluster.history.HistoryAvailability;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.history.LedgerHistory;
import dev.omnigraph.console.cluster.history.LedgerLoader;
import dev.omnigraph.console.cluster.history.LedgerObservationCache;
import dev.omnigraph.console.cluster.history.LedgerSource;
import dev.omnigraph.console.cluster.history.LedgerVersion;
import dev.omnigraph.console.cluster.history.LedgerVersionDetails;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the History page lists, read in the background: the current ledger, the bucket's versions of
 * {@code __cluster/state.json} (revision and CAS read for the newest {@link #DETAILS_LIMIT}) when
 * the bucket keeps versions, and the ledgers this console observed before (its local cache).
 *
 * @param sinceLastLook the most recently observed ledger other than the current one, if any
 * @param versionCount  how many versions the bucket holds (0 without versioning)
 */
public record HistoryListing(HistoryAvailability availability, List<HistoryEntry> entries, int versionCount,
                             Optional<HistoryEntry> sinceLastLook, Optional<String> currentCas) {
    /** Versions whose bytes are read for revision and CAS; older ones are listed with size and time only. */
    public static final int DETAILS_LIMIT = 30;

    public HistoryListing {
        entries = List.copyOf(entries);
    }

    /** Reads the listing (job thread). {@code cache} may be null: then nothing observed is listed. */
    public static HistoryListing read(ObjectStore store, ClusterLocation location, LedgerObservationCache cache, Progress progress)
            throws StorageException, IOException, LedgerLoader.LoadException {
        List<HistoryEntry> entries = new ArrayList<>();
        progress.progress(0, 0, "Reading the current ledger…");
        Optional<LedgerCopy> current = new LedgerLoader(store, location, cache).current();
        Optional<String> currentCas = current.map(LedgerCopy::cas);
        current.ifPresent(c -> entries.add(new HistoryEntry("current", HistoryEntry.Kind.CURRENT, new LedgerSource.Current(),
                Optional.empty(), c.revision(), c.time(), c.size(), Optional.of(c.cas()), c.token(), true,
                c.problem().map(p -> "not a valid ledger: " + p.code()).orElse(""))));
        HistoryAvailability availability = LedgerHistory.availability(store);
        int versionCount = 0;
        if (availability.available()) {
            progress.checkCancelled();
            List<LedgerVersion> versions = LedgerHistory.versions(store);
            versionCount = versions.size();
            int detailed = Math.min(DETAILS_LIMIT, versions.size());
            for (int i = 0; i < versions.size(); i++) {
                LedgerVersion v = versions.get(i);
                if (i < detailed) {
                    progress.checkCancelled();
                    progress.progress(i, detailed, "Reading version " + (i + 1) + " of " + detailed + "…");
                    LedgerVersionDetails d = LedgerHistory.details(store, v);
                    entries.add(version(v, d.revision(), d.cas(), d.problem().orElse("")));
                } else {
                    entries.add(version(v, Optional.empty(), Optional.empty(), "not read (older than the newest " + DETAILS_LIMIT + ")"));
                }
            }
        }
        Optional<HistoryEntry> since = Optional.empty();
        if (cache != null) {
            progress.progress(0, 0, "Reading this console's observed ledgers…");
            for (CachedLedger e : cache.entries(location)) {
                boolean isCurrent = currentCas.map(e.cas()::equals).orElse(false);
                HistoryEntry entry = new HistoryEntry("cache:" + e.hex(), HistoryEntry.Kind.OBSERVED, new LedgerSource.Cached(e.hex()),
                        Optional.of(new RestoreGuidance.Origin.LocalFile(e.file().toString())),
                        e.revision() < 0 ? Optional.empty() : Optional.of(e.revision()), Optional.of(e.lastSeen()), e.size(),
                        Optional.of(e.cas()), Optional.empty(), isCurrent, "first seen " + dev.omnigraph.console.ui.common.Times.of(e.firstSeen()));
                if (since.isEmpty() && !isCurrent) {
                    entry = new HistoryEntry(entry.id(), entry.kind(), entry.source(), entry.origin(), entry.revision(), entry.time(),
                            entry.size(), entry.cas(), entry.etag(), false, "since you last looked · " + entry.note());
                    since = Optional.of(entry);
                }
                entries.add(entry);
            }
        }
        return new HistoryListing(availability, entries, versionCount, since, currentCas);
    }

    private static HistoryEntry version(LedgerVersion v, Optional<Long> revision, Optional<String> cas, String problem) {
        String note = v.deleteMarker() ? "delete marker: the ledger was deleted at this point" : problem;
        return new HistoryEntry("version:" + v.versionId(), HistoryEntry.Kind.VERSION, new LedgerSource.Version(v.versionId()),
                Optional.of(new RestoreGuidance.Origin.BucketVersion(v.versionId())), revision, Optional.ofNullable(v.lastModified()),
                v.size(), cas, Optional.ofNullable(v.etag()), v.latest(), note);
    }

    public Optional<HistoryEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The banner when the storage keeps no history: why, and what the page shows instead. */
    public Optional<String> unavailableBanner() {
        if (availability.available()) {
            return Optional.empty();
        }
        return Optional.of("History unavailable because " + availability.explanation() + ". Shown instead: the ledgers this "
                + "console itself observed (kept on this machine, never a ledger with an inline secret).");
    }
}
