package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.diff.LedgerDiff;
import dev.omnigraph.console.cluster.diff.LedgerDiffer;
import dev.omnigraph.console.cluster.history.LedgerCopy;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A restore point against the live root: the ledger's structural diff (the same differ as
 * {@code ledger diff}), the deployments finished since the point (v2 receipts), and per graph the
 * objects added, removed and changed. An object of the same size counts as unchanged when both
 * sides have the same ETag; without ETags (folders) its bytes are hashed.
 */
public final class PointDiff {
    private PointDiff() {}

    /** Objects added, removed and changed under one graph root ({@code graphs/<id>.omni/}) or the control plane. */
    public record GroupChanges(String group, List<String> added, List<String> removed, List<String> changed) {
        public boolean any() {
            return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
        }
    }

    /**
     * @param ledger           the structural and raw diff, point (A) against live (B); empty when the root has no ledger
     * @param live             the live ledger's facts, when it has one
     * @param deploymentsSince v2 deployment receipts in the live ledger that the point's does not have
     */
    public record Report(RestorePoint point, Optional<LedgerDiff> ledger, Optional<LedgerFacts> live, List<String> deploymentsSince,
                         List<GroupChanges> groups) {
        public boolean unchanged() {
            return ledger.map(LedgerDiff::sameBytes).orElse(false) && groups.stream().noneMatch(GroupChanges::any);
        }
    }

    public static Report diff(ObjectStore location, RestorePoint point, ObjectStore root, int concurrency, BackupControl control,
                              BackupListener listener) throws Exception {
        PointObject ledgerObject = point.ledgerObject().orElseThrow(() -> new IllegalArgumentException("the point has no ledger"));
        byte[] pointLedger = location.read(ledgerObject.blobKey(), WireLimits.STATE_JSON_MAX_BYTES).map(StoredObject::bytes)
                .orElseThrow(() -> new IllegalArgumentException("the point's ledger blob " + ledgerObject.blobKey() + " is missing"));
        Optional<StoredObject> live = root.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES);
        Optional<LedgerDiff> ledger = live.map(l -> LedgerDiffer.diff(
                LedgerCopy.of("point " + point.pointId(), pointLedger, null, point.startedAt()),
                LedgerCopy.of("current", l.bytes(), l.token(), l.lastModified())));
        Optional<LedgerFacts> liveFacts = live.flatMap(l -> {
            try {
                return Optional.of(LedgerFacts.of(l.bytes()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        List<String> since = liveFacts.map(f -> f.deploymentIds().stream().filter(id -> !point.ledger().deploymentIds().contains(id))
                .toList()).orElse(List.of());
        return new Report(point, ledger, liveFacts, since, objects(point, root, concurrency, control, listener));
    }

    private static List<GroupChanges> objects(RestorePoint point, ObjectStore root, int concurrency, BackupControl control,
                                              BackupListener listener) throws Exception {
        Map<String, PointObject> inPoint = new HashMap<>();
        point.objects().stream().filter(o -> !o.key().equals(ClusterLayout.STATE)).forEach(o -> inPoint.put(o.key(), o));
        List<ObjectInfo> there;
        try (Stream<ObjectInfo> s = root.list("")) {
            there = s.filter(o -> !o.key().equals(ClusterLayout.LOCK) && !o.key().equals(ClusterLayout.STATE)).toList();
        }
        Map<String, GroupChanges> groups = new TreeMap<>();
        List<ObjectInfo> toHash = new ArrayList<>();
        for (ObjectInfo o : there) {
            PointObject p = inPoint.remove(o.key());
            if (p == null) {
                group(groups, o.key()).added().add(o.key());
            } else if (p.size() != o.size() || (o.etag() != null && p.sourceEtag().isPresent() && !p.sourceEtag().get().equals(o.etag()))) {
                group(groups, o.key()).changed().add(o.key());
            } else if (o.etag() == null || p.sourceEtag().isEmpty()) {
                toHash.add(o);
            }
        }
        inPoint.keySet().stream().sorted().forEach(k -> group(groups, k).removed().add(k));
        ProgressCounter counter = new ProgressCounter("diff", toHash.size(), toHash.stream().mapToLong(ObjectInfo::size).sum());
        Map<String, String> wanted = new HashMap<>();
        point.objects().forEach(o -> wanted.put(o.key(), o.sha256()));
        List<String> changed = ParallelRunner.run(toHash, concurrency, control, counter, listener, o -> {
            Optional<ObjectDigest.Digest> d = ObjectDigest.of(root, o.key());
            counter.done(o.size(), false);
            return d.isPresent() && d.get().sha256().equals(wanted.get(o.key())) ? null : o.key();
        });
        changed.stream().filter(java.util.Objects::nonNull).sorted().forEach(k -> group(groups, k).changed().add(k));
        return List.copyOf(groups.values());
    }

    private static GroupChanges group(Map<String, GroupChanges> groups, String key) {
        return groups.computeIfAbsent(PointObject.groupOf(key), g -> new GroupChanges(g, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }
}
