package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.Keys;
import dev.omnigraph.console.storage.ObjectInfo;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import dev.omnigraph.console.storage.UncheckedStorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Phase 3: a merge-join of the source and destination listings, both streamed in S3 key order, so
 * memory does not grow with the number of objects (the work list is spooled to disk, only capped
 * lists are kept). Each source key is new (copy), identical at the destination (skip, by
 * {@link IdentityRule}), or different (overwrite with If-Match, listed); destination-only keys are
 * listed and left alone.
 *
 * <p>Scope: the cluster's own prefixes {@code __cluster/} and {@code graphs/} (spec §2.2), minus
 * {@code __cluster/lock.json} (never copied) and {@code __cluster/state.json} (written last, at
 * cutover). Other objects under the source root (for a config folder used as the root:
 * {@code cluster.yaml}, schema and query files) are named in the notes and not copied.
 */
public final class Planner {
    static final List<String> SCOPE = List.of(ClusterLayout.CLUSTER_DIR, ClusterLayout.GRAPHS);
    static final Set<String> NEVER_COPIED = Set.of(ClusterLayout.LOCK, ClusterLayout.STATE);

    private final ObjectStore source;
    private final ObjectStore destination;
    private final IdentityRule identity;
    private final boolean serverSide;
    private final boolean copyPreconditionsProven;
    private final int concurrency;
    private final boolean sourceLocal;
    private final List<String> scope;

    private Totals totals = new Totals();

    /**
     * @param serverSideCopy the destination check proved conditional server-side copies
     *                       ({@link DestinationCheck.Report#serverSideCopy()}); otherwise, on one endpoint, only new
     *                       objects are copied server-side, each checked by its ETag and by verify
     */
    public Planner(ObjectStore source, Endpoint sourceEndpoint, ObjectStore destination, Endpoint destinationEndpoint,
                   CopyJournal journal, int concurrency, boolean serverSideCopy) {
        this(source, sourceEndpoint, destination, destinationEndpoint, journal, concurrency, serverSideCopy, SCOPE);
    }

    /** A planner over other prefixes than the cluster's (the benchmark measures one dataset at a time). */
    Planner(ObjectStore source, Endpoint sourceEndpoint, ObjectStore destination, Endpoint destinationEndpoint, CopyJournal journal,
            int concurrency, boolean serverSideCopy, List<String> scope) {
        this.scope = List.copyOf(scope);
        this.sourceLocal = sourceEndpoint.isLocal();
        this.source = source;
        this.destination = destination;
        this.identity = new IdentityRule(source, sourceEndpoint.isLocal(), destination, destinationEndpoint.isLocal(), journal);
        // same endpoint: copy server-side even where copy preconditions are not proven (then new objects only, each checked by ETag)
        this.serverSide = ServerSide.possible(sourceEndpoint, destinationEndpoint);
        this.copyPreconditionsProven = serverSideCopy;
        this.concurrency = concurrency;
    }

    private static final class Totals {
        MigrationPlan.Totals source = MigrationPlan.Totals.ZERO;
        MigrationPlan.Totals copy = MigrationPlan.Totals.ZERO;
        MigrationPlan.Totals overwrite = MigrationPlan.Totals.ZERO;
        MigrationPlan.Totals identical = MigrationPlan.Totals.ZERO;
        MigrationPlan.Totals extras = MigrationPlan.Totals.ZERO;
        final List<MigrationPlan.Listed> overwrites = new ArrayList<>();
        final List<MigrationPlan.Listed> extraObjects = new ArrayList<>();
        final List<String> blocking = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        long compared;
        long folderMarkers;
    }

    public MigrationPlan plan(Progress progress) throws StorageException {
        Instant started = Instant.now();
        totals = new Totals();
        PlanSpool spool;
        try {
            spool = PlanSpool.create();
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, "plan", "Could not create the plan's work list in the temp folder: "
                    + e.getMessage(), e);
        }
        boolean ok = false;
        try {
            for (String prefix : scope) {
                join(prefix, spool, progress);
            }
            spool.seal();
            if (scope.equals(SCOPE)) {
                outsideScope();
            }
            if (serverSide && !copyPreconditionsProven) {
                totals.notes.add("server-side copy without proven copy preconditions: new objects are copied by the server, each copy "
                        + "must return the source listing's ETag and verify must find the source's size and ETag at the destination "
                        + "(else the object fails and cutover is refused); objects to replace are streamed with If-Match");
            }
            if (totals.folderMarkers > 0) {
                totals.notes.add(totals.folderMarkers + " folder marker object(s) (keys ending in '/') are not copied: "
                        + "OmniGraph never reads them");
            }
            ok = true;
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.IO, "plan", "Could not write the plan's work list: " + e.getMessage(), e);
        } finally {
            if (!ok) {
                spool.close();
            }
        }
        MigrationPlan.Totals work = new MigrationPlan.Totals(totals.copy.objects() + totals.overwrite.objects(),
                totals.copy.bytes() + totals.overwrite.bytes());
        return new MigrationPlan(totals.source, totals.copy, totals.overwrite, totals.identical, totals.extras, totals.overwrites,
                totals.extraObjects, totals.blocking, totals.notes, serverSide, Duration.between(started, Instant.now()),
                MigrationPlan.estimate(work, concurrency, serverSide), spool, copyPreconditionsProven);
    }

    private void join(String prefix, PlanSpool spool, Progress progress) throws StorageException, IOException {
        try (Stream<ObjectInfo> s = source.list(prefix); Stream<ObjectInfo> d = destination.list(prefix)) {
            Iterator<ObjectInfo> src = s.iterator();
            Iterator<ObjectInfo> dst = d.iterator();
            ObjectInfo a = next(src);
            ObjectInfo b = next(dst);
            while (a != null || b != null) {
                int cmp = a == null ? 1 : b == null ? -1 : Keys.compare(a.key(), b.key());
                if (cmp < 0) {
                    sourceOnly(a, spool);
                    a = next(src);
                } else if (cmp > 0) {
                    destinationOnly(b);
                    b = next(dst);
                } else {
                    both(a, b, spool);
                    a = next(src);
                    b = next(dst);
                }
                if ((++totals.compared & 511) == 0) {
                    progress.checkCancelled();
                    progress.progress(totals.compared, -1, "Compared " + totals.compared + " objects");
                }
            }
        } catch (UncheckedStorageException e) {
            throw e.getCause();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ObjectInfo next(Iterator<ObjectInfo> it) {
        return it.hasNext() ? it.next() : null;
    }

    private boolean skipped(ObjectInfo o) {
        if (NEVER_COPIED.contains(o.key())) {
            return true;
        }
        if (o.key().endsWith("/") && o.size() == 0) {
            totals.folderMarkers++;
            return true;
        }
        return false;
    }

    private void sourceOnly(ObjectInfo a, PlanSpool spool) throws IOException {
        if (skipped(a) || unsafe(a)) {
            return;
        }
        totals.source = totals.source.plus(a.size());
        totals.copy = totals.copy.plus(a.size());
        spool.add(new PlanEntry(PlanEntry.Action.COPY, a.key(), a.size(), Fingerprint.of(a, identityLocalSource()), null));
    }

    private void destinationOnly(ObjectInfo b) {
        if (NEVER_COPIED.contains(b.key())) {
            return; // preflight judged the destination's ledger and lock
        }
        totals.extras = totals.extras.plus(b.size());
        if (ClusterLayout.jsonChildStem(ClusterLayout.RECOVERIES, b.key()).isPresent()) {
            totals.blocking.add("the destination holds a recovery sidecar the source does not have (" + b.key()
                    + "): after cutover the sweep would act on it; remove it from the destination or choose another one");
        }
        if (totals.extraObjects.size() < MigrationPlan.LISTED_MAX) {
            String reason = ClusterLayout.jsonChildStem(ClusterLayout.APPROVALS, b.key()).isPresent()
                    ? "an approval the source does not have: it will be listed by the cluster after cutover"
                    : "only at the destination: left alone";
            totals.extraObjects.add(new MigrationPlan.Listed(b.key(), b.size(), reason));
        }
    }

    private void both(ObjectInfo a, ObjectInfo b, PlanSpool spool) throws StorageException, IOException {
        if (skipped(a) || unsafe(a)) {
            return;
        }
        totals.source = totals.source.plus(a.size());
        IdentityRule.Decision decision = identity.decide(a, b);
        if (decision.identical()) {
            totals.identical = totals.identical.plus(a.size());
            return;
        }
        totals.overwrite = totals.overwrite.plus(a.size());
        if (totals.overwrites.size() < MigrationPlan.LISTED_MAX) {
            totals.overwrites.add(new MigrationPlan.Listed(a.key(), a.size(), decision.reason()));
        }
        spool.add(new PlanEntry(PlanEntry.Action.OVERWRITE, a.key(), a.size(), Fingerprint.of(a, identityLocalSource()),
                decision.destinationToken()));
    }

    private boolean identityLocalSource() {
        return sourceLocal;
    }

    private boolean unsafe(ObjectInfo a) {
        String problem = Keys.problem(a.key());
        if (problem == null) {
            return false;
        }
        if (totals.blocking.size() < MigrationPlan.LISTED_MAX) {
            totals.blocking.add("the source key '" + Keys.printable(a.key()) + "' cannot be copied safely (" + problem
                    + "); OmniGraph never writes such keys: remove or rename it at the source");
        }
        return true;
    }

    private void outsideScope() throws StorageException {
        List<String> others = new ArrayList<>();
        var top = source.listChildren("");
        top.objects().forEach(o -> others.add(o.key()));
        top.prefixes().stream().filter(p -> !SCOPE.contains(p)).forEach(others::add);
        if (!others.isEmpty()) {
            List<String> shown = others.stream().limit(8).toList();
            totals.notes.add(others.size() + " entr" + (others.size() == 1 ? "y" : "ies") + " under the source root are not part of "
                    + "the cluster and are not copied: " + String.join(", ", shown) + (others.size() > shown.size() ? ", …" : ""));
        }
    }
}
