package dev.omnigraph.console.ui;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Path;

/** OmniGraph v0.13 storage roots for view-model tests, made from the byte-exact v0.13 fixtures. */
public final class V013Roots {
    private V013Roots() {}

    /** The fixture cluster after deployment 3: ledger v2, a serve lock, bundles 1–3, catalog blobs. */
    public static ObjectStore serving(Backend backend, Path temp, String name) throws Exception {
        ObjectStore store = backend.newStore(temp, name);
        Trees.upload(Fixtures013.path(Fixtures013.STORAGE_ROOT), store);
        return store;
    }

    /** The same cluster with deployment 4 accepted and unfinished (its ledger and its bundle, as upstream leaves them). */
    public static ObjectStore outstanding(Backend backend, Path temp, String name) throws Exception {
        ObjectStore store = serving(backend, temp, name);
        replace(store, ClusterLayout.STATE, Fixtures013.bytes("ledgers/state.v2.outstanding.json"));
        PutResult r = store.put(bundleKey(Fixtures013.OUTSTANDING_BUNDLE),
                Fixtures013.bytes("bundles/" + Fixtures013.OUTSTANDING_BUNDLE + ".json"), WriteCondition.IF_ABSENT);
        if (!r.written()) {
            throw new IllegalStateException("bundle exists already: " + r);
        }
        return store;
    }

    public static String bundleKey(String digest) {
        return ClusterLayout.RESOURCES + "deployment/" + digest + ".json";
    }

    public static void replace(ObjectStore store, String key, byte[] bytes) throws Exception {
        StoredObject current = store.read(key, 64L << 20).orElseThrow();
        PutResult r = store.put(key, bytes, WriteCondition.ifMatch(current.token()));
        if (!r.written()) {
            throw new IllegalStateException("could not replace " + key + ": " + r);
        }
    }
}
