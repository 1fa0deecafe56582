package dev.omnigraph.console.cluster.diff;

import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.GraphDeployment;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import dev.omnigraph.console.cluster.model.SchemaContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed in the ledger v2 parts between two ledgers (v0.13 spec §2): generation, ledger id,
 * counters, schema contracts, and the deployments — accepted (a new outstanding one), progressed
 * (its graphs moved), finished (a new receipt), evicted (a receipt no longer retained), abandoned
 * (outstanding in A, neither outstanding nor retained in B). Empty lists and unchanged counters mean
 * nothing changed there; between two v1 ledgers everything here is unchanged.
 */
public record DeploymentDiff(Compared<String> generation, Compared<String> ledgerId, Compared<Long> nextSequence,
        Compared<Long> resultRevision, List<ContractChange> contracts, List<DeploymentChange> deployments) {

    public DeploymentDiff {
        contracts = List.copyOf(contracts);
        deployments = List.copyOf(deployments);
    }

    /** What happened to one deployment between A and B. */
    public enum Kind { ACCEPTED, PROGRESSED, FINISHED, EVICTED, ABANDONED }

    /**
     * @param id     the deployment id
     * @param kind   what happened
     * @param detail one line, e.g. per-graph states or outcomes
     */
    public record DeploymentChange(String id, Kind kind, String detail) {
    }

    /** A graph's schema contract on both sides (null = absent). */
    public record ContractChange(String graph, ChangeKind change, String before, String after) {
    }

    /** Nothing in the v2 parts differs. */
    public boolean identical() {
        return !generation.changed() && !ledgerId.changed() && !nextSequence.changed() && !resultRevision.changed()
                && contracts.isEmpty() && deployments.isEmpty();
    }

    public static DeploymentDiff of(Ledger a, Ledger b) {
        return new DeploymentDiff(new Compared<>(a.generation().wireName(), b.generation().wireName()),
                new Compared<>(a.ledgerId().orElse(null), b.ledgerId().orElse(null)),
                new Compared<>(boxed(a.nextSequence()), boxed(b.nextSequence())),
                new Compared<>(boxed(a.resultRevision()), boxed(b.resultRevision())), contracts(a, b), deployments(a, b));
    }

    private static Long boxed(java.util.OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static List<ContractChange> contracts(Ledger a, Ledger b) {
        Set<String> graphs = new TreeSet<>(a.schemaContracts().keySet());
        graphs.addAll(b.schemaContracts().keySet());
        List<ContractChange> out = new ArrayList<>();
        for (String g : graphs) {
            SchemaContract x = a.schemaContracts().get(g);
            SchemaContract y = b.schemaContracts().get(g);
            if (x != null && x.equals(y)) {
                continue;
            }
            ChangeKind kind = x == null ? ChangeKind.ADDED : y == null ? ChangeKind.REMOVED : ChangeKind.CHANGED;
            out.add(new ContractChange(g, kind, describe(x), describe(y)));
        }
        return out;
    }

    private static String describe(SchemaContract c) {
        return c == null ? null : "source " + c.sourceHash() + ", ir " + c.schemaIrHash() + ", identity "
                + c.schemaIdentityDomain() + " v" + c.schemaIdentityVersion();
    }

    private static List<DeploymentChange> deployments(Ledger a, Ledger b) {
        List<DeploymentChange> out = new ArrayList<>();
        Map<String, DeploymentResult> before = a.deploymentResults().stream()
                .collect(Collectors.toMap(DeploymentResult::id, r -> r, (x, y) -> x));
        Map<String, DeploymentResult> after = b.deploymentResults().stream()
                .collect(Collectors.toMap(DeploymentResult::id, r -> r, (x, y) -> x));
        Optional<OutstandingDeployment> pa = a.outstanding();
        Optional<OutstandingDeployment> pb = b.outstanding();
        pb.filter(o -> pa.map(p -> !p.id().equals(o.id())).orElse(true))
                .ifPresent(o -> out.add(new DeploymentChange(o.id(), Kind.ACCEPTED, "accepted " + o.acceptedAt() + " by "
                        + o.authority().describe() + "; " + states(o))));
        pa.ifPresent(p -> pb.filter(o -> o.id().equals(p.id()) && !states(o).equals(states(p)))
                .ifPresent(o -> out.add(new DeploymentChange(o.id(), Kind.PROGRESSED, states(p) + " → " + states(o)))));
        for (DeploymentResult r : b.deploymentResults()) {
            if (!before.containsKey(r.id())) {
                out.add(new DeploymentChange(r.id(), Kind.FINISHED, (r.converged() ? "converged" : "partial")
                        + ", result revision " + Long.toUnsignedString(r.resultRevision()) + ": " + outcomes(r)));
            }
        }
        for (DeploymentResult r : a.deploymentResults()) {
            if (!after.containsKey(r.id())) {
                out.add(new DeploymentChange(r.id(), Kind.EVICTED, "no longer retained (oldest receipts are evicted)"));
            }
        }
        pa.filter(p -> pb.map(o -> !o.id().equals(p.id())).orElse(true) && !after.containsKey(p.id()))
                .ifPresent(p -> out.add(new DeploymentChange(p.id(), Kind.ABANDONED,
                        "outstanding in A, but neither outstanding nor retained in B (the ledger was replaced or restored)")));
        return out;
    }

    private static String states(OutstandingDeployment o) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, GraphDeployment> e : o.graphs().entrySet()) {
            parts.add(e.getKey() + " " + e.getValue().state().describe());
        }
        return String.join(", ", parts);
    }

    private static String outcomes(DeploymentResult r) {
        List<String> parts = new ArrayList<>();
        r.graphs().forEach((g, o) -> parts.add(g + " " + o.describe()));
        return String.join(", ", parts);
    }
}
