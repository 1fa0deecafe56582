package dev.omnigraph.console.cluster;

import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerResource;
import dev.omnigraph.console.cluster.model.RecoverySidecar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pending recovery sidecar blocks (spec §6.2): its graph becomes "pending", so apply blocks
 * that graph's create/delete, its schema and query changes, and policies bound to it; serving
 * quarantines the graph. The sidecar's {@code state_cas_base} tells whether the ledger moved since.
 */
public record SidecarImpact(RecoverySidecar sidecar, List<String> blockedAddresses, Optional<Boolean> ledgerUnchangedSince) {

    public static SidecarImpact of(RecoverySidecar sidecar, Optional<Ledger> ledger) {
        String graph = sidecar.graphId();
        List<String> blocked = new ArrayList<>();
        blocked.add("graph." + graph);
        blocked.add("schema." + graph);
        if (ledger.isPresent()) {
            for (Map.Entry<String, LedgerResource> r : ledger.get().resources().entrySet()) {
                String address = r.getKey();
                if (address.startsWith("query." + graph + ".")) {
                    blocked.add(address);
                }
                List<String> appliesTo = r.getValue().appliesTo();
                if (address.startsWith("policy.") && appliesTo != null && appliesTo.contains("graph." + graph)) {
                    blocked.add(address);
                }
            }
        }
        Optional<Boolean> unchanged = sidecar.stateCasBase() == null ? Optional.empty()
                : ledger.map(l -> l.cas().equals(sidecar.stateCasBase()));
        return new SidecarImpact(sidecar, List.copyOf(blocked), unchanged);
    }
}
