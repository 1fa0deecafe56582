package dev.omnigraph.console.testing;

import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.S3ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The two storage backends every cluster-level test runs against: a temp folder and the loopback S3 server. */
public enum Backend {
    FILE, S3;

    private static final AtomicInteger ROOTS = new AtomicInteger();

    /** A fresh, empty root on this backend. */
    public ObjectStore newStore(Path temp, String hint) {
        return switch (this) {
            case FILE -> {
                try {
                    Path dir = Files.createDirectories(temp.resolve(hint + "-" + ROOTS.incrementAndGet()));
                    yield new FileObjectStore(new StoreUri.Local(dir));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            case S3 -> new S3ObjectStore(S3TestServer.newRoot(hint, "clusters/" + hint), S3TestServer.settings());
        };
    }
}
