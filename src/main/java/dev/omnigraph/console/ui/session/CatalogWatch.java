package dev.omnigraph.console.ui.session;

import dev.omnigraph.console.cluster.CatalogBlob;
import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The live check of the catalog's bytes: lists {@code __cluster/resources/} and compares every
 * object's identity (ETag, size, modification time) with the snapshot on screen, so a blob that
 * was removed, added or rewritten under the same name is noticed without a manual Refresh. Only
 * catalogs up to {@link #MAX_WATCHED} objects are listed on each poll (a few list pages).
 */
public final class CatalogWatch {
    /** Largest catalog listed on every poll (10 list pages of 1,000). */
    public static final int MAX_WATCHED = 10_000;
    private static final int NAMED = 3;

    private CatalogWatch() {}

    public static boolean watched(ClusterSnapshot s) {
        return s.catalog().entries().size() <= MAX_WATCHED;
    }

    /** Sentences for what moved in the catalog since {@code known} was read (job thread). */
    static List<String> changes(ClusterSnapshot known, ObjectStore store) throws StorageException {
        Map<String, ObjectInfo> before = new HashMap<>();
        for (CatalogEntry e : known.catalog().entries()) {
            e.blob().ifPresent(b -> before.put(b.key(), b.info()));
        }
        Map<String, ObjectInfo> now = new HashMap<>();
        try (Stream<ObjectInfo> s = store.list(ClusterLayout.RESOURCES)) {
            s.forEach(o -> now.put(o.key(), o));
        }
        TreeSet<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(now.keySet());
        TreeSet<String> added = new TreeSet<>(now.keySet());
        added.removeAll(before.keySet());
        TreeSet<String> rewritten = new TreeSet<>();
        before.forEach((k, info) -> {
            ObjectInfo n = now.get(k);
            if (n != null && !sameBytes(info, n)) {
                rewritten.add(k);
            }
        });
        List<String> out = new ArrayList<>();
        describe(out, "catalog blob removed", removed);
        describe(out, "catalog blob added", added);
        describe(out, "catalog blob rewritten", rewritten);
        return out;
    }

    private static void describe(List<String> out, String what, TreeSet<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> named = keys.stream().limit(NAMED).toList();
        String more = keys.size() > NAMED ? " and " + (keys.size() - NAMED) + " more" : "";
        out.add(what + (keys.size() == 1 ? "" : "s") + ": " + String.join(", ", named) + more);
    }

    /**
     * Whether two listings of one key describe the same bytes as far as a listing can tell: same
     * size, same ETag where both have one, same modification time where both know it.
     */
    public static boolean sameBytes(ObjectInfo a, ObjectInfo b) {
        if (a.size() != b.size()) {
            return false;
        }
        if (a.etag() != null && b.etag() != null && !a.etag().equals(b.etag())) {
            return false;
        }
        return known(a.lastModified()) && known(b.lastModified()) ? Objects.equals(a.lastModified(), b.lastModified()) : true;
    }

    /** {@link #sameBytes(ObjectInfo, ObjectInfo)} for catalog blobs (absent = not the same). */
    public static boolean sameBytes(CatalogBlob a, CatalogBlob b) {
        return a != null && b != null && sameBytes(a.info(), b.info());
    }

    private static boolean known(Instant t) {
        return t != null && !t.equals(Instant.EPOCH);
    }
}
