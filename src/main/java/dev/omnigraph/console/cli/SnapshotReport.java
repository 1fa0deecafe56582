package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ApprovalEntry;
import dev.omnigraph.console.cluster.CatalogEntry;
import dev.omnigraph.console.cluster.ClusterSnapshot;
import dev.omnigraph.console.cluster.GraphSummary;
import dev.omnigraph.console.cluster.LedgerState;
import dev.omnigraph.console.cluster.LockState;
import dev.omnigraph.console.cluster.RecoveryEntry;
import dev.omnigraph.console.cluster.SidecarImpact;
import dev.omnigraph.console.cluster.model.ApprovalArtifact;
import dev.omnigraph.console.cluster.model.ApprovalState;
import dev.omnigraph.console.cluster.model.Diagnostic;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.cluster.model.ResourceStatusRecord;
import dev.omnigraph.console.common.Format;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders a {@link ClusterSnapshot} for {@code status}: text for people, a JSON tree for machines. */
final class SnapshotReport {
    private SnapshotReport() {}

    static void print(PrintStream out, ClusterSnapshot s) {
        out.println("Cluster    " + s.location().name() + "  (" + s.location().root().display() + ")");
        printLedger(out, s);
        GenerationReport.print(out, s);
        printLock(out, s);
        GenerationReport.printLock(out, s);
        printApprovals(out, s);
        printRecoveries(out, s);
        printCatalog(out, s);
        out.println("Graphs     " + s.graphs().size() + " roots, " + Format.count(s.graphObjects()) + " objects, " + Format.bytes(s.graphBytes()));
        for (GraphSummary g : s.graphs()) {
            out.printf("           %-16s %-13s %8s objects %10s  %d tables%n", g.id(), g.linkage().name().toLowerCase(Locale.ROOT),
                    Format.count(g.objects()), Format.bytes(g.bytes()), g.tables().size());
        }
        if (!s.diagnostics().isEmpty()) {
            out.println("Findings");
            for (Diagnostic d : s.diagnostics()) {
                out.println("  [" + d.severity().wireName() + "] " + d.code() + " (" + d.path() + "): " + d.message());
            }
        }
        out.println("Read in " + Format.seconds(s.took()) + " (" + Format.count(s.objectsListed()) + " objects listed)");
    }

    private static void printLedger(PrintStream out, ClusterSnapshot s) {
        switch (s.ledger()) {
            case LedgerState.Present p -> {
                Ledger l = p.ledger();
                Map<String, Integer> byStatus = statusCounts(l);
                out.println("Ledger     revision " + l.stateRevision() + ", " + l.resources().size() + " resources " + byStatus
                        + ", config " + Format.shortDigest(l.configDigest()));
                out.println("           cas " + l.cas() + ", token " + p.token());
            }
            case LedgerState.Missing m -> out.println("Ledger     none (" + "__cluster/state.json absent)");
            case LedgerState.Unreadable u -> out.println("Ledger     UNREADABLE: " + u.diagnostic().code() + ": " + u.diagnostic().message());
        }
    }

    private static void printLock(PrintStream out, ClusterSnapshot s) {
        switch (s.lock()) {
            case LockState.Free f -> out.println("Lock       free");
            case LockState.Held h -> out.println("Lock       HELD by " + h.lock().operation() + " for "
                    + (h.ageSeconds().isPresent() ? Format.duration(h.ageSeconds().getAsLong()) : "an unknown time")
                    + " (since " + h.lock().createdAt() + ", pid " + h.lock().pid() + ", id " + h.lock().lockId() + ")");
            case LockState.Unreadable u -> out.println("Lock       PRESENT BUT UNREADABLE: " + u.diagnostic().code() + ": " + u.diagnostic().message());
        }
    }

    private static void printApprovals(PrintStream out, ClusterSnapshot s) {
        long pending = s.pendingApprovals().size();
        long consumed = s.approvals().stream().filter(a -> a.parse().artifact().map(x -> x.state() == ApprovalState.CONSUMED).orElse(false)).count();
        long invalid = s.approvals().stream().filter(a -> !a.parse().isValid()).count();
        out.println("Approvals  " + pending + " pending, " + consumed + " consumed, " + invalid + " invalid");
        s.approvals().stream().filter(a -> !a.parse().isValid()).forEach(a -> out.println("           INVALID " + a.key() + ": "
                + a.parse().diagnostics().get(0).code() + ": " + a.parse().diagnostics().get(0).message()));
    }

    private static void printRecoveries(PrintStream out, ClusterSnapshot s) {
        if (s.recoveries().isEmpty()) {
            out.println("Recovery   no sidecars");
        }
        for (RecoveryEntry r : s.recoveries()) {
            r.parse().artifact().ifPresentOrElse(sc -> {
                SidecarImpact impact = SidecarImpact.of(sc, s.ledgerIfPresent());
                out.println("Recovery   " + sc.kind().wireName() + " of graph " + sc.graphId() + " since " + sc.startedAt()
                        + " (" + sc.operationId() + "), blocks " + String.join(", ", impact.blockedAddresses()));
            }, () -> out.println("Recovery   INVALID sidecar " + r.key() + ": " + r.parse().diagnostics().get(0).code() + ": "
                    + r.parse().diagnostics().get(0).message()));
        }
    }

    private static void printCatalog(PrintStream out, ClusterSnapshot s) {
        if (!s.catalog().bundles().isEmpty()) {
            out.println("Bundles    " + s.catalog().bundles().size() + " deployment bundles ("
                    + s.catalog().bundles().stream().filter(e -> e.reference() == CatalogEntry.Reference.LIVE).count() + " referenced, "
                    + s.catalog().bundles().stream().filter(e -> e.reference() == CatalogEntry.Reference.ORPHAN).count() + " orphan, "
                    + s.catalog().missingBundles().size() + " missing)");
        }
        out.println("Catalog    " + s.catalog().entries().size() + " objects (" + s.catalog().count(CatalogEntry.Reference.LIVE) + " live, "
                + s.catalog().count(CatalogEntry.Reference.ORPHAN) + " orphan, " + s.catalog().count(CatalogEntry.Reference.MISSING)
                + " missing), " + Format.bytes(s.catalog().bytes()) + "; run 'catalog verify' to hash them");
    }

    private static Map<String, Integer> statusCounts(Ledger l) {
        Map<String, Integer> m = new TreeMap<>();
        for (ResourceStatusRecord r : l.resourceStatuses().values()) {
            m.merge(r.status().wireName(), 1, Integer::sum);
        }
        return m;
    }

    static Map<String, Object> toJson(ClusterSnapshot s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", s.diagnostics().stream().noneMatch(Diagnostic::isError));
        out.put("name", s.location().name());
        out.put("root", s.location().root().display());
        out.put("storage", s.location().root().kind());
        out.put("ledger", ledgerJson(s));
        out.put("lock", lockJson(s));
        GenerationReport.addJson(out, s);
        out.put("approvals", s.approvals().stream().map(a -> approvalJson(s, a)).toList());
        out.put("recovery_sidecars", s.recoveries().stream().map(r -> sidecarJson(s, r)).toList());
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("payloads", s.catalog().entries().size());
        catalog.put("live", s.catalog().count(CatalogEntry.Reference.LIVE));
        catalog.put("orphan", s.catalog().count(CatalogEntry.Reference.ORPHAN));
        catalog.put("missing", s.catalog().count(CatalogEntry.Reference.MISSING));
        catalog.put("bytes", s.catalog().bytes());
        out.put("catalog", catalog);
        out.put("graphs", s.graphs().stream().map(SnapshotReport::graphJson).toList());
        out.put("diagnostics", s.diagnostics().stream().map(SnapshotReport::diag).toList());
        out.put("read_seconds", s.took().toNanos() / 1e9);
        out.put("objects_listed", s.objectsListed());
        return out;
    }

    private static Map<String, Object> ledgerJson(ClusterSnapshot s) {
        Map<String, Object> ledger = new LinkedHashMap<>();
        switch (s.ledger()) {
            case LedgerState.Present p -> {
                ledger.put("found", true);
                ledger.put("state_revision", p.ledger().stateRevision());
                ledger.put("state_cas", p.ledger().cas());
                ledger.put("token", p.token());
                ledger.put("applied_config_digest", p.ledger().configDigest());
                ledger.put("resource_count", p.ledger().resources().size());
                Map<String, Object> statuses = new TreeMap<>();
                p.ledger().resourceStatuses().forEach((k, v) -> statuses.put(k, v.status().wireName()));
                ledger.put("resource_statuses", statuses);
                GenerationReport.addLedgerJson(ledger, p.ledger());
            }
            case LedgerState.Missing m -> ledger.put("found", false);
            case LedgerState.Unreadable u -> {
                ledger.put("found", true);
                ledger.put("error", diag(u.diagnostic()));
            }
        }
        return ledger;
    }

    private static Map<String, Object> lockJson(ClusterSnapshot s) {
        Map<String, Object> lock = new LinkedHashMap<>();
        switch (s.lock()) {
            case LockState.Free f -> lock.put("locked", false);
            case LockState.Held h -> {
                lock.put("locked", true);
                lock.put("lock_id", h.lock().lockId());
                lock.put("lock_operation", h.lock().operation());
                lock.put("lock_created_at", h.lock().createdAt());
                lock.put("lock_pid", h.lock().pid());
                if (h.ageSeconds().isPresent()) {
                    lock.put("lock_age_seconds", h.ageSeconds().getAsLong());
                }
            }
            case LockState.Unreadable u -> {
                lock.put("locked", true);
                lock.put("error", diag(u.diagnostic()));
            }
        }
        return lock;
    }

    private static Map<String, Object> approvalJson(ClusterSnapshot s, ApprovalEntry a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", a.key());
        if (a.parse().artifact().isPresent()) {
            ApprovalArtifact x = a.parse().artifact().get();
            m.put("approval_id", x.approvalId());
            m.put("state", s.isV2() ? "legacy" : x.state().name().toLowerCase(Locale.ROOT));
            m.put("resource", x.resource());
            m.put("operation", x.operation());
            m.put("approved_by", x.approvedBy());
            m.put("created_at", x.createdAt());
            m.put("consumed_at", x.consumedAt());
        } else {
            m.put("state", "invalid");
            m.put("error", diag(a.parse().diagnostics().get(0)));
        }
        return m;
    }

    private static Map<String, Object> sidecarJson(ClusterSnapshot s, RecoveryEntry r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.key());
        r.parse().artifact().ifPresentOrElse(sc -> {
            SidecarImpact impact = SidecarImpact.of(sc, s.ledgerIfPresent());
            m.put("operation_id", sc.operationId());
            m.put("kind", sc.kind().wireName());
            m.put("graph_id", sc.graphId());
            m.put("started_at", sc.startedAt());
            m.put("actor", sc.actor());
            m.put("blocks", impact.blockedAddresses());
            m.put("state_cas_base_is_current", impact.ledgerUnchangedSince().orElse(null));
        }, () -> m.put("error", diag(r.parse().diagnostics().get(0))));
        return m;
    }

    private static Map<String, Object> graphJson(GraphSummary g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("linkage", g.linkage().name().toLowerCase(Locale.ROOT));
        m.put("objects", g.objects());
        m.put("bytes", g.bytes());
        m.put("last_modified", g.objects() == 0 ? null : g.lastModified().toString());
        m.put("tables", g.tables().size());
        return m;
    }

    static Map<String, Object> diag(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("severity", d.severity().wireName());
        m.put("path", d.path());
        m.put("message", d.message());
        return m;
    }
}
