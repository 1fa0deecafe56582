package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.gc.CatalogGc;
import dev.omnigraph.console.cluster.gc.GcCandidate;
import dev.omnigraph.console.cluster.gc.GcPlan;
import dev.omnigraph.console.cluster.gc.GcResult;
import dev.omnigraph.console.cluster.gc.KeptBlob;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code catalog gc}: lists orphaned catalog blobs (dry run, the default); with {@code --delete},
 * deletes them under the cluster lock after the admin types the cluster name (or {@code --yes}).
 */
@Command(name = "gc", description = "list orphaned catalog blobs (dry run); --delete removes them under the cluster lock",
        customSynopsis = "omnigraph-console catalog gc (--root URI | --config DIR) [--delete [--yes]] [--json] [S3 options]",
        footer = {"",
            "Orphans are blobs that neither the ledger, a pending approval nor a recovery sidecar refers to.",
            "On an OmniGraph v0.13 root (ledger v2) the outstanding deployment and every retained receipt",
            "also keep what they were accepted from and captured; deployment bundles are never collected,",
            "and an unreadable bundle blocks the run. Deleting takes the cluster lock (operation catalog-gc),",
            "re-reads the ledger under it, never deletes a blob that became referenced, deletes",
            "conditionally, and releases the lock. A held lock refuses the run; on a v0.13 root it says what",
            "the lock means (a serve lock: a server owns the root) and never breaks it."})
final class CatalogGcCommand extends CliCommand {
    @Option(names = "--delete", description = "delete the listed blobs (asks you to type the cluster name)")
    boolean delete;

    @Option(names = "--yes", description = "confirm without the prompt (scripts; required with --json --delete)")
    boolean yes;

    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    CatalogGcCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        boolean json = output.json;
        if (yes && !delete) {
            throw new UsageException("--yes confirms --delete; without --delete this is a dry run");
        }
        if (json && delete && !yes) {
            throw new UsageException("--json --delete needs --yes (there is no prompt in JSON mode)");
        }
        RootOptions.Resolved root = cluster.resolve(ctx);
        try (ObjectStore store = root.open()) {
            GcPlan plan = CatalogGc.plan(store, root.location(), Progress.NONE);
            if (!delete) {
                if (json) {
                    Json.print(ctx.out(), planJson(plan));
                } else {
                    printPlan(ctx, plan);
                    if (plan.blockers().isEmpty() && !plan.candidates().isEmpty()) {
                        ctx.out().println("Dry run: nothing was deleted. Add --delete to remove them.");
                    }
                }
                return plan.blockers().isEmpty() ? CliMain.OK : CliMain.FINDINGS;
            }
            if (!json) {
                printPlan(ctx, plan);
            }
            if (!plan.blockers().isEmpty()) {
                return finish(ctx, json, plan, CatalogGc.execute(store, plan, false, Progress.NONE));
            }
            if (plan.candidates().isEmpty()) {
                return finish(ctx, json, plan, CatalogGc.execute(store, plan, false, Progress.NONE));
            }
            if (!yes && !confirmed(ctx, plan)) {
                ctx.err().println("Not confirmed: nothing was deleted.");
                return CliMain.FINDINGS;
            }
            GcResult result = CatalogGc.execute(store, plan, dev.omnigraph.console.cluster.LockService.conditionalDeleteTrustedWithoutProbe(store), Progress.NONE);
            return finish(ctx, json, plan, result);
        }
    }

    private static boolean confirmed(CliContext ctx, GcPlan plan) throws IOException {
        ctx.err().print("This deletes the " + plan.candidates().size() + " blob(s) listed above (" + Format.bytes(plan.candidateBytes())
                + ") from " + plan.location().root().display() + ".\nType the cluster name '" + plan.confirmationPhrase()
                + "' to delete them: ");
        ctx.err().flush();
        String line = ctx.in().readLine();
        return line != null && line.trim().equals(plan.confirmationPhrase());
    }

    private static int finish(CliContext ctx, boolean json, GcPlan plan, GcResult result) {
        if (json) {
            Map<String, Object> out = planJson(plan);
            out.put("ok", result.outcome() == GcResult.Outcome.COMPLETED || result.outcome() == GcResult.Outcome.NOTHING_TO_DELETE);
            out.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
            out.put("deleted", result.deleted().stream().map(d -> Map.of("key", d.key(), "size", d.size(), "conditional", d.conditional())).toList());
            out.put("skipped", result.skipped().stream().map(s -> Map.of("key", s.key(), "reason", s.reason())).toList());
            out.put("restored", result.restored());
            out.put("bytes_freed", result.bytesFreed());
            out.put("lock_id", result.lockId().orElse(null));
            out.put("lock_released", result.lockReleased());
            out.put("message", result.message());
            Json.print(ctx.out(), out);
        } else {
            for (GcResult.Deleted d : result.deleted()) {
                ctx.out().printf(Locale.ROOT, "deleted  %s (%s, %s)%n", d.key(), Format.bytes(d.size()),
                        d.conditional() ? "conditional delete" : "re-read unchanged, then deleted");
            }
            for (GcResult.Skipped s : result.skipped()) {
                ctx.out().printf(Locale.ROOT, "skipped  %s: %s%n", s.key(), s.reason());
            }
            for (String r : result.restored()) {
                ctx.out().printf(Locale.ROOT, "restored %s: it became referenced while the GC ran%n", r);
            }
            (result.outcome() == GcResult.Outcome.COMPLETED || result.outcome() == GcResult.Outcome.NOTHING_TO_DELETE
                    ? ctx.out() : ctx.err()).println(result.message());
        }
        return switch (result.outcome()) {
            case COMPLETED, NOTHING_TO_DELETE -> result.lockReleased() || result.lockId().isEmpty() ? CliMain.OK : CliMain.FINDINGS;
            default -> CliMain.FINDINGS;
        };
    }

    private static void printPlan(CliContext ctx, GcPlan plan) {
        var out = ctx.out();
        out.println("Cluster   " + plan.location().name() + "  (" + plan.location().root().display() + ")");
        out.println("Ledger    " + plan.ledgerCas().orElse("none"));
        for (String b : plan.blockers()) {
            out.println("Blocked   " + b);
        }
        plan.lockHolder().ifPresent(h -> out.println("Lock      held by " + h + ": deleting needs the lock"));
        out.println("Orphans   " + plan.candidates().size() + " to delete (" + Format.bytes(plan.candidateBytes()) + "), "
                + plan.kept().size() + " kept");
        for (GcCandidate c : plan.candidates()) {
            out.printf(Locale.ROOT, "  delete  %-10s %s%n", Format.bytes(c.size()), c.key());
        }
        for (KeptBlob k : plan.kept()) {
            out.printf(Locale.ROOT, "  keep    %-10s %s%n          %s%n", Format.bytes(k.size()), k.key(), k.reason());
        }
    }

    private static Map<String, Object> planJson(GcPlan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", plan.blockers().isEmpty());
        out.put("root", plan.location().root().display());
        out.put("ledger_cas", plan.ledgerCas().orElse(null));
        out.put("blockers", plan.blockers());
        out.put("lock_holder", plan.lockHolder().orElse(null));
        out.put("candidate_bytes", plan.candidateBytes());
        out.put("candidates", plan.candidates().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", c.key());
            m.put("address", c.address());
            m.put("digest", c.digest());
            m.put("size", c.size());
            return m;
        }).toList());
        out.put("kept", plan.kept().stream().map(k -> Map.of("key", k.key(), "size", k.size(), "reason", k.reason())).toList());
        return out;
    }
}
