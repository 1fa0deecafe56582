package dev.omnigraph.console.cluster.doctor;

import dev.omnigraph.console.cluster.model.DeploymentBundle;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * On a v2 root a missing or altered catalog payload can be put back exactly: every deployment
 * bundle captured its sources by sha256. This names the bundle that holds the exact bytes in the
 * remedy of such findings.
 */
final class CapturedSourceRemedies {
    private static final Set<String> PAYLOAD_CODES = Set.of("catalog_payload_missing", "catalog_payload_digest_mismatch");

    private CapturedSourceRemedies() {}

    static List<DoctorFinding> apply(List<DoctorFinding> findings, Ledger ledger, Map<String, BundleReads.BundleRead> bundles) {
        List<DoctorFinding> out = new ArrayList<>(findings.size());
        for (DoctorFinding f : findings) {
            Optional<String> holder = PAYLOAD_CODES.contains(f.code()) ? ledger.resource(f.object()).map(LedgerResource::digest)
                    .flatMap(d -> holder(d, bundles)) : Optional.empty();
            out.add(holder.map(h -> new DoctorFinding(f.code(), f.severity(), f.stage(), f.object(), f.graphId(), f.message(),
                    "Bundle " + h + " captured these exact bytes (its sources entry with that sha256): write them back "
                            + "create-only under the payload's name, then 'catalog verify' and start the server. Catalog "
                            + "repair is not an apply mode in v0.13.")).orElse(f));
        }
        return out;
    }

    private static Optional<String> holder(String digest, Map<String, BundleReads.BundleRead> bundles) {
        return bundles.values().stream().flatMap(r -> r.bundle().stream()).filter(b -> b.sources().containsKey(digest))
                .map(DeploymentBundle::digest).findFirst().map(d -> BundleReads.key(d));
    }
}
