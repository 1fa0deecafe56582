package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The state lock, {@code __cluster/lock.json}: upstream's strict {@code StateLockFile}
 * ({@code crates/omnigraph-cluster/src/state_lock.rs}) with exactly five fields
 * {@code version, lock_id, operation, created_at, pid} (all required; {@code version} and
 * {@code pid} are u32).
 *
 * <p>{@link #parse} mirrors {@code StateLockFile::parse}: any parse failure or unknown key is
 * {@code invalid_state_lock}; a well-formed file with {@code version != 1} is
 * {@code unsupported_state_lock_version}. Oversize or non-UTF-8 bytes are
 * {@code state_lock_read_error} (upstream's code when the object cannot be read as text).
 * Upstream reports these as warnings in {@code status} and as errors in {@code force-unlock};
 * the exception carries error severity — callers pick the severity for their command.
 *
 * <p>{@link #create} + {@link #toBytes} write what {@code acquire_state_lock} writes: a fresh ULID,
 * the current UTC time, {@code serde_json::to_string_pretty} and no trailing newline.
 */
public final class LockFile {

    static final StrictJson.Source SOURCE = new StrictJson.Source("invalid_state_lock", "state_lock_read_error",
            "lock", "lock.json", WireLimits.LOCK_MAX_BYTES);
    static final List<String> FIELDS = List.of("version", "lock_id", "operation", "created_at", "pid");
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private final long version;
    private final String lockId;
    private final String operation;
    private final String createdAt;
    private final long pid;

    /** All values as stored; {@code version} and {@code pid} must fit in a u32. */
    public LockFile(long version, String lockId, String operation, String createdAt, long pid) {
        if (version < 0 || version > U32_MAX || pid < 0 || pid > U32_MAX) {
            throw new IllegalArgumentException("version and pid must be u32 values");
        }
        this.version = version;
        this.lockId = Objects.requireNonNull(lockId, "lockId");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.pid = pid;
    }

    /**
     * A new lock as upstream acquires one: version 1, a fresh ULID, {@code created_at} = {@code now}
     * formatted by {@link Rfc3339#format}.
     *
     * @param operation label shown to other operators (upstream uses plan/apply/approve/refresh/import)
     * @param pid       process id, must fit in a u32
     */
    public static LockFile create(String operation, Instant now, long pid) {
        return new LockFile(1, Ulid.generate(now).toString(), operation, Rfc3339.format(now), pid);
    }

    public static LockFile parse(byte[] bytes) throws WireFormatException {
        JsonNode root = StrictJson.parse(bytes, SOURCE);
        JsonStruct struct = JsonStruct.open(root, "lock", SOURCE.parseCode(), "struct StateLockFile", FIELDS);
        long version = struct.requiredU32("version");
        String lockId = struct.requiredString("lock_id");
        String operation = struct.requiredString("operation");
        String createdAt = struct.requiredString("created_at");
        long pid = struct.requiredU32("pid");
        if (version != 1) {
            throw new WireFormatException(Diagnostic.error("unsupported_state_lock_version", "lock.version",
                    "lock.json has version " + version + ", but only version 1 is understood"));
        }
        return new LockFile(version, lockId, operation, createdAt, pid);
    }

    /** Pretty JSON, 2-space indent, fields in wire order, no trailing newline — upstream's exact bytes. */
    public byte[] toBytes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", version);
        node.put("lock_id", lockId);
        node.put("operation", operation);
        node.put("created_at", createdAt);
        node.put("pid", pid);
        return SerdeJson.pretty(node).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code lock_age_seconds}: whole seconds from {@code created_at} to {@code now}, floored at 0;
     * empty when {@code created_at} is not RFC 3339 ({@code lib.rs::lock_age_seconds}).
     */
    public OptionalLong age(Instant now) {
        return Rfc3339.parse(createdAt).map(created -> {
            Duration elapsed = Duration.between(created, now);
            return OptionalLong.of(elapsed.isNegative() ? 0 : elapsed.getSeconds());
        }).orElse(OptionalLong.empty());
    }

    public long version() {
        return version;
    }

    public String lockId() {
        return lockId;
    }

    public String operation() {
        return operation;
    }

    /** As stored (not re-formatted). */
    public String createdAt() {
        return createdAt;
    }

    public long pid() {
        return pid;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LockFile l && l.version == version && l.lockId.equals(lockId)
                && l.operation.equals(operation) && l.createdAt.equals(createdAt) && l.pid == pid;
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, lockId, operation, createdAt, pid);
    }

    @Override
    public String toString() {
        return "LockFile[" + lockId + ", " + operation + ", " + createdAt + ", pid " + pid + "]";
    }
}
