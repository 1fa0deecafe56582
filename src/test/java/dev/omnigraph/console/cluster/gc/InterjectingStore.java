package dev.omnigraph.console.cluster.gc;

import dev.omnigraph.console.storage.ConditionalRead;
import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectVersion;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * A real store where another writer acts once at a chosen moment of the GC: when the GC first
 * reads a given key (for instance the blob it is about to delete, after it re-checked the ledger).
 * Everything goes straight to the real backend.
 */
final class InterjectingStore implements ObjectStore {
    interface Action {
        void run(ObjectStore real) throws StorageException;
    }

    private final ObjectStore real;
    private final String trigger;
    private final Action action;
    private boolean fired;

    InterjectingStore(ObjectStore real, String triggerKey, Action action) {
        this.real = real;
        this.trigger = triggerKey;
        this.action = action;
    }

    private void maybeFire(String key) throws StorageException {
        if (!fired && key.equals(trigger)) {
            fired = true;
            action.run(real);
        }
    }

    boolean fired() {
        return fired;
    }

    @Override public Optional<StoredObject> read(String key, long maxBytes) throws StorageException {
        maybeFire(key);
        return real.read(key, maxBytes);
    }

    @Override public StoreUri uri() { return real.uri(); }
    @Override public ConditionalRead readIfChanged(String key, String t, long max) throws StorageException { return real.readIfChanged(key, t, max); }
    @Override public Optional<ObjectInfo> stat(String key) throws StorageException { return real.stat(key); }
    @Override public Stream<ObjectInfo> list(String prefix) throws StorageException { return real.list(prefix); }
    @Override public Listing listChildren(String prefix) throws StorageException { return real.listChildren(prefix); }
    @Override public Optional<InputStream> openStream(String key) throws StorageException { return real.openStream(key); }
    @Override public PutResult put(String key, byte[] content, WriteCondition c) throws StorageException { return real.put(key, content, c); }
    @Override public PutResult putStream(String key, InputStream in, long size, WriteCondition c, LongConsumer p) throws StorageException {
        return real.putStream(key, in, size, c, p);
    }
    @Override public Optional<PutResult> copyFrom(ObjectStore s, String sk, String k, WriteCondition c) throws StorageException {
        return real.copyFrom(s, sk, k, c);
    }
    @Override public DeleteResult deleteIfMatch(String key, String token) throws StorageException { return real.deleteIfMatch(key, token); }
    @Override public DeleteResult deleteUnconditionally(String key) throws StorageException { return real.deleteUnconditionally(key); }
    @Override public Optional<Boolean> versioningEnabled() throws StorageException { return real.versioningEnabled(); }
    @Override public List<ObjectVersion> listVersions(String key) throws StorageException { return real.listVersions(key); }
    @Override public Optional<StoredObject> readVersion(String key, String v, long max) throws StorageException { return real.readVersion(key, v, max); }
    @Override public void close() { }
}
