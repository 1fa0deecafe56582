package dev.omnigraph.console.cli;

import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.CheckItem;
import dev.omnigraph.console.migrate.CopyResult;
import dev.omnigraph.console.migrate.CutoverResult;
import dev.omnigraph.console.migrate.DestinationCheck;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.migrate.PreflightReport;
import dev.omnigraph.console.migrate.VerifyReport;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code migrate-storage} prints each phase's result: sentences for people, maps for {@code --json}. */
final class MigrationText {
    private static final int LISTED_ON_TERMINAL = 20;

    private MigrationText() {}

    static void checks(PrintStream out, String title, List<CheckItem> items) {
        out.println(title);
        for (CheckItem i : items) {
            out.printf("  %-8s %-20s %s%n", "[" + i.verdict().name().toLowerCase(Locale.ROOT) + "]", i.name(), i.message());
            i.details().stream().limit(LISTED_ON_TERMINAL).forEach(d -> out.println("           - " + d));
            if (i.details().size() > LISTED_ON_TERMINAL) {
                out.println("           … and " + (i.details().size() - LISTED_ON_TERMINAL) + " more");
            }
        }
    }

    static void plan(PrintStream out, MigrationPlan plan) {
        out.println("Plan");
        line(out, "in scope at the source", plan.sourceObjects());
        line(out, "to copy", plan.copy());
        line(out, "already identical (skip)", plan.identical());
        line(out, "to replace (If-Match)", plan.overwrite());
        line(out, "destination-only (left alone)", plan.extras());
        out.println("  " + (plan.serverSide() ? "copied server-side (both roots on one S3 endpoint)" : "streamed through this machine")
                + "; rough estimate " + (plan.estimate().toSeconds() < 1 ? "under a second" : Format.duration(plan.estimate())));
        listed(out, "replaced because they differ", plan.overwrites());
        listed(out, "only at the destination", plan.extraObjects());
        plan.notes().forEach(n -> out.println("  note: " + n));
        plan.blocking().forEach(b -> out.println("  blocked: " + b));
    }

    private static void line(PrintStream out, String what, MigrationPlan.Totals t) {
        out.printf("  %-32s %10s objects  %10s%n", what, Format.count(t.objects()), Format.bytes(t.bytes()));
    }

    private static void listed(PrintStream out, String title, List<MigrationPlan.Listed> items) {
        if (items.isEmpty()) {
            return;
        }
        out.println("  " + title + ":");
        items.stream().limit(LISTED_ON_TERMINAL).forEach(l -> out.println("    " + l.key() + " (" + Format.bytes(l.size()) + "): " + l.reason()));
        if (items.size() > LISTED_ON_TERMINAL) {
            out.println("    … and more (see --json or the report)");
        }
    }

    static void copy(PrintStream out, CopyResult c) {
        out.printf("Copy: %s object(s), %s in %s (%s, %.0f objects/s); %s server-side, %s already there, %s retries, %s failed%n",
                Format.count(c.copied()), Format.bytes(c.copiedBytes()), Format.seconds(c.took()), Format.rate(c.bytesPerSecond()),
                c.objectsPerSecond(), Format.count(c.serverSide()), Format.count(c.alreadyThere()), Format.count(c.retries()),
                Format.count(c.failed()));
        c.failures().stream().limit(LISTED_ON_TERMINAL).forEach(f -> out.println("  failed: " + f));
    }

    static void verify(PrintStream out, VerifyReport v) {
        out.printf("Verify%s: %s object(s), %s checked in %s; %s mismatch(es); %s destination-only%n", v.deep() ? " (deep)" : "",
                Format.count(v.checked()), Format.bytes(v.bytes()), Format.seconds(v.took()), Format.count(v.mismatches()), Format.count(v.extras()));
        v.problems().stream().limit(LISTED_ON_TERMINAL).forEach(p -> out.println("  mismatch: " + p));
    }

    static Map<String, Object> json(DestinationCheck.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", r.ok());
        m.put("checks", checks(r.items()));
        return m;
    }

    static Map<String, Object> json(PreflightReport p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", p.ok());
        m.put("already_done", p.alreadyDone());
        m.put("source_state_cas", p.ledger().map(l -> l.cas()).orElse(null));
        m.put("lock_id", p.lock().map(l -> l.lockId()).orElse(null));
        m.put("checks", checks(p.items()));
        return m;
    }

    static List<Map<String, Object>> checks(List<CheckItem> items) {
        return items.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("verdict", i.verdict().name().toLowerCase(Locale.ROOT));
            m.put("message", i.message());
            m.put("details", i.details());
            return m;
        }).toList();
    }

    static Map<String, Object> json(MigrationPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", p.ok());
        m.put("source", totals(p.sourceObjects()));
        m.put("copy", totals(p.copy()));
        m.put("identical", totals(p.identical()));
        m.put("overwrite", totals(p.overwrite()));
        m.put("extras", totals(p.extras()));
        m.put("server_side", p.serverSide());
        m.put("estimate_seconds", p.estimate().toSeconds());
        m.put("overwrites", p.overwrites().stream().map(l -> Map.of("key", l.key(), "size", l.size(), "reason", l.reason())).toList());
        m.put("destination_only", p.extraObjects().stream().map(l -> Map.of("key", l.key(), "size", l.size(), "reason", l.reason())).toList());
        m.put("blocking", p.blocking());
        m.put("notes", p.notes());
        return m;
    }

    private static Map<String, Object> totals(MigrationPlan.Totals t) {
        return Map.of("objects", t.objects(), "bytes", t.bytes());
    }

    static Map<String, Object> json(CopyResult c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", c.ok());
        m.put("status", c.status().name().toLowerCase(Locale.ROOT));
        m.put("copied", c.copied());
        m.put("copied_bytes", c.copiedBytes());
        m.put("server_side", c.serverSide());
        m.put("already_there", c.alreadyThere());
        m.put("failed", c.failed());
        m.put("retries", c.retries());
        m.put("seconds", c.took().toMillis() / 1000.0);
        m.put("failures", c.failures());
        return m;
    }

    static Map<String, Object> json(VerifyReport v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", v.ok());
        m.put("deep", v.deep());
        m.put("checked", v.checked());
        m.put("mismatches", v.mismatches());
        m.put("problems", v.problems());
        m.put("destination_only", v.extras());
        m.put("tree_digest", v.treeDigest());
        return m;
    }

    static Map<String, Object> json(CutoverResult c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", c.status().name().toLowerCase(Locale.ROOT));
        m.put("message", c.message());
        m.put("state_cas", c.ledgerCas());
        m.put("warnings", c.warnings());
        c.sourceLock().ifPresent(l -> {
            Map<String, Object> lock = new LinkedHashMap<>();
            lock.put("operation", "migrated");
            lock.put("lock_id", l.lockId().orElse(null));
            lock.put("undo", l.undo());
            lock.put("problem", l.problem().orElse(null));
            m.put("source_lock", lock);
        });
        return m;
    }
}
