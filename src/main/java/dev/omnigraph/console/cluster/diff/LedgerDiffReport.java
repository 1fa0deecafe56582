package dev.omnigraph.console.cluster.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Text and JSON renderings of a {@link LedgerDiff}, shared by the CLI and the window's copy
 * actions. Text shortens 64-hex digests to 12 characters; JSON keeps every value whole.
 */
public final class LedgerDiffReport {
    private LedgerDiffReport() {}

    public static String text(LedgerDiff d, boolean includeRaw) {
        StringBuilder out = new StringBuilder();
        out.append("A  ").append(side(d.a())).append('\n');
        out.append("B  ").append(side(d.b())).append('\n');
        if (d.sameBytes()) {
            out.append("Identical: both sides are the same bytes (").append(d.a().cas()).append(").\n");
            return out.toString();
        }
        if (d.structure().isPresent()) {
            StructuralDiff s = d.structure().get();
            out.append(String.format(Locale.ROOT, "%-16s %s%n", "Revision", compared(s.revision().before(), s.revision().after())));
            out.append(String.format(Locale.ROOT, "%-16s %s%n", "Config digest",
                    compared(s.configDigest().before(), s.configDigest().after())));
            DeploymentDiffReport.text(out, s.deployments());
            out.append(String.format(Locale.ROOT, "%-16s %d added, %d removed, %d changed%n", "Resources",
                    s.count(ChangeKind.ADDED), s.count(ChangeKind.REMOVED), s.count(ChangeKind.CHANGED)));
            for (ResourceChange r : s.resources()) {
                out.append("  ").append(r.change().symbol()).append(' ').append(r.address()).append('\n');
                fields(out, r.change(), r.fields());
            }
            for (RecordSection section : RecordSection.values()) {
                List<RecordChange> changes = s.records(section);
                out.append(String.format(Locale.ROOT, "%-16s %s%n", section.title(), changes.isEmpty() ? "unchanged"
                        : counts(changes)));
                for (RecordChange r : changes) {
                    out.append("  ").append(r.change().symbol()).append(' ').append(r.key()).append('\n');
                    fields(out, r.change(), r.fields());
                }
            }
            if (s.identical()) {
                out.append("The two ledgers mean the same; only their layout differs (see the raw diff).\n");
            }
        } else {
            out.append(d.structureUnavailable().orElse("no structural diff")).append('\n');
        }
        if (includeRaw) {
            out.append("Raw JSON diff (").append(d.raw().removed()).append(" lines removed, ").append(d.raw().added())
                    .append(" added").append(d.raw().collapsed() ? ", too different for a minimal diff" : "").append(")\n");
            out.append("--- A ").append(d.a().origin()).append('\n');
            out.append("+++ B ").append(d.b().origin()).append('\n');
            for (TextDiff.Hunk h : d.raw().hunks()) {
                out.append(h.header()).append('\n');
                for (TextDiff.Line l : h.lines()) {
                    out.append(l.op().prefix()).append(l.text()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String side(LedgerSide s) {
        StringBuilder b = new StringBuilder(s.origin());
        b.append("  ").append(s.cas());
        s.revision().ifPresent(r -> b.append("  revision ").append(Long.toUnsignedString(r)));
        s.time().ifPresent(t -> b.append("  ").append(t));
        b.append("  ").append(s.size()).append(" bytes");
        s.problem().ifPresent(p -> b.append("  NOT A VALID LEDGER (").append(p.code()).append(")"));
        return b.toString();
    }

    private static String compared(Object before, Object after) {
        String x = shorten(before == null ? "null" : before.toString());
        String y = shorten(after == null ? "null" : after.toString());
        return Objects.equals(before, after) ? x + " (unchanged)" : x + " → " + y;
    }

    private static String counts(List<RecordChange> changes) {
        long added = changes.stream().filter(c -> c.change() == ChangeKind.ADDED).count();
        long removed = changes.stream().filter(c -> c.change() == ChangeKind.REMOVED).count();
        long changed = changes.stream().filter(c -> c.change() == ChangeKind.CHANGED).count();
        return added + " added, " + removed + " removed, " + changed + " changed";
    }

    private static void fields(StringBuilder out, ChangeKind kind, List<FieldChange> fields) {
        for (FieldChange f : fields) {
            String name = f.field().isEmpty() ? "value" : f.field();
            String value = switch (kind) {
                case ADDED -> shorten(f.after());
                case REMOVED -> shorten(f.before());
                case CHANGED -> (f.before() == null ? "(absent)" : shorten(f.before())) + " → "
                        + (f.after() == null ? "(absent)" : shorten(f.after()));
            };
            out.append(String.format(Locale.ROOT, "      %-22s %s%n", name, value));
        }
    }

    /** 64-hex digests (optionally sha256:-prefixed) shortened to 12 characters; other text kept. */
    public static String shorten(String value) {
        if (value == null) {
            return "(absent)";
        }
        return value.replaceAll("\\b(sha256:)?([0-9a-f]{12})[0-9a-f]{52}\\b", "$1$2…");
    }

    public static Map<String, Object> json(LedgerDiff d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("a", sideJson(d.a()));
        out.put("b", sideJson(d.b()));
        out.put("same_bytes", d.sameBytes());
        d.structure().ifPresentOrElse(s -> {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("identical", s.identical());
            st.put("state_revision", compared(s.revision()));
            st.put("config_digest", compared(s.configDigest()));
            List<Object> resources = new ArrayList<>();
            for (ResourceChange r : s.resources()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", r.address());
                m.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
                m.put("change", r.change().name().toLowerCase(Locale.ROOT));
                m.put("fields", fieldsJson(r.fields()));
                resources.add(m);
            }
            st.put("resources", resources);
            for (RecordSection section : RecordSection.values()) {
                List<Object> records = new ArrayList<>();
                for (RecordChange r : s.records(section)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", r.key());
                    m.put("change", r.change().name().toLowerCase(Locale.ROOT));
                    m.put("fields", fieldsJson(r.fields()));
                    records.add(m);
                }
                st.put(section.wireName(), records);
            }
            st.put("ledger_v2", DeploymentDiffReport.json(s.deployments()));
            out.put("structure", st);
        }, () -> out.put("structure_unavailable", d.structureUnavailable().orElse("")));
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("lines_removed", d.raw().removed());
        raw.put("lines_added", d.raw().added());
        raw.put("collapsed", d.raw().collapsed());
        List<Object> hunks = new ArrayList<>();
        for (TextDiff.Hunk h : d.raw().hunks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("header", h.header());
            m.put("lines", h.lines().stream().map(l -> l.op().prefix() + l.text()).toList());
            hunks.add(m);
        }
        raw.put("hunks", hunks);
        out.put("raw", raw);
        return out;
    }

    private static Map<String, Object> sideJson(LedgerSide s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", s.origin());
        m.put("state_cas", s.cas());
        m.put("size", s.size());
        m.put("state_revision", s.revision().orElse(null));
        m.put("config_digest", s.configDigest().orElse(null));
        m.put("time", s.time().map(Object::toString).orElse(null));
        s.problem().ifPresent(p -> m.put("problem", Map.of("code", p.code(), "path", p.path(), "message", p.message())));
        return m;
    }

    private static Map<String, Object> compared(Compared<?> c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", c.before());
        m.put("after", c.after());
        m.put("changed", c.changed());
        return m;
    }

    private static List<Object> fieldsJson(List<FieldChange> fields) {
        List<Object> out = new ArrayList<>();
        for (FieldChange f : fields) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", f.field());
            m.put("before", f.before());
            m.put("after", f.after());
            out.add(m);
        }
        return out;
    }
}
