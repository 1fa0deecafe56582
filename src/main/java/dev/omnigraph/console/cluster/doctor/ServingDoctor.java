package dev.omnigraph.console.cluster.doctor;

import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.CatalogIndex;
import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.CatalogVerifier;
import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.ClusterReader;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.CatalogPayload;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import dev.omnigraph.console.cluster.model.WireLimits;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Would {@code omnigraph-server --cluster <root>} boot, and which graphs would it quarantine?",
 * answered from storage by replaying the server's own boot checks in their order:
 *
 * <ol>
 *   <li>recovery sidecars ({@code serve.rs::read_snapshot_with_store}): an unreadable, unparseable or
 *       future-version sidecar is fatal, one without a graph id is fatal
 *       ({@code cluster_recovery_unattributed}), every other one quarantines its graph
 *       ({@code cluster_recovery_pending}) — serving never sweeps;</li>
 *   <li>the ledger: absent ({@code cluster_state_missing}) or refused by the strict reader;</li>
 *   <li>embedding providers bound by non-quarantined graphs: profile recorded and hashing to the
 *       recorded digest;</li>
 *   <li>every applied resource in address order: graph provider references and the graph composite
 *       ({@code external_blob_policy_digest_mismatch}); query and policy payloads present and hashing
 *       to their digests (quarantined graphs' queries and policy bindings are skipped); policies carry
 *       {@code applies_to} ({@code policy_bindings_missing});</li>
 *   <li>at least one graph left ({@code cluster_empty} / {@code cluster_no_healthy_graphs});</li>
 *   <li>at most one policy bundle per scope ({@code settings.rs::load_cluster_settings});</li>
 *   <li>per graph at startup: the embedding profile resolves (an inline or missing key quarantines the
 *       graph; the {@code ${NAME}} variable must be set for the server process) and the graph root
 *       exists (an unopenable graph is quarantined).</li>
 * </ol>
 *
 * <p>{@link #examine} is a pure function of a snapshot and the payload hashes; {@link #run} reads
 * the snapshot and hashes exactly the payloads the server would read. On a v2 root (OmniGraph
 * v0.13) {@link #run} replays v0.13's admission and boot instead ({@link V013Replay}), and every
 * report carries the root's generation and what {@code upgrade-ledger} would do
 * ({@link GenerationView}).
 */
public final class ServingDoctor {

    static final List<String> NOT_CHECKED = List.of(
            "stored queries type-checking against each graph's live schema (a failure quarantines the graph)",
            "Cedar compilation of the policy bundles (a cluster-scope failure refuses boot, a graph-scope one quarantines the graph)",
            "opening each graph's Lance datasets (an open failure quarantines the graph)",
            "whether the ${NAME} variables named by embedding profiles are set in the server's environment",
            "bearer tokens, --unauthenticated and the bind address (process settings, not cluster state)");

    private ServingDoctor() {}

    /** Reads the cluster, hashes the payloads serving would read, and examines it. */
    public static DoctorReport run(ObjectStore store, ClusterLocation location, Progress progress) throws StorageException {
        return run(store, ClusterReader.read(store, location, progress), progress);
    }

    /** Examines a snapshot already read (the window's), hashing only the payloads serving would read. */
    public static DoctorReport run(ObjectStore store, ClusterSnapshot snapshot, Progress progress) throws StorageException {
        List<CatalogEntry> needed = payloadsToVerify(snapshot);
        CatalogVerifier.Report verified = CatalogVerifier.verify(store, new CatalogIndex(needed), progress);
        Map<String, CatalogIntegrity> integrity = new HashMap<>();
        verified.results().forEach(r -> integrity.put(r.entry().key(), r.integrity()));
        String root = CanonicalRoot.of(store.uri());
        Optional<byte[]> bytes = ledgerBytes(store, snapshot);
        Optional<Ledger> ledger = snapshot.ledgerIfPresent();
        if (ledger.map(l -> l.generation().isV2()).orElse(false)) {
            return V013Replay.examine(snapshot, integrity, root, BundleReads.read(store, ledger.get(), progress), bytes);
        }
        if (ledger.isEmpty() && writtenByV013(store, snapshot)) {
            return V013Replay.examine(snapshot, integrity, root, Map.of(), bytes);
        }
        DoctorReport report = examine(snapshot, integrity);
        return report.withGeneration(GenerationViews.of(snapshot, bytes, root, report.findings()));
    }

    private static Optional<byte[]> ledgerBytes(ObjectStore store, ClusterSnapshot snapshot) throws StorageException {
        if (snapshot.ledger() instanceof LedgerState.Unreadable) {
            try {
                return store.read(ClusterLayout.STATE, WireLimits.STATE_JSON_MAX_BYTES).map(StoredObject::bytes);
            } catch (StorageException e) {
                return Optional.empty(); // oversize or unreadable: the ledger stage already says so
            }
        }
        return snapshot.ledgerIfPresent().map(Ledger::rawBytes);
    }

    /** Without a readable ledger: deployment bundles or a v0.13 lock say v0.13 wrote the root, so v0.13 remedies apply. */
    private static boolean writtenByV013(ObjectStore store, ClusterSnapshot snapshot) throws StorageException {
        if (snapshot.lock() instanceof LockState.Held h && LockOperation.of(h.lock().operation()).era() == LockOperation.Era.V013) {
            return true;
        }
        try (java.util.stream.Stream<ObjectInfo> bundles = store.list(ClusterLayout.RESOURCES + "deployment/")) {
            return bundles.findAny().isPresent();
        }
    }

    /** The catalog entries the server would read at boot: payloads of every applied query and policy. */
    public static List<CatalogEntry> payloadsToVerify(ClusterSnapshot snapshot) {
        Optional<Ledger> ledger = snapshot.ledgerIfPresent();
        if (ledger.isEmpty()) {
            return List.of();
        }
        Map<String, CatalogEntry> byKey = new HashMap<>();
        snapshot.catalog().entries().forEach(e -> byKey.put(e.key(), e));
        List<CatalogEntry> out = new ArrayList<>();
        for (Map.Entry<String, LedgerResource> r : ledger.get().resources().entrySet()) {
            payloadKey(r.getKey(), r.getValue()).map(byKey::get).filter(e -> e.blob().isPresent()).ifPresent(out::add);
        }
        return out.stream().distinct().toList();
    }

    static Optional<String> payloadKey(String address, LedgerResource resource) {
        ResourceAddress parsed = ResourceAddress.parse(address);
        if (parsed.kind() != ResourceKind.QUERY && parsed.kind() != ResourceKind.POLICY) {
            return Optional.empty();
        }
        return CatalogPayload.relativeKey(parsed, resource.digest());
    }

    /**
     * Examines a snapshot.
     *
     * @param integrity what hashing found per catalog key; a key without an entry was not hashed, and
     *                  then only its existence is checked (a warning says so)
     */
    public static DoctorReport examine(ClusterSnapshot snapshot, Map<String, CatalogIntegrity> integrity) {
        DoctorRun run = new DoctorRun(snapshot, integrity);
        run.sidecars();
        Optional<Ledger> ledger = run.ledger();
        if (ledger.isPresent()) {
            run.resources(ledger.get());
        }
        return run.report(ledger);
    }
}
