package dev.omnigraph.console.migrate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Phase 7's result.
 *
 * @param storageLine     the line to put in {@code cluster.yaml}
 * @param configEdit      the proposed in-place edit, when the config folder is known and the edit is possible
 * @param configEditIssue why no edit is proposed (no config folder, or a form the console does not rewrite)
 * @param report          the saved report (JSON; the Markdown sits next to it)
 */
public record FinishResult(String storageLine, Optional<ConfigEdit.Proposal> configEdit, Optional<String> configEditIssue, Path report,
                           MigrationReport saved) {}
