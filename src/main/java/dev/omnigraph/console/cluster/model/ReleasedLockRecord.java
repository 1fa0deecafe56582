package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The "released" lock record OmniGraph writes on S3 after v0.13 (native clean restart, spec §0.4):
 * the five lock fields with {@code version: 2} plus a {@code release_id} ULID, left in place of a
 * deleted lock. v0.13 cannot read it ({@code invalid_state_lock}); a newer release replaces it with
 * {@code If-Match}. The console recognises it so it can say so, and never force-unlocks it blindly.
 *
 * @param lockId    the released lock's id
 * @param operation its operation
 * @param createdAt as stored
 * @param pid       its process id
 * @param releaseId the release's ULID
 */
public record ReleasedLockRecord(String lockId, String operation, String createdAt, long pid, String releaseId) {

    static final List<String> FIELDS = List.of("version", "lock_id", "operation", "created_at", "pid", "release_id");

    /** The record, when {@code bytes} are exactly a post-v0.13 released record; empty otherwise. */
    public static Optional<ReleasedLockRecord> detect(byte[] bytes) {
        try {
            JsonNode root = StrictJson.parse(bytes, LockFile.SOURCE);
            JsonStruct s = JsonStruct.open(root, "lock", "invalid_state_lock", "released lock record", FIELDS);
            for (String field : FIELDS) {
                s.required(field);
            }
            if (s.requiredU32("version") != 2) {
                return Optional.empty();
            }
            return Optional.of(new ReleasedLockRecord(s.requiredString("lock_id"), s.requiredString("operation"),
                    s.requiredString("created_at"), s.requiredU32("pid"), s.requiredString("release_id")));
        } catch (WireFormatException e) {
            return Optional.empty();
        }
    }

    /** One sentence for the window and the CLI. */
    public String describe() {
        return "a released lock record written after OmniGraph v0.13 (lock " + lockId + ", operation " + operation
                + ", release " + releaseId + "): its owner released the root cleanly. OmniGraph v0.13 cannot read it "
                + "(invalid_state_lock) and refuses every admission until a newer release takes the root over; "
                + "do not force-unlock it with v0.13 tools";
    }
}
