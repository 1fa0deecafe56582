package dev.omnigraph.console.cluster.diff;

import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.LedgerGeneration;
import dev.omnigraph.console.cluster.model.OutstandingDeployment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What putting an older ledger back breaks when either side is ledger v2 (v0.13 spec §2.7, §2.9,
 * §10): OmniGraph documents only "restore a trusted cluster-state backup together with the graph
 * roots from the same point in time" and "do not hand-edit the ledger".
 */
final class V2RestoreRisks {

    private V2RestoreRisks() {
    }

    static void add(List<String> out, Ledger current, Ledger older) {
        if (!current.generation().isV2() && !older.generation().isV2()) {
            return;
        }
        out.add("OmniGraph v0.13 documents one way back: restore a trusted cluster-state backup together with the graph roots "
                + "(and the deployment bundles) from the same point in time, with every writer stopped; it never supports "
                + "hand-editing the ledger.");
        if (current.generation().isV2() && older.generation() == LedgerGeneration.V1) {
            out.add("The older copy is a v1 ledger: v0.13 serves nothing from it (ledger_upgrade_required) until "
                    + "`cluster upgrade-ledger --writers-stopped` converts it again, under a new ledger id.");
        }
        if (older.generation() == LedgerGeneration.V2_V012_SHAPE) {
            out.add("The older copy is in the v0.12 shape: v0.13 refuses it (ledger_upgrade_required) until upgrade-ledger runs.");
        }
        if (!Objects.equals(current.ledgerId(), older.ledgerId()) && older.ledgerId().isPresent()) {
            out.add("The ledger id changes from " + current.ledgerId().orElse("(none)") + " to " + older.ledgerId().get()
                    + ": every deployment id of the current ledger answers different_ledger afterwards.");
        }
        long now = current.nextSequence().orElse(0);
        long then = older.nextSequence().orElse(0);
        if (older.ledgerId().equals(current.ledgerId()) && Long.compareUnsigned(then, now) < 0) {
            out.add("next_sequence goes back from " + Long.toUnsignedString(now) + " to " + Long.toUnsignedString(then)
                    + ": the next deployments reuse sequence numbers already used, so looking up the old ids answers "
                    + "identity_mismatch, and their receipts are lost.");
        }
        if (Long.compareUnsigned(older.stateRevision(), current.stateRevision()) < 0) {
            out.add("state_revision goes back from " + Long.toUnsignedString(current.stateRevision()) + " to "
                    + Long.toUnsignedString(older.stateRevision()) + ": the next ledger replacement reuses revision numbers "
                    + "(the state_cas stays unique). Do not edit the restored file to change that: v2 ledgers are never hand-edited.");
        }
        outstanding(out, current.outstanding(), older.outstanding());
        if (!current.schemaContracts().equals(older.schemaContracts())) {
            out.add("The applied schema contracts differ (graphs " + String.join(", ", changedGraphs(current, older))
                    + "): unless those graph roots are restored from the same point in time, the next deployment refuses "
                    + "with applied_schema_drift and serving compares the wrong identities.");
        }
    }

    private static void outstanding(List<String> out, Optional<OutstandingDeployment> current, Optional<OutstandingDeployment> older) {
        current.filter(c -> older.map(o -> !o.id().equals(c.id())).orElse(true)).ifPresent(c -> out.add(
                "The current outstanding deployment " + c.id() + " would be forgotten while its effects may have started "
                        + "(" + phases(c) + "): reconcile it first with `" + c.reconcileCommand() + "`."));
        older.filter(o -> current.map(c -> !c.id().equals(o.id())).orElse(true)).ifPresent(o -> out.add(
                "The restored ledger has outstanding deployment " + o.id() + ": serving and every deployment refuse "
                        + "(cluster_deployment_outstanding) until it is reconciled, which needs its bundle "
                        + o.inputDigest() + " and the same canonical root."));
    }

    private static String phases(OutstandingDeployment o) {
        List<String> parts = new java.util.ArrayList<>();
        o.phases().forEach((g, p) -> parts.add(g + " " + p.wireName()));
        return String.join(", ", parts);
    }

    private static List<String> changedGraphs(Ledger a, Ledger b) {
        java.util.Set<String> graphs = new java.util.TreeSet<>(a.schemaContracts().keySet());
        graphs.addAll(b.schemaContracts().keySet());
        return graphs.stream().filter(g -> !Objects.equals(a.schemaContracts().get(g), b.schemaContracts().get(g))).toList();
    }
}
