package dev.omnigraph.console.cluster;

import dev.omnigraph.console.testing.ForwardingStore;
import dev.omnigraph.console.storage.ConditionalRead;
import dev.omnigraph.console.storage.DeleteResult;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;

/**
 * A real store with another actor's action interleaved once, right before the first guarded
 * delete step (the conditional delete, or the re-read that precedes a plain delete). Everything
 * else goes straight to the real backend.
 */
final class InterleavingStore extends ForwardingStore {
    interface Action {
        void run() throws StorageException;
    }

    private final Action action;
    private boolean fired;

    InterleavingStore(ObjectStore real, Action action) {
        super(real);
        this.action = action;
    }

    private void fireOnce() throws StorageException {
        if (!fired) {
            fired = true;
            action.run();
        }
    }

    @Override
    public DeleteResult deleteIfMatch(String key, String token) throws StorageException {
        fireOnce();
        return real.deleteIfMatch(key, token);
    }

    @Override
    public ConditionalRead readIfChanged(String key, String knownToken, long maxBytes) throws StorageException {
        fireOnce();
        return real.readIfChanged(key, knownToken, maxBytes);
    }
}
