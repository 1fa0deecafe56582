package dev.omnigraph.console.ui.backups;

import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.BackupListener;
import dev.omnigraph.console.backup.BackupProgress;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.ObjectStores;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.task.JobContext;
import java.util.Locale;

/** What the Backups page and the restore wizard share: opening a location, and wiring a job's progress and cancel to the engine. */
final class BackupJobs {
    private BackupJobs() {}

    /** Parses a location typed by the admin; {@link IllegalArgumentException} with a sentence when it is not one. */
    static StoreUri location(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Give a backup location: a folder or s3://bucket/prefix.");
        }
        return StoreUri.parse(text.trim());
    }

    /** Opens a location or a root with the cluster's S3 settings (same endpoint, region and credentials). */
    static ObjectStore open(ClusterSession session, StoreUri uri) {
        return ObjectStores.open(uri, session.spec().s3());
    }

    /** A listener that reports to the job and cancels the engine when the job is cancelled. */
    static BackupListener listener(JobContext ctx, BackupControl control) {
        return new BackupListener() {
            @Override
            public void progress(BackupProgress p) {
                if (ctx.cancelled()) {
                    control.cancel();
                }
                ctx.progress(p.bytesDone(), p.bytesTotal(), line(p));
            }
        };
    }

    static String line(BackupProgress p) {
        return String.format(Locale.ROOT, "%s: %s of %s objects, %s of %s, %s copied, %s/s%s%s", p.task(), Format.count(p.objectsDone()),
                Format.count(p.objectsTotal()), Format.bytes(p.bytesDone()), Format.bytes(p.bytesTotal()), Format.count(p.objectsCopied()),
                Format.bytes((long) p.bytesPerSecond()), p.eta().map(d -> ", ETA " + Format.duration(d)).orElse(""),
                p.paused() ? " (paused)" : "");
    }
}
