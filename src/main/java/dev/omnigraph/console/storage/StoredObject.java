package dev.omnigraph.console.storage;

import java.time.Instant;

/**
 * A whole object read into memory, with the version token that a later conditional write or
 * conditional read must quote (S3: the ETag; local files: lower-case hex SHA-256 of the bytes, as
 * the engine's local backend does).
 */
public record StoredObject(String key, byte[] bytes, String token, Instant lastModified) {
    public StoredObject {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }
}
