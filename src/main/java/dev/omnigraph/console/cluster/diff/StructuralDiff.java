package dev.omnigraph.console.cluster.diff;

import java.util.List;

/**
 * What changed between two valid ledgers, entry by entry (spec §3): revision, applied config
 * digest, resources (digest, bindings, provider and profile, external Blob policy, status,
 * conditions, message), and the free-form approval, recovery and observation records. Lists are in
 * address / key order.
 */
public record StructuralDiff(Compared<Long> revision, Compared<String> configDigest, List<ResourceChange> resources,
                             List<RecordChange> records) {
    public StructuralDiff {
        resources = List.copyOf(resources);
        records = List.copyOf(records);
    }

    /** True when the two ledgers mean the same thing (their bytes may still differ in layout). */
    public boolean identical() {
        return !revision.changed() && !configDigest.changed() && resources.isEmpty() && records.isEmpty();
    }

    public long count(ChangeKind kind) {
        return resources.stream().filter(r -> r.change() == kind).count();
    }

    public List<RecordChange> records(RecordSection section) {
        return records.stream().filter(r -> r.section() == section).toList();
    }

    public java.util.Optional<ResourceChange> resource(String address) {
        return resources.stream().filter(r -> r.address().equals(address)).findFirst();
    }

    public java.util.Optional<RecordChange> record(RecordSection section, String key) {
        return records.stream().filter(r -> r.section() == section && r.key().equals(key)).findFirst();
    }
}
