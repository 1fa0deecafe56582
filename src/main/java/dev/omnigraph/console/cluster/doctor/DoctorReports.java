package dev.omnigraph.console.cluster.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text and JSON renderings of a {@link DoctorReport}, shared by the CLI and the window's copy action. */
public final class DoctorReports {
    private DoctorReports() {}

    public static String text(String clusterName, String root, DoctorReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Cluster   ").append(clusterName).append("  (").append(root).append(")\n");
        r.generation().ifPresent(g -> GenerationText.append(out, g));
        out.append("Verdict   omnigraph-server --cluster ").append(root).append(" ").append(r.summary()).append('\n');
        r.firstRefusingStage().ifPresent(s -> out.append("          the server stops at the ").append(s.title())
                .append(" check and reports only that stage's errors; later stages are shown so one pass finds everything\n"));
        if (!r.quarantined().isEmpty()) {
            for (QuarantinedGraph q : r.quarantined()) {
                out.append("          quarantined: ").append(q.graphId()).append(q.applied() ? "" : " (not in the applied revision)")
                        .append(" — ").append(String.join(", ", q.codes())).append('\n');
            }
        }
        out.append("Strict    with --require-all-graphs (or OMNIGRAPH_REQUIRE_ALL_GRAPHS=1) it ")
                .append(r.strictBootRefuses() ? "would refuse" : "would boot the same").append('\n');
        if (r.findings().isEmpty()) {
            out.append("Findings  none\n");
        } else {
            out.append("Findings\n");
            for (DoctorFinding f : r.findings()) {
                out.append(String.format(Locale.ROOT, "  [%s] %s  %s%n", f.severity().label(), f.code(), f.object()));
                out.append("      ").append(f.message()).append('\n');
                out.append("      remedy: ").append(f.remedy()).append('\n');
            }
        }
        out.append("Not checked from storage (the server also checks these at boot):\n");
        for (String n : r.notChecked()) {
            out.append("  - ").append(n).append('\n');
        }
        return out.toString();
    }

    public static Map<String, Object> json(String clusterName, String root, DoctorReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", r.verdict() != BootVerdict.REFUSES);
        out.put("name", clusterName);
        out.put("root", root);
        out.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        out.put("summary", r.summary());
        out.put("first_refusing_stage", r.firstRefusingStage().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null));
        out.put("strict_boot_refuses", r.strictBootRefuses());
        out.put("ledger_cas", r.ledgerCas().orElse(null));
        out.put("served_graphs", r.servedGraphs());
        List<Object> q = new ArrayList<>();
        for (QuarantinedGraph g : r.quarantined()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("graph_id", g.graphId());
            m.put("applied", g.applied());
            m.put("codes", g.codes());
            q.add(m);
        }
        out.put("quarantined_graphs", q);
        List<Object> findings = new ArrayList<>();
        for (DoctorFinding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", f.code());
            m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            m.put("stage", f.stage().name().toLowerCase(Locale.ROOT));
            m.put("object", f.object());
            m.put("graph_id", f.graphId().orElse(null));
            m.put("message", f.message());
            m.put("remedy", f.remedy());
            findings.add(m);
        }
        out.put("findings", findings);
        out.put("not_checked", r.notChecked());
        r.generation().ifPresent(g -> out.put("generation", GenerationText.json(g)));
        return out;
    }
}
