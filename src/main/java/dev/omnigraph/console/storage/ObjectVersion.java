package dev.omnigraph.console.storage;

import java.time.Instant;

/** One stored version of a key in a versioned bucket. */
public record ObjectVersion(String key, String versionId, Instant lastModified, long size, String etag,
                            boolean latest, boolean deleteMarker) {}
