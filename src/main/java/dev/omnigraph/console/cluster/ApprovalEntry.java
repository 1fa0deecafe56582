package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.ArtifactParseResult;

/** One file in {@code __cluster/approvals/}: its key, file stem, and what parsing it gave. */
public record ApprovalEntry(String key, String stem, ArtifactParseResult<ApprovalArtifact> parse) {}
