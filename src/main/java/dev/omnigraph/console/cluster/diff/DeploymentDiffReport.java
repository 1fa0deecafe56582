package dev.omnigraph.console.cluster.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text and JSON for the ledger v2 part of a structural diff ({@link DeploymentDiff}). */
final class DeploymentDiffReport {

    private DeploymentDiffReport() {
    }

    static void text(StringBuilder out, DeploymentDiff d) {
        if (d.generation().before().equals("v1") && d.generation().after().equals("v1")) {
            return;
        }
        line(out, "Generation", d.generation().before(), d.generation().after());
        line(out, "Ledger id", d.ledgerId().before(), d.ledgerId().after());
        line(out, "Next sequence", d.nextSequence().before(), d.nextSequence().after());
        line(out, "Result revision", d.resultRevision().before(), d.resultRevision().after());
        out.append(String.format(Locale.ROOT, "%-16s %s%n", "Contracts", d.contracts().isEmpty() ? "unchanged"
                : d.contracts().size() + " changed"));
        for (DeploymentDiff.ContractChange c : d.contracts()) {
            out.append("  ").append(c.change().symbol()).append(' ').append(c.graph()).append('\n');
            out.append("      ").append(LedgerDiffReport.shorten(c.before())).append(" → ")
                    .append(LedgerDiffReport.shorten(c.after())).append('\n');
        }
        out.append(String.format(Locale.ROOT, "%-16s %s%n", "Deployments", d.deployments().isEmpty() ? "unchanged"
                : d.deployments().size() + " changed"));
        for (DeploymentDiff.DeploymentChange c : d.deployments()) {
            out.append("  ").append(c.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(c.id()).append('\n');
            out.append("      ").append(LedgerDiffReport.shorten(c.detail())).append('\n');
        }
    }

    private static void line(StringBuilder out, String label, Object before, Object after) {
        String x = before == null ? "(none)" : before.toString();
        String y = after == null ? "(none)" : after.toString();
        out.append(String.format(Locale.ROOT, "%-16s %s%n", label, x.equals(y) ? x + " (unchanged)" : x + " → " + y));
    }

    static Map<String, Object> json(DeploymentDiff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", compared(d.generation()));
        m.put("ledger_id", compared(d.ledgerId()));
        m.put("next_sequence", compared(d.nextSequence()));
        m.put("result_revision", compared(d.resultRevision()));
        List<Object> contracts = new ArrayList<>();
        for (DeploymentDiff.ContractChange c : d.contracts()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("graph", c.graph());
            x.put("change", c.change().name().toLowerCase(Locale.ROOT));
            x.put("before", c.before());
            x.put("after", c.after());
            contracts.add(x);
        }
        m.put("schema_contracts", contracts);
        List<Object> deployments = new ArrayList<>();
        for (DeploymentDiff.DeploymentChange c : d.deployments()) {
            deployments.add(Map.of("id", c.id(), "change", c.kind().name().toLowerCase(Locale.ROOT), "detail", c.detail()));
        }
        m.put("deployments", deployments);
        return m;
    }

    private static Map<String, Object> compared(Compared<?> c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", c.before());
        m.put("after", c.after());
        m.put("changed", c.changed());
        return m;
    }
}
