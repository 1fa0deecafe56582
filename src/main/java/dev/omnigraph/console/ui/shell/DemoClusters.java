package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.demo.DemoSet;
import dev.omnigraph.console.storage.FileObjectStore;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.session.ConnectionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The clusters the console opens when started without arguments, under {@code <home>/demo/}: the
 * set {@link DemoSet#windowDefault()} decides (two OmniGraph v0.13 roots, a v0.11 root that needs
 * {@code upgrade-ledger}, one that migrates cleanly). A demo is written
 * only when its folder holds no ledger, so what the admin did to it (a force-unlock) is kept.
 */
public final class DemoClusters {
    private DemoClusters() {}

    public static List<ConnectionSpec> ensure(Path home, S3Settings s3, Progress progress) throws StorageException, IOException {
        List<ConnectionSpec> out = new ArrayList<>();
        for (DemoSet.Entry demo : DemoSet.windowDefault()) {
            Path dir = home.resolve("demo").resolve(demo.name());
            Files.createDirectories(dir);
            StoreUri.Local root = new StoreUri.Local(dir);
            try (FileObjectStore store = new FileObjectStore(root)) {
                if (store.stat(ClusterLayout.STATE).isEmpty()) {
                    progress.progress(0, -1, "Creating the demo cluster " + demo.name() + "…");
                    DemoSet.write(store, demo, progress);
                }
            }
            out.add(new ConnectionSpec(new ClusterLocation(root, java.util.Optional.empty(), demo.name()), s3));
        }
        return out;
    }
}
