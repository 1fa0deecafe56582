package dev.omnigraph.console.ui.shell;

import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.storage.UncheckedStorageException;
import java.util.stream.Stream;

/**
 * Before a root opens as a tab: is there anything of a cluster there? A folder that is not a
 * cluster ({@code /usr/share}) or a typo that became a relative folder must not open as an empty
 * cluster. Anything under {@code __cluster/} or {@code graphs/} counts (a cluster whose ledger is
 * missing still opens, to be diagnosed). A storage error (unreachable, wrong keys) is not decided
 * here: the tab opens and its banner explains and retries. Reads only; runs in a background job.
 */
final class RootCheck {
    private RootCheck() {}

    static void requireCluster(ObjectStore store) throws StorageException {
        try {
            if (holdsAny(store, "__cluster/") || holdsAny(store, "graphs/")) {
                return;
            }
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.NOT_FOUND) {
                return;
            }
        } catch (UncheckedStorageException e) {
            return;
        }
        throw new IllegalArgumentException(nothingThere(store.uri()));
    }

    private static boolean holdsAny(ObjectStore store, String prefix) throws StorageException {
        try (Stream<?> s = store.list(prefix)) {
            return s.findAny().isPresent();
        }
    }

    /** What was understood, and that no cluster is there. */
    static String nothingThere(StoreUri root) {
        String understood = switch (root) {
            case StoreUri.Local l -> "the local folder " + l.root();
            case StoreUri.S3 s -> "the S3 bucket '" + s.bucket() + "'" + (s.prefix().isEmpty() ? "" : ", prefix '" + s.prefix() + "'");
        };
        return "Nothing to open: this was understood as " + understood + ", and there is no OmniGraph cluster there (nothing under "
                + "__cluster/ or graphs/). Check the path or prefix: a cluster keeps __cluster/state.json directly under its root.";
    }
}
