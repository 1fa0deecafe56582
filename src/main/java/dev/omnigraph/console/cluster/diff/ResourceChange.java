package dev.omnigraph.console.cluster.diff;

import dev.omnigraph.console.cluster.model.ResourceKind;
import java.util.List;

/**
 * One resource address that differs between two ledgers, across {@code applied_revision.resources}
 * and {@code resource_statuses} together (an address counts as present when either holds it).
 *
 * @param fields for CHANGED: the differing fields; for ADDED/REMOVED: every field present on the
 *               side that has it, so a view can show what arrived or went
 */
public record ResourceChange(String address, ResourceKind kind, ChangeKind change, List<FieldChange> fields) {
    public ResourceChange {
        fields = List.copyOf(fields);
    }

    public java.util.Optional<FieldChange> field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst();
    }
}
