package dev.omnigraph.console.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code points/<id>/session.json}, written create-only before the cluster lock is taken: the id of
 * the lock the backup holds, and the exact bytes of the lock it took over (a stopped server's
 * {@code serve} lock). If the backup is killed, the root keeps our lock; a re-run given its id
 * finds this session, continues the same point and puts the original lock back at the end.
 */
public record PointSession(String pointId, String sourceRoot, String lockId, Optional<String> originalLock, Instant startedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toBytes() {
        ObjectNode n = JSON.createObjectNode();
        n.put("point_id", pointId);
        n.put("source_root", sourceRoot);
        n.put("lock_id", lockId);
        n.put("original_lock", originalLock.orElse(null));
        n.put("started_at", startedAt.toString());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode the session", e);
        }
    }

    /** The original lock's exact bytes, when one was taken over. */
    public Optional<byte[]> originalLockBytes() {
        return originalLock.map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    public static PointSession parse(byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            return new PointSession(RestorePointId.check(n.path("point_id").asText()), n.path("source_root").asText(),
                    n.path("lock_id").asText(), n.hasNonNull("original_lock") ? Optional.of(n.path("original_lock").asText()) : Optional.empty(),
                    Instant.parse(n.path("started_at").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the session record of a restore point is damaged");
        }
    }
}
