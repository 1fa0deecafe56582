package dev.omnigraph.console.cluster;

import dev.omnigraph.console.testing.ForwardingStore;
import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.util.concurrent.locks.LockSupport;

/**
 * Widens the window before every delete by a fixed pause, as a slow or distant network would: the
 * amplified variant of the force-unlock race. Without it the window is one loopback round trip.
 */
final class SlowDeleteStore extends ForwardingStore {
    private final long pauseNanos;

    SlowDeleteStore(ObjectStore real, long pauseNanos) {
        super(real);
        this.pauseNanos = pauseNanos;
    }

    @Override
    public DeleteResult deleteIfMatch(String key, String token) throws StorageException {
        LockSupport.parkNanos(pauseNanos);
        return real.deleteIfMatch(key, token);
    }

    @Override
    public DeleteResult deleteUnconditionally(String key) throws StorageException {
        LockSupport.parkNanos(pauseNanos);
        return real.deleteUnconditionally(key);
    }
}
