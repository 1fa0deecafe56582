package dev.omnigraph.console.migrate;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * A real store with faults injected into its writes, for the copy engine's retry and resolution
 * paths: before a write (the write never happens), or after it (the write landed but the caller
 * hears "outcome unknown"). Counts every write that actually landed, per key, and their order.
 */
final class FaultyStore implements ObjectStore {
    /** Decides, per key and attempt (1-based), what to inject. */
    interface Faults {
        Fault at(String key, int attempt);
    }

    enum Fault { NONE, BEFORE_THROTTLED, BEFORE_SERVER_ERROR, BEFORE_ACCESS_DENIED, AFTER_UNKNOWN }

    private final ObjectStore delegate;
    private final Faults faults;
    private boolean enforceCopyPreconditions;
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> landed = new ConcurrentHashMap<>();
    final List<String> order = new CopyOnWriteArrayList<>();

    FaultyStore(ObjectStore delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    /**
     * Makes server-side copies honour their destination precondition the way AWS S3 does (checked
     * and copied under one lock per key, for this client), over a server that ignores it.
     */
    FaultyStore enforcingCopyPreconditions() {
        enforceCopyPreconditions = true;
        return this;
    }

    private final Map<String, Object> copyLocks = new ConcurrentHashMap<>();

    private Optional<PutResult> guardedCopy(ObjectStore source, ObjectInfo sourceInfo, String key, WriteCondition condition)
            throws StorageException {
        synchronized (copyLocks.computeIfAbsent(key, k -> new Object())) {
            Optional<ObjectInfo> now = delegate.stat(key);
            boolean holds = switch (condition) {
                case WriteCondition.IfAbsent a -> now.isEmpty();
                case WriteCondition.IfMatch m -> now.isPresent() && m.token().equals(now.get().etag());
            };
            if (!holds) {
                return Optional.of(new PutResult.PreconditionFailed("precondition failed (HTTP 412)"));
            }
            return delegate.copyFrom(unwrap(source), sourceInfo, key, condition);
        }
    }

    private Fault before(String key) throws StorageException {
        int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Fault f = faults.at(key, attempt);
        switch (f) {
            case BEFORE_THROTTLED -> throw new StorageException(StorageException.Kind.THROTTLED, key, "injected SlowDown (HTTP 503)");
            case BEFORE_SERVER_ERROR -> throw new StorageException(StorageException.Kind.SERVER_ERROR, key, "injected InternalError (HTTP 500)");
            case BEFORE_ACCESS_DENIED -> throw new StorageException(StorageException.Kind.ACCESS_DENIED, key, "injected AccessDenied (HTTP 403)");
            default -> {
                return f;
            }
        }
    }

    private PutResult after(String key, Fault f, PutResult r) throws StorageException {
        if (r instanceof PutResult.Written) {
            landed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            order.add(key);
        }
        if (f == Fault.AFTER_UNKNOWN && r instanceof PutResult.Written) {
            throw new StorageException(StorageException.Kind.OUTCOME_UNKNOWN, key, "injected connection reset after the write was sent");
        }
        return r;
    }

    @Override
    public PutResult put(String key, byte[] content, WriteCondition condition) throws StorageException {
        Fault f = before(key);
        return after(key, f, delegate.put(key, content, condition));
    }

    @Override
    public PutResult putStream(String key, InputStream content, long size, WriteCondition condition, LongConsumer progress)
            throws StorageException {
        Fault f = before(key);
        return after(key, f, delegate.putStream(key, content, size, condition, progress));
    }

    @Override
    public Optional<PutResult> copyFrom(ObjectStore source, String sourceKey, String key, WriteCondition condition) throws StorageException {
        if (enforceCopyPreconditions) {
            ObjectInfo info = unwrap(source).stat(sourceKey).orElseThrow();
            return copyFrom(source, info, key, condition);
        }
        Fault f = before(key);
        Optional<PutResult> r = delegate.copyFrom(unwrap(source), sourceKey, key, condition);
        return r.isEmpty() ? r : Optional.of(after(key, f, r.get()));
    }

    @Override
    public Optional<PutResult> copyFrom(ObjectStore source, ObjectInfo sourceInfo, String key, WriteCondition condition)
            throws StorageException {
        Fault f = before(key);
        Optional<PutResult> r = enforceCopyPreconditions ? guardedCopy(source, sourceInfo, key, condition)
                : delegate.copyFrom(unwrap(source), sourceInfo, key, condition);
        return r.isEmpty() ? r : Optional.of(after(key, f, r.get()));
    }

    private static ObjectStore unwrap(ObjectStore s) {
        return s instanceof FaultyStore f ? f.delegate : s;
    }

    int landed(String key) {
        AtomicInteger n = landed.get(key);
        return n == null ? 0 : n.get();
    }

    @Override
    public StoreUri uri() {
        return delegate.uri();
    }

    @Override
    public Optional<StoredObject> read(String key, long maxBytes) throws StorageException {
        return delegate.read(key, maxBytes);
    }

    @Override
    public ConditionalRead readIfChanged(String key, String knownToken, long maxBytes) throws StorageException {
        return delegate.readIfChanged(key, knownToken, maxBytes);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws StorageException {
        return delegate.stat(key);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) throws StorageException {
        return delegate.list(prefix);
    }

    @Override
    public Listing listChildren(String prefix) throws StorageException {
        return delegate.listChildren(prefix);
    }

    @Override
    public Optional<InputStream> openStream(String key) throws StorageException {
        return delegate.openStream(key);
    }

    @Override
    public DeleteResult deleteIfMatch(String key, String token) throws StorageException {
        return delegate.deleteIfMatch(key, token);
    }

    @Override
    public DeleteResult deleteUnconditionally(String key) throws StorageException {
        return delegate.deleteUnconditionally(key);
    }

    @Override
    public Optional<Boolean> versioningEnabled() throws StorageException {
        return delegate.versioningEnabled();
    }

    @Override
    public List<ObjectVersion> listVersions(String key) throws StorageException {
        return delegate.listVersions(key);
    }

    @Override
    public Optional<StoredObject> readVersion(String key, String versionId, long maxBytes) throws StorageException {
        return delegate.readVersion(key, versionId, maxBytes);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
