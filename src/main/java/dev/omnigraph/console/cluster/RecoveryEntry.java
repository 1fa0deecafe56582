package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.ArtifactParseResult;
import dev.omnigraph.console.cluster.model.RecoverySidecar;

/** One file in {@code __cluster/recoveries/}: its key, file stem, and what parsing it gave. */
public record RecoveryEntry(String key, String stem, ArtifactParseResult<RecoverySidecar> parse) {}
