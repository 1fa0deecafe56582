package dev.omnigraph.console.ui.deployments;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.model.DeploymentResult;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One deployment as the Deployments page lists it: a retained result (receipt) or the outstanding
 * deployment, with its bundle.
 *
 * @param sequence     the id's sequence ("?" when the id does not parse)
 * @param state        "converged" / "partial" / "outstanding"
 * @param acceptedAt   from the nonce ULID (the ledger keeps no wall-clock time of its own)
 * @param graphs       one phrase per graph: its outcome (receipt) or phase (outstanding)
 * @param bundleDigest the bundle's name (= input digest)
 */
public record DeploymentRow(String id, String sequence, Tagged state, Instant acceptedAt, String actor, String resultRevision,
                            String graphs, String bundleDigest, boolean outstanding) {

    static DeploymentRow of(DeploymentResult r) {
        List<String> graphs = new ArrayList<>();
        r.graphs().forEach((g, outcome) -> graphs.add(g + ": " + outcome.describe()));
        return new DeploymentRow(r.id(), r.sequence() < 0 ? "?" : Long.toUnsignedString(r.sequence()),
                r.converged() ? Tagged.ok("converged") : Tagged.warn("partial"), r.acceptedAt(), r.authority().describe(),
                Long.toUnsignedString(r.resultRevision()), String.join("; ", graphs), r.inputDigest(), false);
    }

    static DeploymentRow of(OutstandingDeployment o) {
        List<String> graphs = new ArrayList<>();
        o.phases().forEach((g, phase) -> graphs.add(g + ": " + phase.wireName()));
        String seq = o.deploymentId() == null ? "?" : o.deploymentId().sequenceText();
        return new DeploymentRow(o.id(), seq, Tagged.danger("outstanding"), o.acceptedAt(), o.authority().describe(), "–",
                String.join("; ", graphs), o.inputDigest(), true);
    }

    /** {@code __cluster/resources/deployment/<digest>.json} */
    public String bundleKey() {
        return ClusterLayout.RESOURCES + "deployment/" + bundleDigest + ".json";
    }

    public String acceptedText() {
        return Times.of(acceptedAt);
    }

    /** "#3 · 2026-10-09 08:30:12 UTC · converged", for pickers. */
    public String label() {
        return "#" + sequence + " · " + acceptedText() + " · " + state.text();
    }

    @Override
    public String toString() {
        return label();
    }
}
