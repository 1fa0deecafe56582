package dev.omnigraph.console.cli;

import dev.omnigraph.console.backup.BackupCatalog;
import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.LedgerFacts;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.StoreUri;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** What the backup and restore commands share: locations, points, Ctrl-C, refusals, and JSON of a point. */
final class BackupCommandSupport {
    static final String WRITERS_QUESTION = "Are every server, apply and graph writer of this cluster stopped?";

    private BackupCommandSupport() {}

    static ObjectStore open(StoreUri uri, S3Settings s3, int concurrency) {
        return ObjectStores.open(uri, uri instanceof StoreUri.S3 ? s3.withMaxConnections(Math.max(s3.maxConnections(), concurrency * 2 + 8)) : s3);
    }

    /** The restore point {@code id} in {@code location}; a wrong or unknown id is a refusal (exit 1). */
    static RestorePoint readPoint(ObjectStore location, String id) throws CliFailure, StorageException {
        try {
            return BackupCatalog.read(location, id);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(CliMain.FINDINGS, e.getMessage());
        }
    }

    /** Runs {@code work} with Ctrl-C wired to cancel it and wait for it to put the lock back. */
    static <T> T cancellable(BackupControl control, Callable<T> work) throws Exception {
        return Interrupts.cancellable(control::cancel, "backup-interrupt", work);
    }

    /** A refusal: one line on stderr, or {@code ok: false, outcome: refused} with {@code --json}; exit 1. */
    static int refused(CliContext ctx, boolean json, Map<String, Object> extra, String message) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", false);
            out.put("outcome", "refused");
            out.putAll(extra);
            out.put("message", message);
            Json.print(ctx.out(), out);
        } else {
            ctx.err().println("error: " + message);
        }
        return CliMain.FINDINGS;
    }

    static Map<String, Object> ledgerJson(LedgerFacts f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cas", f.cas());
        out.put("version", f.version());
        out.put("generation", f.generation().orElse(null));
        out.put("problem", f.problem().orElse(null));
        out.put("state_revision", f.stateRevision());
        out.put("ledger_id", f.ledgerId().orElse(null));
        out.put("result_revision", f.resultRevision().orElse(null));
        out.put("deployments", f.deploymentIds().size());
        return out;
    }

    static Map<String, Object> pointJson(RestorePoint p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("point_id", p.pointId());
        out.put("started_at", p.startedAt().toString());
        out.put("finished_at", p.finishedAt().toString());
        out.put("source_root", p.sourceRoot());
        out.put("ledger", ledgerJson(p.ledger()));
        out.put("lock", p.lockHandling());
        out.put("lock_taken_over", p.lockTakenOver().orElse(null));
        out.put("objects", p.objects().size());
        out.put("bytes", p.totalBytes());
        out.put("copied_objects", p.copiedObjects());
        out.put("copied_bytes", p.copiedBytes());
        return out;
    }
}
