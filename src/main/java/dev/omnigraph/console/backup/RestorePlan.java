package dev.omnigraph.console.backup;

import dev.omnigraph.console.cluster.model.LockFile;
import java.util.List;
import java.util.Optional;

/**
 * What restoring a point into a target root would do, found without writing anything.
 *
 * @param verdict      ready, already done (the target holds exactly the point's ledger), or refused
 * @param reason       one sentence: why refused, or what will happen
 * @param toCopy       point objects missing at the target (the ledger is not among them: it is written last)
 * @param present      point objects the target already holds byte-identical
 * @param conflicts    target objects that differ from the point or are not in it, with why (nothing is ever overwritten)
 * @param targetEmpty  the target held no object at all (then writers need no confirmation)
 * @param resumeLock   the lock of an interrupted restore, taken over by its exact id
 */
public record RestorePlan(RestorePoint point, Verdict verdict, String reason, List<PointObject> toCopy, long present,
                          List<String> conflicts, boolean targetEmpty, Optional<LockFile> resumeLock) {
    public enum Verdict { READY, DONE, REFUSED }

    public RestorePlan {
        toCopy = List.copyOf(toCopy);
        conflicts = List.copyOf(conflicts);
    }

    public long bytesToCopy() {
        return toCopy.stream().mapToLong(PointObject::size).sum();
    }

    static RestorePlan refused(RestorePoint point, String reason) {
        return new RestorePlan(point, Verdict.REFUSED, reason, List.of(), 0, List.of(), false, Optional.empty());
    }
}
