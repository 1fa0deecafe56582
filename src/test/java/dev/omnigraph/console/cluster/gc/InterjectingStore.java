package dev.omnigraph.console.cluster.gc;

import dev.omnigraph.console.testing.ForwardingStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.Optional;

/**
 * A real store where another writer acts once at a chosen moment of the GC: when the GC first
 * reads a given key (for instance the blob it is about to delete, after it re-checked the ledger).
 * Everything goes straight to the real backend.
 */
final class InterjectingStore extends ForwardingStore {
    interface Action {
        void run(ObjectStore real) throws StorageException;
    }

    private final String trigger;
    private final Action action;
    private boolean fired;

    InterjectingStore(ObjectStore real, String triggerKey, Action action) {
        super(real);
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
}
