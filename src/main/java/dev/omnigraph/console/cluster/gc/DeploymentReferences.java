package dev.omnigraph.console.cluster.gc;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.doctor.BundleReads;
import dev.omnigraph.console.cluster.model.AchievedBase;
import dev.omnigraph.console.cluster.model.CatalogPayload;
import dev.omnigraph.console.cluster.model.DeploymentBundle;
import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import dev.omnigraph.console.cluster.model.ResourceAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a v2 ledger's deployments protect from catalog GC: the payloads the outstanding deployment
 * and every retained receipt were accepted from ({@code base.resource_digests}) and captured
 * ({@code resources} of their bundle), and the bundles themselves. Bundles are never collected:
 * those a receipt or the outstanding deployment names are needed (reconciliation, history), and the
 * rest (evicted receipts) are the only record of what those deployments captured. A bundle that
 * cannot be read hides what it captured, so nothing is collected until it is restored.
 */
final class DeploymentReferences {
    static final String BUNDLES = ClusterLayout.BUNDLES;
    static final DeploymentReferences NONE = new DeploymentReferences();

    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, String> bundleReasons = new HashMap<>();

    private DeploymentReferences() {}

    static DeploymentReferences of(Ledger ledger, Map<String, BundleReads.BundleRead> bundles, List<String> blockers) {
        DeploymentReferences refs = new DeploymentReferences();
        Optional<OutstandingDeployment> outstanding = ledger.outstanding();
        if (outstanding.isPresent()) {
            OutstandingDeployment o = outstanding.get();
            String who = "the outstanding deployment " + o.id();
            refs.addBase(o.authorization().base(), who + " was accepted from it");
            refs.addBundle(o.inputDigest(), who, bundles, blockers);
        }
        for (DeploymentResult r : ledger.deploymentResults()) {
            String who = "retained receipt " + r.id();
            refs.addBase(r.base(), who + " was accepted from it");
            refs.addBundle(r.inputDigest(), who, bundles, blockers);
        }
        return refs;
    }

    private void addBase(AchievedBase base, String reason) {
        base.resourceDigests().forEach((address, digest) -> key(address, digest).ifPresent(k -> byKey.putIfAbsent(k, reason)));
    }

    private void addBundle(String digest, String who, Map<String, BundleReads.BundleRead> bundles, List<String> blockers) {
        bundleReasons.putIfAbsent(BundleReads.key(digest), who + " names this bundle: bundles are never collected while a "
                + "receipt or the outstanding deployment names them");
        BundleReads.BundleRead read = bundles.get(digest);
        if (read == null || read.bundle().isEmpty()) {
            String why = read == null ? "was not read" : read.problem().map(p -> p.code() + ": " + p.message()).orElse("is unreadable");
            String blocker = "the bundle " + BundleReads.key(digest) + " that " + who + " names " + why
                    + "; what it captured is unknown, so nothing is collected until it is restored";
            if (!blockers.contains(blocker)) {
                blockers.add(blocker);
            }
            return;
        }
        DeploymentBundle bundle = read.bundle().get();
        String reason = who + " captured it (bundle " + digest.substring(0, 12) + "…)";
        for (Map.Entry<String, LedgerResource> r : bundle.resources().entrySet()) {
            key(r.getKey(), r.getValue().digest()).ifPresent(k -> byKey.putIfAbsent(k, reason));
        }
    }

    private static Optional<String> key(String address, String digest) {
        return CatalogPayload.relativeKey(ResourceAddress.parse(address), digest);
    }

    Optional<String> protection(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    String bundleReason(String key) {
        return bundleReasons.getOrDefault(key, "a deployment bundle no retained receipt names (an evicted deployment's "
                + "captured config): the GC never collects bundles, they are the only record of what was deployed");
    }
}
