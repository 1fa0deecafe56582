package dev.omnigraph.console.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * After a conditional write of {@link S3ObjectStore} failed in transit (a reset, a timeout, a 5xx:
 * the write may have landed), re-reads the object to learn what happened: our bytes are there
 * (written, by us or by an identical writer), the precondition no longer holds (lost), or nothing
 * changed (empty: safe to send again).
 */
final class S3UnknownOutcome {
    private final ObjectStore store;

    S3UnknownOutcome(ObjectStore store) {
        this.store = store;
    }

    Optional<PutResult> resolve(String key, byte[] content, WriteCondition condition) throws StorageException {
        Optional<ObjectInfo> info = store.stat(key);
        if (info.isPresent() && info.get().size() == content.length) {
            Optional<StoredObject> now = store.read(key, content.length);
            boolean ours = now.isPresent() && Arrays.equals(now.get().bytes(), content);
            boolean unchanged = condition instanceof WriteCondition.IfMatch m && now.isPresent() && m.token().equals(now.get().token());
            if (ours && !unchanged) {
                return Optional.of(new PutResult.Written(now.get().token()));
            }
        }
        return switch (condition) {
            case WriteCondition.IfAbsent a -> info.isPresent()
                    ? Optional.of(new PutResult.PreconditionFailed("the object already exists"))
                    : Optional.empty();
            case WriteCondition.IfMatch m -> info.isEmpty() || !m.token().equals(info.get().etag())
                    ? Optional.of(new PutResult.PreconditionFailed("the object changed since it was read"))
                    : Optional.empty();
        };
    }

    /**
     * A precondition failed after an earlier attempt timed out or broke: that attempt may have
     * landed since (a server can still apply a request the client gave up on), so the precondition
     * we now fail may be our own write.
     */
    PutResult afterLostRace(String key, byte[] content, WriteCondition condition, PutResult lost) throws StorageException {
        Optional<PutResult> ours = resolve(key, content, condition);
        return ours.isPresent() && ours.get() instanceof PutResult.Written ? ours.get() : lost;
    }
}
