package dev.omnigraph.console.cluster.diff;

import java.util.List;

/**
 * What changed between two valid ledgers, entry by entry (spec §3): revision, applied config
 * digest, resources (digest, bindings, provider and profile, external Blob policy, status,
 * conditions, message), the free-form approval, recovery and observation records, and the ledger v2
 * parts ({@link DeploymentDiff}: generation, counters, contracts, deployments accepted / finished).
 * Lists are in address / key order.
 */
public record StructuralDiff(Compared<Long> revision, Compared<String> configDigest, List<ResourceChange> resources,
                             List<RecordChange> records, DeploymentDiff deployments) {
    public StructuralDiff {
        resources = List.copyOf(resources);
        records = List.copyOf(records);
    }

    /** Without the ledger v2 parts (both sides v1). */
    public StructuralDiff(Compared<Long> revision, Compared<String> configDigest, List<ResourceChange> resources,
            List<RecordChange> records) {
        this(revision, configDigest, resources, records, new DeploymentDiff(new Compared<>("v1", "v1"), new Compared<>(null, null),
                new Compared<>(null, null), new Compared<>(null, null), List.of(), List.of()));
    }

    /** True when the two ledgers mean the same thing (their bytes may still differ in layout). */
    public boolean identical() {
        return !revision.changed() && !configDigest.changed() && resources.isEmpty() && records.isEmpty()
                && deployments.identical();
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
