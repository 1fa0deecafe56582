package dev.omnigraph.console.cluster.diff;

import java.util.List;

/**
 * One entry of {@code approval_records}, {@code recovery_records} or {@code observations} that
 * differs. For object values each differing top-level key is a {@link FieldChange}; other values
 * are one field named {@code ""}.
 */
public record RecordChange(RecordSection section, String key, ChangeKind change, List<FieldChange> fields) {
    public RecordChange {
        fields = List.copyOf(fields);
    }

    public java.util.Optional<FieldChange> field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst();
    }
}
