package dev.omnigraph.console.backup;

import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-reads every blob a point references and checks it against the manifest (size and SHA-256).
 * A blob shared by several objects is read once; a problem is reported for every object it holds.
 */
public final class PointVerifier {
    private PointVerifier() {}

    /**
     * @param missing objects whose blob is gone
     * @param damaged objects whose blob has another size or other bytes
     */
    public record Report(String pointId, long objects, long blobs, long bytes, List<String> missing, List<String> damaged, Duration took) {
        public Report {
            missing = List.copyOf(missing);
            damaged = List.copyOf(damaged);
        }

        public boolean ok() {
            return missing.isEmpty() && damaged.isEmpty();
        }
    }

    private enum State { OK, MISSING, DAMAGED }

    public static Report verify(ObjectStore location, RestorePoint point, int concurrency, BackupControl control, BackupListener listener)
            throws Exception {
        Map<String, List<PointObject>> byBlob = new LinkedHashMap<>();
        point.objects().forEach(o -> byBlob.computeIfAbsent(o.sha256(), k -> new ArrayList<>()).add(o));
        List<String> blobs = List.copyOf(byBlob.keySet());
        long bytes = blobs.stream().mapToLong(b -> byBlob.get(b).getFirst().size()).sum();
        ProgressCounter counter = new ProgressCounter("verify", blobs.size(), bytes);
        List<State> states = ParallelRunner.run(blobs, concurrency, control, counter, listener, sha -> {
            State s = check(location, sha, byBlob.get(sha).getFirst().size(), control, listener);
            counter.done(byBlob.get(sha).getFirst().size(), false);
            if (s != State.OK) {
                counter.failed.incrementAndGet();
            }
            return s;
        });
        List<String> missing = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            List<String> keys = byBlob.get(blobs.get(i)).stream().map(o -> o.key() + " (" + o.blobKey() + ")").toList();
            switch (states.get(i)) {
                case MISSING -> missing.addAll(keys);
                case DAMAGED -> damaged.addAll(keys);
                case OK -> { }
            }
        }
        return new Report(point.pointId(), point.objects().size(), blobs.size(), bytes, missing, damaged, counter.elapsed());
    }

    private static State check(ObjectStore location, String sha, long size, BackupControl control, BackupListener listener)
            throws TransferFailure {
        String key = BackupLayout.blobKey(sha);
        return Retrying.call(key, control, listener, () -> {
            Optional<ObjectInfo> info = location.stat(key);
            if (info.isEmpty()) {
                return State.MISSING;
            }
            if (info.get().size() != size) {
                return State.DAMAGED;
            }
            Optional<ObjectDigest.Digest> d = ObjectDigest.of(location, key);
            return d.isEmpty() ? State.MISSING : d.get().sha256().equals(sha) && d.get().size() == size ? State.OK : State.DAMAGED;
        });
    }
}
