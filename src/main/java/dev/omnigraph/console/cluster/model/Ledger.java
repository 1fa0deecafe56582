package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The cluster state ledger, {@code __cluster/state.json}: upstream's {@code ClusterState}
 * ({@code crates/omnigraph-cluster/src/types.rs}), read the way
 * {@code store.rs::ClusterStore::read_state} reads it (spec §3):
 *
 * <ol>
 *   <li>the exact bytes are kept; {@link #cas()} is {@code "sha256:" + hex(sha256(bytes))};</li>
 *   <li>strict parse of every level ({@code deny_unknown_fields}) → {@code invalid_state_json};</li>
 *   <li>only then {@code version != 1} → {@code unsupported_state_version} (path
 *       {@code state.version}), so a future file with new fields fails as invalid JSON first;</li>
 *   <li>observation canonicalization ({@link ObservationCanonicalizer}) →
 *       {@code conflicting_graph_manifest_observation}.</li>
 * </ol>
 *
 * <p>Bytes that are oversize ({@link WireLimits#STATE_JSON_MAX_BYTES}) or not UTF-8 are refused with
 * {@code state_read_error}, the code upstream reports when its storage layer cannot decode the
 * object as text. Error paths are dotted from the root {@code state}, e.g.
 * {@code state.applied_revision.resources.query.knowledge.find_person.path}.
 *
 * <p>Maps are sorted like upstream's {@code BTreeMap} (code point order). The free-form sections
 * ({@code approval_records}, {@code recovery_records}, {@code observations}) hold arbitrary JSON
 * values; treat the returned nodes as read-only.
 */
public final class Ledger {

    static final StrictJson.Source SOURCE = new StrictJson.Source("invalid_state_json", "state_read_error",
            "state", "state.json", WireLimits.STATE_JSON_MAX_BYTES);

    private final byte[] rawBytes;
    private final String cas;
    private final long version;
    private final long stateRevision;
    private final String configDigest;
    private final SortedMap<String, LedgerResource> resources;
    private final SortedMap<String, ResourceStatusRecord> resourceStatuses;
    private final SortedMap<String, JsonNode> approvalRecords;
    private final SortedMap<String, JsonNode> recoveryRecords;
    private final SortedMap<String, JsonNode> observations;

    Ledger(byte[] rawBytes, long version, long stateRevision, String configDigest,
            Map<String, LedgerResource> resources, Map<String, ResourceStatusRecord> resourceStatuses,
            Map<String, JsonNode> approvalRecords, Map<String, JsonNode> recoveryRecords,
            Map<String, JsonNode> observations) {
        this.rawBytes = rawBytes.clone();
        this.cas = Digests.stateCas(rawBytes);
        this.version = version;
        this.stateRevision = stateRevision;
        this.configDigest = configDigest;
        this.resources = sorted(resources);
        this.resourceStatuses = sorted(resourceStatuses);
        this.approvalRecords = sorted(approvalRecords);
        this.recoveryRecords = sorted(recoveryRecords);
        this.observations = sorted(observations);
    }

    /** Parses {@code state.json} bytes; see the class comment for the exact rule order. */
    public static Ledger parse(byte[] bytes) throws WireFormatException {
        return LedgerReader.read(bytes);
    }

    /** A copy of the exact bytes that were parsed. */
    public byte[] rawBytes() {
        return rawBytes.clone();
    }

    /** Content identity {@code sha256:<64 hex>} of the exact bytes ({@code state_cas}). */
    public String cas() {
        return cas;
    }

    /** Always 1 for a successfully parsed ledger. */
    public long version() {
        return version;
    }

    /** {@code state_revision} (u64, 0 when absent). Unsigned: use {@link Long#toUnsignedString(long)} to print. */
    public long stateRevision() {
        return stateRevision;
    }

    /** {@code applied_revision.config_digest}, or null. */
    public String configDigest() {
        return configDigest;
    }

    /** {@code applied_revision.resources}, address → entry, sorted. */
    public SortedMap<String, LedgerResource> resources() {
        return resources;
    }

    public Optional<LedgerResource> resource(String address) {
        return Optional.ofNullable(resources.get(address));
    }

    /** address → digest, like upstream {@code config.rs::state_resource_digests}. */
    public SortedMap<String, String> resourceDigests() {
        SortedMap<String, String> digests = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        resources.forEach((address, resource) -> digests.put(address, resource.digest()));
        return Collections.unmodifiableSortedMap(digests);
    }

    public SortedMap<String, ResourceStatusRecord> resourceStatuses() {
        return resourceStatuses;
    }

    /** approval id → free-form record (upstream writes {@code {consumed_at, consumed_by_operation}}). */
    public SortedMap<String, JsonNode> approvalRecords() {
        return approvalRecords;
    }

    /** operation id → free-form record (upstream writes the sweep roll-forward summary). */
    public SortedMap<String, JsonNode> recoveryRecords() {
        return recoveryRecords;
    }

    /** address → free-form observation, after legacy {@code manifest_version} canonicalization. */
    public SortedMap<String, JsonNode> observations() {
        return observations;
    }

    /** Addresses in {@link #resources()} parsed with {@link ResourceAddress#parse}. */
    public List<ResourceAddress> addresses() {
        return resources.keySet().stream().map(ResourceAddress::parse).toList();
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        SortedMap<String, V> copy = new TreeMap<>(RustStrings.CODE_POINT_ORDER);
        copy.putAll(map);
        return Collections.unmodifiableSortedMap(copy);
    }
}
