package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.ui.session.ConnectionSpec;

/** Opens the store for a connection (called inside a background job). Tests may count or wrap opens. */
@FunctionalInterface
public interface StoreOpener {
    ObjectStore open(ConnectionSpec spec) throws Exception;

    StoreOpener DEFAULT = spec -> ObjectStores.open(spec.root(), spec.s3());
}
