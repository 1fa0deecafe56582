package dev.omnigraph.console.testing;

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

/** A real store passed through unchanged; fault and race tests override the few calls they change. Never closes the real store. */
public abstract class ForwardingStore implements ObjectStore {
    protected final ObjectStore real;

    protected ForwardingStore(ObjectStore real) {
        this.real = real;
    }

    @Override public StoreUri uri() { return real.uri(); }
    @Override public Optional<StoredObject> read(String key, long maxBytes) throws StorageException { return real.read(key, maxBytes); }
    @Override public ConditionalRead readIfChanged(String key, String token, long maxBytes) throws StorageException {
        return real.readIfChanged(key, token, maxBytes);
    }
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
