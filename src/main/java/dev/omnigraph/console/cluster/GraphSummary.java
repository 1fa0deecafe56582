package dev.omnigraph.console.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One graph root {@code graphs/<id>.omni/}: size, time, Lance tables and ledger linkage.
 *
 * @param directChild whether an object sits directly under the root: on S3 that is what upstream
 *                    counts as "the graph root exists" (spec §2.3)
 */
public record GraphSummary(String id, long objects, long bytes, Instant lastModified, List<TableSummary> tables,
                           GraphLinkage linkage, boolean directChild) {}
