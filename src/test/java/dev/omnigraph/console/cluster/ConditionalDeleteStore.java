package dev.omnigraph.console.cluster;

import dev.omnigraph.console.testing.ForwardingStore;
import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A server that honours {@code DELETE If-Match}, as real S3 does: every write and delete of every
 * contender sharing this instance is serialized, and a conditional delete compares the stored
 * token inside that critical section. (s3proxy answers 501 to a conditional DELETE and S3Mock's
 * conditional writes are not atomic, so the capability is supplied here, over a real backend.)
 */
final class ConditionalDeleteStore extends ForwardingStore {
    private final ReentrantLock serial = new ReentrantLock();

    ConditionalDeleteStore(ObjectStore real) {
        super(real);
    }

    @Override
    public PutResult put(String key, byte[] content, WriteCondition c) throws StorageException {
        serial.lock();
        try {
            return real.put(key, content, c);
        } finally {
            serial.unlock();
        }
    }

    @Override
    public DeleteResult deleteIfMatch(String key, String token) throws StorageException {
        serial.lock();
        try {
            Optional<StoredObject> now = real.read(key, 1 << 20);
            if (now.isEmpty()) {
                return new DeleteResult.NotFound();
            }
            if (!now.get().token().equals(token)) {
                return new DeleteResult.PreconditionFailed();
            }
            real.deleteUnconditionally(key);
            return new DeleteResult.Deleted(true);
        } finally {
            serial.unlock();
        }
    }

    @Override
    public DeleteResult deleteUnconditionally(String key) throws StorageException {
        serial.lock();
        try {
            return real.deleteUnconditionally(key);
        } finally {
            serial.unlock();
        }
    }
}
