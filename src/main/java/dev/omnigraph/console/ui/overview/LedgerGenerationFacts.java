package dev.omnigraph.console.ui.overview;

import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import dev.omnigraph.console.cluster.model.SchemaContract;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the Overview says about the ledger's generation and deployments (OmniGraph v0.13, ledger
 * v2): which releases can serve the root, the ledger id and counters, the outstanding deployment
 * (per graph, what it blocks and the exact command that reconciles it) and each graph's schema
 * contract. Pure data.
 *
 * @param generation  "v2 ledger (v0.13)", "v1 ledger" … (danger when v0.13 refuses it)
 * @param servedBy    which OmniGraph releases can serve this root, in words
 * @param counters    label → value: ledger id (and when it was created), state / result revision, next sequence, receipts
 * @param outstanding the outstanding deployment, if any
 * @param contracts   one line per graph: its schema contract
 * @param upgrade     empty, or what v0.13 answers on this root and the command that converts it
 */
public record LedgerGenerationFacts(Tagged generation, String servedBy, Map<String, String> counters, Optional<Outstanding> outstanding,
                                    List<String> contracts, String upgrade) {

    /**
     * The outstanding deployment as the Overview shows it.
     *
     * @param graphs  graph → not_started / started / settled (and the outcome when settled)
     * @param blocks  what refuses while it is outstanding
     * @param command the exact command that reconciles it, for this root
     */
    public record Outstanding(String id, String acceptedAt, String actor, Map<String, String> graphs, String blocks, String command) {}

    public static Optional<LedgerGenerationFacts> of(ClusterSnapshot s) {
        if (!(s.ledger() instanceof LedgerState.Present p)) {
            return Optional.empty();
        }
        Ledger l = p.ledger();
        LedgerGeneration g = l.generation();
        String root = s.location().root().display();
        Tagged tag = g.operationalOnV013() ? Tagged.ok(g.label()) : Tagged.warn(g.label());
        String upgrade = g.operationalOnV013() ? "" : "OmniGraph v0.13 answers " + g.v013Refusal().orElse("") + " until "
                + "omnigraph --cluster " + root + " cluster upgrade-ledger --writers-stopped";
        Map<String, String> counters = new java.util.LinkedHashMap<>();
        l.ledgerId().ifPresent(id -> counters.put("Ledger id", id + l.ledgerCreatedAt().map(t -> " (created " + Times.of(t) + ")")
                .orElse("")));
        counters.put("State revision", Long.toUnsignedString(l.stateRevision()));
        text(l.resultRevision()).ifPresent(v -> counters.put("Result revision", v));
        text(l.nextSequence()).ifPresent(v -> counters.put("Next sequence", v));
        if (g.isV2()) {
            int n = l.deploymentResults().size();
            counters.put("Retained results", n + (n == 1 ? " receipt" : " receipts") + " (see Deployments)");
        }
        List<String> contracts = new ArrayList<>();
        l.schemaContracts().forEach((graph, c) -> contracts.add(contract(graph, c)));
        return Optional.of(new LedgerGenerationFacts(tag, g.servedBy(), counters, l.outstanding().map(o -> outstanding(o, root)),
                List.copyOf(contracts), upgrade));
    }

    private static Outstanding outstanding(OutstandingDeployment o, String root) {
        Map<String, String> graphs = new java.util.LinkedHashMap<>();
        o.graphs().forEach((graph, d) -> graphs.put(graph, d.state().phase().wireName()
                + (d.state().result() == null ? "" : " (" + d.state().result().describe() + ")")));
        String blocks = "Until it is reconciled, serving, new deployments and graph writers refuse with "
                + "cluster_deployment_outstanding. Never resubmit it under a new id.";
        String command = "omnigraph --cluster " + root + " cluster apply --deployment-id " + o.id() + " --writers-stopped";
        return new Outstanding(o.id(), o.acceptedAt() == null ? "–" : Times.of(o.acceptedAt()), o.authority().describe(), graphs, blocks,
                command);
    }

    private static String contract(String graph, SchemaContract c) {
        return graph + ": schema " + shorten(c.sourceHash()) + " · IR " + shorten(c.schemaIrHash()) + " · identity "
                + c.schemaIdentityDomain() + " v" + c.schemaIdentityVersion();
    }

    private static String shorten(String digest) {
        return digest == null ? "–" : digest.length() > 19 ? digest.substring(0, 19) + "…" : digest;
    }

    private static Optional<String> text(OptionalLong v) {
        return v.isPresent() ? Optional.of(Long.toUnsignedString(v.getAsLong())) : Optional.empty();
    }
}
