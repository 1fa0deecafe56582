package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.Digests;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.PutResult;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import dev.omnigraph.console.storage.WriteCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Phase 6, the commit point (spec §8.4): the destination becomes authoritative only by a
 * create-only put of the source ledger's exact bytes.
 * <ol>
 *   <li>The source lock must still be ours (a force-unlock meanwhile means writers may have run).</li>
 *   <li>The source ledger is re-read: it must be exactly the bytes that preflight read and the
 *       copy was made under, else abort.</li>
 *   <li>Create-only put of those bytes at the destination. A refused precondition means someone
 *       got there first: abort, nothing overwritten (unless it holds exactly our bytes: then the
 *       same migration already finished).</li>
 *   <li>Release the source lock; if that fails the result names the force-unlock command. On a
 *       v0.13 (ledger v2) source the lock is instead replaced, If-Match, by a {@code migrated} lock:
 *       under v0.13 any lock stops a server or a deployment from starting on the old root, so
 *       nobody keeps writing to the copy that is no longer authoritative. Removing it by its exact
 *       id is the rollback.</li>
 * </ol>
 * The source is never modified except for its lock.
 */
public final class Cutover {
    private Cutover() {}

    static CutoverResult run(ObjectStore source, ObjectStore destination, Ledger copied, SourceLock lock) throws StorageException {
        List<String> warnings = new ArrayList<>();
        if (!lock.stillOurs()) {
            return abort("the source lock is no longer ours (it was removed or replaced during the migration): writers may have changed "
                    + "the source; nothing was written at the destination, run the migration again", lock, warnings);
        }
        Optional<StoredObject> now = source.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES);
        if (now.isEmpty()) {
            return abort("the source ledger disappeared during the migration; nothing was written at the destination", lock, warnings);
        }
        byte[] expected = copied.rawBytes();
        if (!Arrays.equals(now.get().bytes(), expected)) {
            return abort("the source ledger changed during the migration (" + copied.cas() + " when the copy started, "
                    + Digests.stateCas(now.get().bytes()) + " now): something wrote to the cluster despite the lock; nothing was "
                    + "written at the destination, run the migration again to copy the new state", lock, warnings);
        }
        PutResult put = destination.put(ClusterLayout.STATE, expected, WriteCondition.IF_ABSENT);
        CutoverResult.Status status;
        String message;
        if (put instanceof PutResult.Written) {
            status = CutoverResult.Status.AUTHORITATIVE;
            message = "the destination is authoritative: its ledger is the source's, byte for byte (" + copied.cas() + ")";
        } else {
            Optional<StoredObject> there = destination.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES);
            if (there.isPresent() && Arrays.equals(there.get().bytes(), expected)) {
                status = CutoverResult.Status.ALREADY_AUTHORITATIVE;
                message = "the destination already held exactly this ledger (" + copied.cas() + "): another run of this migration finished first";
            } else {
                String theirs = there.map(o -> Digests.stateCas(o.bytes())).orElse("now gone again");
                return abort("a ledger appeared at the destination during the migration (" + theirs + "): someone else got there first; "
                        + "nothing was overwritten", lock, warnings);
            }
        }
        if (copied.generation().isV2()) {
            MigratedLock left = lock.leaveMigrated();
            left.problem().ifPresent(warnings::add);
            String said = left.lock().isPresent() ? message + "; " + left.describe() : message;
            return new CutoverResult(status, said, copied.cas(), left.problem(), warnings, Optional.of(left));
        }
        Optional<String> lockProblem = lock.release();
        lockProblem.ifPresent(warnings::add);
        return new CutoverResult(status, message, copied.cas(), lockProblem, warnings);
    }

    private static CutoverResult abort(String message, SourceLock lock, List<String> warnings) {
        Optional<String> lockProblem = lock.release();
        lockProblem.ifPresent(warnings::add);
        return new CutoverResult(CutoverResult.Status.ABORTED, message, null, lockProblem, warnings);
    }
}
