package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.ForceUnlockProcedure;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code force-unlock <LOCK_ID>}: removes the state lock only if it still has exactly that id
 * (upstream's command, with a conditional delete where the server supports one). On a v2 root
 * (OmniGraph v0.13, where a lock is held for its owner's whole life) it first says what the lock
 * means and refuses unless {@code --owner-stopped} confirms the owner is stopped (spec §5.4); a
 * post-v0.13 released record is never deleted. Afterwards it prints what to do next.
 */
@Command(name = "force-unlock", description = "remove the cluster lock, only if it still has exactly the given id",
        customSynopsis = "omnigraph-console force-unlock LOCK_ID (--root URI | --config DIR) [--owner-stopped] [--json] [S3 options]")
final class ForceUnlockCommand extends CliCommand {
    @Parameters(paramLabel = "LOCK_ID", arity = "0..*", description = "the exact lock_id shown by 'status' (never a blind delete)")
    List<String> ids = List.of();

    @Option(names = "--owner-stopped", description = "v2 roots: confirm the owning process is stopped and its work settled")
    boolean ownerStopped;

    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    ForceUnlockCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        if (ids.size() != 1 || ids.get(0).isBlank()) {
            throw new UsageException("give exactly one LOCK_ID");
        }
        RootOptions.Resolved root = cluster.resolve(ctx);
        ForceUnlockProcedure.Report report;
        try (ObjectStore store = root.open()) {
            // AWS S3: DELETE If-Match (a 501 falls back to claim-then-delete); S3-compatible endpoints,
            // which may ignore the header, and folders: claim-then-delete
            LockService locks = new LockService(store, LockService.conditionalDeleteTrustedWithoutProbe(store));
            report = ForceUnlockProcedure.run(store, locks, ids.get(0), ownerStopped);
        }
        LockService.UnlockOutcome outcome = report.outcome();
        if (output.json) {
            Json.print(ctx.out(), json(root, report));
        } else {
            (outcome.removed() ? ctx.out() : ctx.err()).println(outcome.message());
            if (outcome.kind() == LockService.UnlockKind.OWNER_NOT_CONFIRMED) {
                ctx.err().println("When the owner is stopped, run again with --owner-stopped.");
            }
            if (!report.nextStep().isEmpty()) {
                ctx.out().println(report.nextStep());
            }
        }
        return outcome.removed() ? CliMain.OK : CliMain.FINDINGS;
    }

    private static Map<String, Object> json(RootOptions.Resolved root, ForceUnlockProcedure.Report report) {
        LockService.UnlockOutcome outcome = report.outcome();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", outcome.removed());
        out.put("root", root.uri().display());
        out.put("outcome", outcome.kind().name().toLowerCase(Locale.ROOT));
        out.put("lock_removed", outcome.removed());
        out.put("conditional_delete", outcome.conditional());
        outcome.lockSeen().ifPresent(l -> {
            out.put("lock_id", l.lockId());
            out.put("lock_operation", l.operation());
            out.put("lock_created_at", l.createdAt());
        });
        out.put("generation", report.preview().generation().map(g -> g.wireName()).orElse(null));
        out.put("owner_confirmation_required", report.preview().ownerConfirmationRequired());
        report.preview().meaning().ifPresent(m -> {
            out.put("lock_meaning", m.summary());
            out.put("unlock_breaks", m.unlockBreaks());
        });
        out.put("outstanding_id", report.preview().outstanding().map(o -> o.id()).orElse(null));
        out.put("message", outcome.message());
        out.put("next_step", report.nextStep().isEmpty() ? null : report.nextStep());
        return out;
    }
}
