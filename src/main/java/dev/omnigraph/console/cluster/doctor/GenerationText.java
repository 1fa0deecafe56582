package dev.omnigraph.console.cluster.doctor;

import java.util.LinkedHashMap;
import java.util.Map;

/** Text and JSON of a {@link GenerationView}, for the doctor's CLI output and the window's copy. */
final class GenerationText {
    private GenerationText() {}

    static void append(StringBuilder out, GenerationView g) {
        out.append("Ledger    ").append(g.label()).append('\n');
        out.append("Releases  ").append(g.servingReleases().isEmpty() ? "none" : String.join(", ", g.servingReleases()))
                .append(" — ").append(g.servedBy()).append('\n');
        for (String fact : g.facts()) {
            out.append("          ").append(fact).append('\n');
        }
        g.upgrade().ifPresent(u -> {
            out.append("Upgrade   ").append(u.command()).append(": ").append(u.outcome()).append('\n');
            u.willDo().forEach(w -> out.append("          would ").append(w).append('\n'));
            u.blockedBy().forEach(b -> out.append("          blocked by ").append(b).append('\n'));
        });
        for (String h : g.legacyHistory()) {
            out.append("History   ").append(h).append('\n');
        }
    }

    static Map<String, Object> json(GenerationView g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generation", g.generation());
        out.put("label", g.label());
        out.put("serving_releases", g.servingReleases());
        out.put("served_by", g.servedBy());
        out.put("facts", g.facts());
        out.put("upgrade_ledger", g.upgrade().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", u.command());
            m.put("outcome", u.outcome());
            m.put("would", u.willDo());
            m.put("blocked_by", u.blockedBy());
            return (Object) m;
        }).orElse(null));
        out.put("legacy_history", g.legacyHistory());
        return out;
    }
}
