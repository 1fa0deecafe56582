package dev.omnigraph.console.cluster.history;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * Loads a {@link LedgerSource} into a {@link LedgerCopy}: the live ledger, a bucket version, a
 * cached observation or a local file. Every failure is a {@link LoadException} with one sentence an
 * admin can act on; nothing is written anywhere.
 */
public final class LedgerLoader {
    private final ObjectStore store;
    private final ClusterLocation location;
    private final LedgerObservationCache cache;

    /** A source that cannot be loaded, with the reason. */
    public static final class LoadException extends Exception {
        public LoadException(String message) {
            super(message);
        }
    }

    public LedgerLoader(ObjectStore store, ClusterLocation location, LedgerObservationCache cache) {
        this.store = store;
        this.location = location;
        this.cache = cache;
    }

    public LedgerCopy load(LedgerSource source) throws LoadException, StorageException {
        return switch (source) {
            case LedgerSource.Current c -> current().orElseThrow(() -> new LoadException(
                    "there is no ledger at " + location.root().display() + "/" + ClusterLayout.STATE));
            case LedgerSource.Version v -> version(v.versionId());
            case LedgerSource.Cached c -> cached(c.casPrefix());
            case LedgerSource.LocalFile f -> file(f);
        };
    }

    /** The live ledger, empty when there is none. */
    public Optional<LedgerCopy> current() throws StorageException, LoadException {
        Optional<StoredObject> o;
        try {
            o = store.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                throw new LoadException("the live ledger is larger than any ledger can be: " + e.describe());
            }
            throw e;
        }
        return o.map(s -> LedgerCopy.of("current", s.bytes(), s.token(), s.lastModified()));
    }

    private LedgerCopy version(String versionId) throws LoadException, StorageException {
        HistoryAvailability availability = LedgerHistory.availability(store);
        if (availability == HistoryAvailability.LOCAL_FOLDER || availability == HistoryAvailability.VERSIONING_OFF) {
            throw new LoadException("'" + versionId + "' is neither a file nor a version this root can have: "
                    + availability.explanation() + ". Use cache:<cas-prefix> for a ledger this console saw earlier.");
        }
        Optional<LedgerCopy> copy;
        try {
            copy = LedgerHistory.read(store, versionId);
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.TOO_LARGE) {
                throw new LoadException("version " + versionId + " is larger than any ledger can be");
            }
            if (e.kind() == StorageException.Kind.NOT_FOUND || e.kind() == StorageException.Kind.IO) {
                throw new LoadException("the bucket has no version '" + versionId + "' of " + ClusterLayout.STATE
                        + ": " + e.describe());
            }
            throw e;
        }
        return copy.orElseThrow(() -> new LoadException("the bucket has no version '" + versionId + "' of "
                + ClusterLayout.STATE + " (run 'ledger history' to list them)"));
    }

    private LedgerCopy cached(String prefix) throws LoadException {
        try {
            CachedLedger entry = cache.find(location, prefix).orElseThrow(() -> new LoadException(
                    "no cached ledger of " + location.root().display() + " has a CAS starting with '" + prefix
                            + "' (run 'ledger history' to list them)"));
            return cache.read(entry);
        } catch (LedgerObservationCache.AmbiguousPrefixException e) {
            throw new LoadException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new LoadException(e.getMessage());
        } catch (IOException e) {
            throw new LoadException("could not read the ledger cache: " + e.getMessage());
        }
    }

    private static LedgerCopy file(LedgerSource.LocalFile f) throws LoadException {
        try {
            if (Files.size(f.path()) > WireLimits.STATE_JSON_MAX_BYTES) {
                throw new LoadException(f.path() + " is larger than any ledger can be");
            }
            return LedgerCopy.of(f.path().toString(), Files.readAllBytes(f.path()), null,
                    Files.getLastModifiedTime(f.path()).toInstant());
        } catch (NoSuchFileException e) {
            throw new LoadException("there is no file " + f.path());
        } catch (IOException e) {
            throw new LoadException("could not read " + f.path() + ": " + e.getMessage());
        }
    }
}
