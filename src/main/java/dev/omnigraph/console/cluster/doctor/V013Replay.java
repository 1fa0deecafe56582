package dev.omnigraph.console.cluster.doctor;

import dev.omnigraph.console.cluster.CatalogIntegrity;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.ExternalBlobBase;
import dev.omnigraph.console.cluster.model.ExternalBlobPolicy;
import dev.omnigraph.console.cluster.model.ExternalBlobScope;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.LockOperation;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import dev.omnigraph.console.cluster.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * OmniGraph v0.13's admission and boot replayed on a v2 root, in upstream's order (spec §8.1,
 * §8.2): the ledger's generation ({@code ledger_upgrade_required} for the v0.12 shape), the lock
 * ({@code state_lock_held}, with what that operation means), an outstanding deployment
 * ({@code cluster_deployment_outstanding}, and whether its bundle would let it be reconciled here),
 * then the snapshot: legacy recovery sidecars, the ledger, server_safe external Blob bases that
 * overlap the storage root, providers, composites, catalog payloads, policy bindings, the
 * empty-cluster rule, graph roots; finally the bundles retained receipts name (history). Remedies
 * name v0.13 commands only.
 */
final class V013Replay {
    static final List<String> NOT_CHECKED = List.of(
            "each opened graph's schema contract against applied_revision.schema_contracts (engine data; a mismatch refuses "
                    + "that graph)",
            "stored queries type-checking and Cedar compilation of the policies",
            "whether the owner of a held lock is alive: storage cannot tell a running server from a cleanly stopped one",
            "whether the ${NAME} variables named by embedding profiles are set in the server's environment",
            "bearer tokens, --unauthenticated and the bind address (process settings, not cluster state)");

    private V013Replay() {}

    static DoctorReport examine(ClusterSnapshot snapshot, Map<String, CatalogIntegrity> integrity, String root,
                                Map<String, BundleReads.BundleRead> bundles, Optional<byte[]> ledgerBytes) {
        DoctorRun run = new DoctorRun(snapshot, integrity, V013Remedies::of, true);
        Optional<Ledger> present = snapshot.ledgerIfPresent();
        admission(run, present, root, bundles);
        run.sidecars();
        Optional<Ledger> ledger = run.ledger();
        if (ledger.isPresent()) {
            externalBlobs(run, ledger.get(), root);
            run.resources(ledger.get());
            history(run, ledger.get(), bundles);
        }
        DoctorReport report = run.report(ledger);
        List<DoctorFinding> findings = ledger.map(l -> CapturedSourceRemedies.apply(run.findings, l, bundles)).orElse(run.findings);
        return report.withFindings(findings).withNotChecked(NOT_CHECKED)
                .withGeneration(GenerationViews.of(snapshot, ledgerBytes, root, findings));
    }

    private static void admission(DoctorRun run, Optional<Ledger> ledger, String root, Map<String, BundleReads.BundleRead> bundles) {
        if (ledger.isEmpty()) {
            return; // a missing or unreadable ledger stops v0.13 before it takes the lock (the ledger stage reports it)
        }
        if (ledger.get().generation() == LedgerGeneration.V2_V012_SHAPE) {
            run.add("ledger_upgrade_required", FindingSeverity.FATAL, DoctorStage.ADMISSION, "__cluster/state.json", null,
                    "the ledger is v2 in the v0.12 shape (receipts carry restart_required/activation): v0.13 reads it only to "
                            + "convert it and refuses to serve or deploy it", V013Remedies.upgradeLedger(root));
        }
        lock(run, ledger, root);
        ledger.flatMap(Ledger::outstanding).ifPresent(o -> outstanding(run, o, root, bundles));
    }

    private static void lock(DoctorRun run, Optional<Ledger> ledger, String root) {
        switch (run.snapshot.lock()) {
            case LockState.Free f -> { }
            case LockState.Held h -> {
                LockOperation.Meaning m = GenerationViews.meaning(h, ledger.orElse(null));
                String serve = m.operation() == LockOperation.SERVE ? " A server owns this root: if it is running, it is serving "
                        + "now and this only means a second server (or any apply, upgrade or graph write) cannot start; if it "
                        + "stopped cleanly, v0.13 left the lock behind and the next start refuses." : "";
                run.add("state_lock_held", FindingSeverity.FATAL, DoctorStage.ADMISSION, "__cluster/lock.json", null,
                        "lock " + h.lock().lockId() + " is held (" + m.summary() + ", since " + h.lock().createdAt() + ", pid "
                                + h.lock().pid() + "): every v0.13 admission refuses while any lock is present." + serve + " "
                                + m.ageNote(), V013Remedies.forceUnlock(root, h.lock().lockId(), m.summary(), m.unlockBreaks(),
                                m.nextStep()));
            }
            case LockState.Unreadable u -> run.add("state_lock_held", FindingSeverity.FATAL, DoctorStage.ADMISSION,
                    "__cluster/lock.json", null, "lock.json is present but v0.13 cannot read it (" + u.diagnostic().code() + ": "
                            + u.diagnostic().message() + ")" + (u.released().isPresent() ? "; it is a released record a "
                            + "release after v0.13 left after a clean stop, not a broken lock" : "")
                            + "; its create-if-absent acquisition still fails",
                    "force-unlock refuses a lock it cannot parse and leaves it in place. A released record (version 2 with "
                            + "release_id) was written by a release after v0.13: serve the root with that release. Otherwise "
                            + "find the owner, stop it, keep a copy of the file and remove it.");
        }
    }

    private static void outstanding(DoctorRun run, OutstandingDeployment o, String root, Map<String, BundleReads.BundleRead> bundles) {
        String phases = o.phases().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().wireName())
                .collect(Collectors.joining(", "));
        run.add("cluster_deployment_outstanding", FindingSeverity.FATAL, DoctorStage.ADMISSION, "__cluster/state.json", null,
                "deployment " + o.id() + (o.acceptedAt() == null ? "" : " (accepted " + o.acceptedAt() + ")") + " is unfinished ("
                        + phases + "): serving, new deployments and graph writers refuse until it is reconciled",
                V013Remedies.reconcile(root, o.id()));
        BundleReads.BundleRead read = bundles.get(o.inputDigest());
        String key = BundleReads.key(o.inputDigest());
        if (read == null || read.problem().isPresent()) {
            Diagnostic d = read == null ? Diagnostic.error("console_bundle_unreadable", key, "not read") : read.problem().get();
            run.add(d.code(), FindingSeverity.FATAL, DoctorStage.ADMISSION, key, null,
                    "the outstanding deployment's bundle cannot be used, so reconciling it refuses: " + d.message());
            return;
        }
        List<Diagnostic> invalid = read.bundle().orElseThrow().validate(Optional.of(root));
        if (!invalid.isEmpty()) {
            run.add("deployment_input_invalid", FindingSeverity.FATAL, DoctorStage.ADMISSION, key, null,
                    "reconciling the outstanding deployment on this root refuses: " + invalid.stream().map(Diagnostic::message)
                            .collect(Collectors.joining("; ")));
        }
    }

    /** Spec §8.2 step 3: server_safe bases overlapping the storage root quarantine their graph. */
    private static void externalBlobs(DoctorRun run, Ledger ledger, String root) {
        for (Map.Entry<String, LedgerResource> r : ledger.resources().entrySet()) {
            ResourceAddress address = ResourceAddress.parse(r.getKey());
            if (address.kind() != ResourceKind.GRAPH || run.quarantined.contains(address.graphId())
                    || !(r.getValue().effectiveExternalBlobPolicy() instanceof ExternalBlobPolicy.Allow allow)) {
                continue;
            }
            for (ExternalBlobBase base : allow.bases()) {
                if (base.scope() == ExternalBlobScope.SERVER_SAFE && overlaps(root, base.uri())) {
                    run.quarantined.add(address.graphId());
                    run.add("external_blob_base_overlaps_storage_root", FindingSeverity.QUARANTINE, DoctorStage.EXTERNAL_BLOBS,
                            r.getKey(), address.graphId(), "graph " + address.graphId() + "'s server_safe external Blob base "
                                    + base.uri() + " overlaps the cluster's storage root " + root);
                    break;
                }
            }
        }
    }

    static boolean overlaps(String root, String base) {
        String a = trim(root);
        String b = trim(base);
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }

    private static String trim(String uri) {
        String s = uri;
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The bundles retained receipts name: boot never reads them, so problems are warnings (history, reconciliation). */
    private static void history(DoctorRun run, Ledger ledger, Map<String, BundleReads.BundleRead> bundles) {
        List<String> seen = new ArrayList<>();
        for (DeploymentResult r : ledger.deploymentResults()) {
            BundleReads.BundleRead read = bundles.get(r.inputDigest());
            if (seen.contains(r.inputDigest()) || read == null || read.problem().isEmpty()) {
                continue;
            }
            seen.add(r.inputDigest());
            Diagnostic d = read.problem().get();
            run.add(d.code(), FindingSeverity.WARNING, DoctorStage.HISTORY, BundleReads.key(r.inputDigest()), null,
                    "receipt " + r.id() + " names this bundle, which cannot be used: " + d.message()
                            + " (boot does not read bundles; the deployment's captured config is lost from history)");
        }
    }
}
