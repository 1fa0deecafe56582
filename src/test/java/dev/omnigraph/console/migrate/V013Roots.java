package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.model.Fixtures013;
import dev.omnigraph.console.migrate.lance.LanceDatasets;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.testing.Backend;
import dev.omnigraph.console.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * v0.13 source roots for migration tests: the shared v0.13 storage root (ledger v2, bundles,
 * catalog, a {@code serve} lock) plus graph data made by the suite — real Lance datasets written
 * by lance-core under {@code graphs/knowledge.omni/}.
 */
final class V013Roots {
    static final String SERVE_LOCK_ID = "01M4FWHFXR4CK44NBYSDCFVBWR";

    private V013Roots() {}

    /** The storage root with Lance graph data, in a folder. */
    static Path folder(Path temp, String hint) throws Exception {
        Path root = Files.createDirectories(temp.resolve(hint + "-" + System.nanoTime()));
        Trees.copy(Fixtures013.path(Fixtures013.STORAGE_ROOT), root);
        LanceDatasets.plain(root.resolve("graphs/knowledge.omni/__manifest"), 4);
        LanceDatasets.plain(root.resolve("graphs/knowledge.omni/nodes/Person"), 12);
        return root;
    }

    /** The same root on the chosen backend. */
    static Endpoint endpoint(Backend backend, Path temp, String hint) throws Exception {
        Path folder = folder(temp, hint);
        if (backend == Backend.FILE) {
            return Endpoint.local(folder);
        }
        Endpoint s3 = MigrationRoots.endpoint(Backend.S3, temp, hint);
        try (ObjectStore store = s3.open()) {
            Trees.upload(folder, store);
        }
        return s3;
    }

    static Path path(Endpoint e) {
        return ((StoreUri.Local) e.uri()).root();
    }
}
