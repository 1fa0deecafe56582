package dev.omnigraph.console.migrate;

import dev.omnigraph.console.storage.ObjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts, during verify, the objects whose destination ETag equals the source's ({@link VerifyReport.EtagParity}). */
final class EtagCount {
    private final String notApplicable;
    private final AtomicLong same = new AtomicLong();
    private final AtomicLong differing = new AtomicLong();
    private final List<String> examples = new ArrayList<>();

    /** @param notApplicable null when both roots are on S3; otherwise why ETags cannot be compared */
    EtagCount(String notApplicable) {
        this.notApplicable = notApplicable;
    }

    void count(ObjectInfo src, ObjectInfo dst) {
        if (notApplicable != null || dst == null || src.etag() == null || dst.etag() == null) {
            return;
        }
        if (src.etag().equals(dst.etag())) {
            same.incrementAndGet();
            return;
        }
        differing.incrementAndGet();
        synchronized (examples) {
            if (examples.size() < MigrationPlan.LISTED_MAX) {
                examples.add(src.key() + ": ETag " + dst.etag() + " at the destination, " + src.etag() + " at the source");
            }
        }
    }

    VerifyReport.EtagParity result() {
        if (notApplicable != null) {
            return VerifyReport.EtagParity.notApplicable(notApplicable);
        }
        synchronized (examples) {
            return new VerifyReport.EtagParity(true, "", same.get(), differing.get(), examples);
        }
    }
}
