package dev.omnigraph.console.ui.history;

import dev.omnigraph.console.cluster.diff.ChangeKind;
import dev.omnigraph.console.cluster.diff.FieldChange;
import dev.omnigraph.console.cluster.diff.LedgerDiffReport;
import dev.omnigraph.console.cluster.diff.RecordChange;
import dev.omnigraph.console.cluster.diff.RecordSection;
import dev.omnigraph.console.cluster.diff.ResourceChange;
import dev.omnigraph.console.cluster.diff.StructuralDiff;
import dev.omnigraph.console.ui.common.Tagged;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the side-by-side structural diff: an entry (a resource address, a record key, the
 * revision), one of its fields, and its value in A and in B ({@code (absent)} when a side lacks it).
 *
 * @param section "Ledger", "Resources", "Approval records", "Recovery records" or "Observations"
 */
public record DiffRow(String section, String entry, ChangeKind change, String field, String before, String after) {

    /** The change as a coloured tag: added green, removed red, changed amber. */
    public Tagged tag() {
        return switch (change) {
            case ADDED -> Tagged.ok("added");
            case REMOVED -> Tagged.danger("removed");
            case CHANGED -> Tagged.warn("changed");
        };
    }

    /** Flattens a structural diff, in the order the CLI prints it. */
    public static List<DiffRow> of(StructuralDiff s) {
        List<DiffRow> out = new ArrayList<>();
        if (s.revision().changed()) {
            out.add(new DiffRow("Ledger", "state_revision", ChangeKind.CHANGED, "",
                    text(s.revision().before()), text(s.revision().after())));
        }
        if (s.configDigest().changed()) {
            out.add(new DiffRow("Ledger", "applied config digest", ChangeKind.CHANGED, "",
                    text(s.configDigest().before()), text(s.configDigest().after())));
        }
        for (ResourceChange r : s.resources()) {
            fields(out, "Resources", r.address(), r.change(), r.fields());
        }
        for (RecordSection section : RecordSection.values()) {
            for (RecordChange r : s.records(section)) {
                fields(out, section.title(), r.key(), r.change(), r.fields());
            }
        }
        return List.copyOf(out);
    }

    private static void fields(List<DiffRow> out, String section, String entry, ChangeKind change, List<FieldChange> fields) {
        if (fields.isEmpty()) {
            out.add(new DiffRow(section, entry, change, "", change == ChangeKind.ADDED ? ABSENT : "present",
                    change == ChangeKind.REMOVED ? ABSENT : "present"));
            return;
        }
        for (FieldChange f : fields) {
            out.add(new DiffRow(section, entry, change, f.field().isEmpty() ? "value" : f.field(),
                    f.before() == null ? ABSENT : LedgerDiffReport.shorten(f.before()),
                    f.after() == null ? ABSENT : LedgerDiffReport.shorten(f.after())));
        }
    }

    static final String ABSENT = "(absent)";

    private static String text(Object value) {
        return value == null ? ABSENT : LedgerDiffReport.shorten(value.toString());
    }
}
