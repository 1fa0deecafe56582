package dev.omnigraph.console.cluster.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The cluster state ledger, {@code __cluster/state.json}: upstream's {@code ClusterState}, one
 * model for both generations (v0.13 spec §2, §3; v1 spec §3), read the way v0.13's
 * {@code read_state_inner} reads it:
 *
 * <ol>
 *   <li>the exact bytes are kept; {@link #cas()} is {@code "sha256:" + hex(sha256(bytes))}; the console
 *       never re-serializes a ledger to display it;</li>
 *   <li>a ledger above 16 MiB is {@code state_read_error} (v1 ledgers are still read: ≤ 0.11 had no cap);</li>
 *   <li>strict decode of every level ({@code deny_unknown_fields}, duplicate keys, types) →
 *       {@code invalid_state_json}; a v2 ledger whose only fault is the obsolete v0.12 receipt fields
 *       reads as {@link LedgerGeneration#V2_V012_SHAPE} (see {@link #v013Refusal()});</li>
 *   <li>{@code validate_state}: {@code invalid_state_version} (v1 with v2 fields),
 *       {@code unsupported_state_version} (≥ 3), then for v2 {@code invalid_state},
 *       {@code external_blob_policy_digest_mismatch}, {@code deployment_id_invalid},
 *       {@code deployment_bounds};</li>
 *   <li>observation canonicalization ({@link ObservationCanonicalizer}) →
 *       {@code conflicting_graph_manifest_observation}.</li>
 * </ol>
 *
 * <p>Every v1 accessor keeps its meaning for both generations. The v2 accessors
 * ({@link #ledgerId()}, {@link #nextSequence()}, {@link #resultRevision()}, {@link #schemaContracts()},
 * {@link #outstanding()}, {@link #deploymentResults()}) are empty for a v1 ledger. Engine objects
 * nested in {@code outstanding} and {@code schema} results are kept as read ({@link JsonNode}).
 *
 * <p>Maps are sorted like upstream's {@code BTreeMap} (code point order). The free-form sections
 * ({@code approval_records}, {@code recovery_records}, {@code observations}) hold arbitrary JSON
 * values (history only, on v2 roots); treat the returned nodes as read-only.
 */
public final class Ledger {

    static final StrictJson.Source SOURCE = new StrictJson.Source("invalid_state_json", "state_read_error",
            "state", "state.json", WireLimits.STATE_JSON_MAX_BYTES, true);

    private final byte[] rawBytes;
    private final String cas;
    private final LedgerGeneration generation;
    private final Diagnostic v013Refusal;
    private final long version;
    private final long stateRevision;
    private final String configDigest;
    private final String ledgerId;
    private final Long nextSequence;
    private final Long resultRevision;
    private final SortedMap<String, SchemaContract> schemaContracts;
    private final OutstandingDeployment outstanding;
    private final List<DeploymentResult> deploymentResults;
    private final SortedMap<String, LedgerResource> resources;
    private final SortedMap<String, ResourceStatusRecord> resourceStatuses;
    private final SortedMap<String, JsonNode> approvalRecords;
    private final SortedMap<String, JsonNode> recoveryRecords;
    private final SortedMap<String, JsonNode> observations;
    private final List<String> duplicateMapKeys;

    Ledger(byte[] rawBytes, LedgerGeneration generation, LedgerReader.Decoded d, Map<String, JsonNode> observations,
            Diagnostic v013Refusal) {
        this.rawBytes = rawBytes.clone();
        this.cas = Digests.stateCas(rawBytes);
        this.generation = generation;
        this.v013Refusal = generation == LedgerGeneration.V1 ? Diagnostic.warning("ledger_upgrade_required", "state.version",
                "a v1 ledger is read-only for OmniGraph v0.13: serve, deploy and observe refuse with "
                        + "ledger_upgrade_required until `omnigraph --cluster ROOT cluster upgrade-ledger --writers-stopped` "
                        + "converts it") : v013Refusal;
        this.version = d.version();
        this.stateRevision = d.stateRevision();
        this.configDigest = d.configDigest();
        this.ledgerId = d.ledgerId();
        this.nextSequence = d.nextSequence();
        this.resultRevision = d.resultRevision();
        this.schemaContracts = sorted(d.schemaContracts() == null ? Map.of() : d.schemaContracts());
        this.outstanding = d.outstanding();
        this.deploymentResults = d.results() == null ? List.of() : List.copyOf(d.results());
        this.resources = sorted(d.resources());
        this.resourceStatuses = sorted(d.statuses());
        this.approvalRecords = sorted(d.approvals());
        this.recoveryRecords = sorted(d.recoveries());
        this.observations = sorted(observations);
        this.duplicateMapKeys = StrictJson.duplicatePaths(d.root());
    }

    /**
     * Keys repeated inside a map or a free-form value (e.g. {@code state.applied_revision.resources.graph.a}):
     * upstream's normal read keeps the last value, and so does this model (spec §11.1); a repeated
     * struct field is refused instead. Upstream never writes one: each is worth a finding.
     */
    public List<String> duplicateMapKeys() {
        return duplicateMapKeys;
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

    /** {@code version}: 1 or 2 for a parsed ledger. */
    public long version() {
        return version;
    }

    /** Which generation this is; decides which OmniGraph releases can serve the root. */
    public LedgerGeneration generation() {
        return generation;
    }

    /**
     * Why OmniGraph v0.13 refuses to serve or deploy this ledger as it is: {@code ledger_upgrade_required}
     * for {@link LedgerGeneration#V1} and {@link LedgerGeneration#V2_V012_SHAPE}; empty for v2.
     */
    public Optional<Diagnostic> v013Refusal() {
        return Optional.ofNullable(v013Refusal);
    }

    /** {@code ledger_id} (canonical ULID), empty for v1. */
    public Optional<String> ledgerId() {
        return Optional.ofNullable(ledgerId);
    }

    /** {@code next_sequence} (the sequence the next deployment must use), empty for v1. */
    public OptionalLong nextSequence() {
        return nextSequence == null ? OptionalLong.empty() : OptionalLong.of(nextSequence);
    }

    /** {@code applied_revision.result_revision} (the achieved revision servers activate), empty for v1. */
    public OptionalLong resultRevision() {
        return resultRevision == null ? OptionalLong.empty() : OptionalLong.of(resultRevision);
    }

    /** {@code applied_revision.schema_contracts}: graph → exact achieved identity; empty for v1. */
    public SortedMap<String, SchemaContract> schemaContracts() {
        return schemaContracts;
    }

    /** The accepted, unfinished deployment, if any (v2 only). */
    public Optional<OutstandingDeployment> outstanding() {
        return Optional.ofNullable(outstanding);
    }

    /** The retained terminal receipts, oldest first (v2 only). */
    public List<DeploymentResult> deploymentResults() {
        return deploymentResults;
    }

    /** The ledger's creation time: the ULID time of {@code ledger_id} (the ledger has no clock of its own). */
    public Optional<java.time.Instant> ledgerCreatedAt() {
        return ledgerId().map(Ulid::parseOrNull).map(Ulid::timestamp);
    }

    /** Every bundle digest the ledger references: each receipt's and the outstanding deployment's input digest. */
    public java.util.Set<String> referencedBundles() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        deploymentResults.forEach(r -> out.add(r.inputDigest()));
        outstanding().ifPresent(o -> out.add(o.inputDigest()));
        return java.util.Collections.unmodifiableSet(out);
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
