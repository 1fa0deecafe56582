package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.storage.ObjectStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code force-unlock <LOCK_ID>}: removes the state lock only if it still has exactly that id
 * (upstream's command, with a conditional delete where the server supports one).
 */
final class ForceUnlockCommand extends ClusterCommand {
    @Override
    public String name() {
        return "force-unlock";
    }

    @Override
    public String summary() {
        return "remove the cluster lock, only if it still has exactly the given id";
    }

    @Override
    public String usage() {
        return usageOf("force-unlock LOCK_ID (--root URI | --config DIR) [--json]",
                "LOCK_ID              the exact lock_id shown by 'status' (never a blind delete)");
    }



    @Override
    public int run(Args args, CliContext ctx) throws Exception {
        List<String> ids = args.positionals();
        if (ids.size() != 1 || ids.get(0).isBlank()) {
            throw new Args.UsageException("give exactly one LOCK_ID");
        }
        RootOptions.Resolved root = RootOptions.resolve(args, ctx);
        LockService.UnlockOutcome outcome;
        try (ObjectStore store = root.open()) {
            // AWS S3: DELETE If-Match (a 501 falls back to claim-then-delete); S3-compatible endpoints,
            // which may ignore the header, and folders: claim-then-delete
            outcome = new LockService(store, LockService.conditionalDeleteTrustedWithoutProbe(store)).forceUnlock(ids.get(0));
        }
        if (args.flag("json")) {
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
            out.put("message", outcome.message());
            Json.print(ctx.out(), out);
        } else {
            (outcome.removed() ? ctx.out() : ctx.err()).println(outcome.message());
        }
        return outcome.removed() ? CliMain.OK : CliMain.FINDINGS;
    }
}
