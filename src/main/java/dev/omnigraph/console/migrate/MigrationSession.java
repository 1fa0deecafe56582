package dev.omnigraph.console.migrate;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.cluster.model.Ledger;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * One storage migration, driven phase by phase ({@link MigrationPhase}) by the wizard, the CLI or a
 * test — the same engine and the same {@link MigrationEvent}s for all three. Each phase method
 * runs only after the previous one succeeded, blocks (call it off the JavaFX thread, through the
 * task runner) and returns an immutable result.
 *
 * <p>Rules it keeps: the source is never modified except for its lock, which preflight takes and
 * which is released at cutover, on refusal, on failure, on cancel and on {@link #close()} (or,
 * when that is impossible, named with the exact force-unlock command); every destination write is
 * conditional; the ledger is written last, create-only. Every run ends with a saved
 * {@link MigrationReport}, whatever its outcome.
 */
public final class MigrationSession implements AutoCloseable {
    private final MigrationRequest request;
    private final MigrationHome home;
    private final MigrationListener listener;
    private final Endpoint source;
    private final Endpoint destination;
    private final ObjectStore sourceStore;
    private final ObjectStore destinationStore;
    private final SourceLock lock;
    private final ReportBuilder report;
    private final DestinationFootprint footprint;
    private CopyJournal journal;

    private MigrationPhase next = MigrationPhase.DESTINATION;
    private DestinationCheck.Report destinationReport;
    private PreflightReport preflight;
    private MigrationPlan plan;
    private CopyResult copy;
    private VerifyReport verify;
    private CutoverResult cutover;
    private Path savedReport;

    private MigrationSession(MigrationRequest request, MigrationHome home, MigrationListener listener) {
        this.request = request;
        this.home = home;
        this.listener = listener == null ? MigrationListener.NONE : listener;
        this.source = request.source();
        this.destination = request.destination();
        this.sourceStore = source.open();
        this.footprint = DestinationFootprint.note(destination);
        this.destinationStore = destination.open();
        this.lock = new SourceLock(sourceStore, source);
        this.report = new ReportBuilder(request.cluster().name(), source, destination);
    }

    public static MigrationSession open(MigrationRequest request, MigrationHome home, MigrationListener listener) {
        return new MigrationSession(request, home, listener);
    }

    public ClusterLocation cluster() {
        return request.cluster();
    }

    public Endpoint source() {
        return source;
    }

    public Endpoint destination() {
        return destination;
    }

    public MigrationRequest request() {
        return request;
    }

    /** The phase that may run next. */
    public MigrationPhase nextPhase() {
        return next;
    }

    // ---- the phases ------------------------------------------------------------------------

    public DestinationCheck.Report checkDestination() {
        enter(MigrationPhase.DESTINATION);
        DestinationCheck.Report r = DestinationCheck.run(source, sourceStore, destination, destinationStore);
        destinationReport = r;
        r.items().stream().filter(i -> i.verdict() == CheckItem.Verdict.WARN).forEach(i -> report.warn(i.name() + ": " + i.message()));
        leave(MigrationPhase.DESTINATION, r.ok(), r.ok() ? "the destination supports conditional writes"
                : r.refusal().map(CheckItem::message).orElse("refused"));
        if (r.ok()) {
            next = MigrationPhase.PREFLIGHT;
        } else {
            conclude("refused", "The destination was refused: " + r.refusal().map(CheckItem::message).orElse("see the checks"));
        }
        return r;
    }

    public PreflightReport preflight(boolean writersStopped) throws StorageException {
        enter(MigrationPhase.PREFLIGHT);
        try {
            preflight = Preflight.run(sourceStore, lock, destinationStore, writersStopped, request.takeOverLockId());
        } catch (StorageException | RuntimeException e) {
            fail(MigrationPhase.PREFLIGHT, e);
            throw e;
        }
        preflight.ledger().ifPresent(l -> report.sourceLedger(l.cas()));
        preflight.warnings().forEach(i -> report.warn(i.name() + ": " + i.message()));
        if (preflight.alreadyDone()) {
            leave(MigrationPhase.PREFLIGHT, true, "already done");
            next = MigrationPhase.FINISH;
            report.destinationLedger(preflight.ledger().map(Ledger::cas).orElse(null));
            report.outcome("already-done", "The destination already holds exactly the source ledger: the migration was already done.");
            return preflight;
        }
        leave(MigrationPhase.PREFLIGHT, preflight.ok(), preflight.ok() ? "ready; lock " + preflight.lock().map(l -> l.lockId()).orElse("")
                : preflight.refusals().getFirst().message());
        if (preflight.ok()) {
            next = MigrationPhase.PLAN;
        } else {
            preflight.refusals().forEach(i -> report.problem(i.name() + ": " + i.message()));
            conclude("refused", "Preflight refused the migration: " + preflight.refusals().getFirst().message());
        }
        return preflight;
    }

    public MigrationPlan plan(Progress progress) throws StorageException {
        enter(MigrationPhase.PLAN);
        try {
            if (journal == null) {
                journal = CopyJournal.open(CopyJournal.fileFor(home, source, destination));
            }
            plan = new Planner(sourceStore, source, destinationStore, destination, journal, request.plannedConcurrency(),
                    destinationReport.serverSideCopy())
                    .plan(listingProgress(progress == null ? Progress.NONE : progress));
        } catch (IOException e) {
            StorageException se = new StorageException(StorageException.Kind.IO, home.journals().toString(),
                    "Could not open the resume journal: " + e.getMessage(), e);
            fail(MigrationPhase.PLAN, se);
            throw se;
        } catch (StorageException | RuntimeException e) {
            fail(MigrationPhase.PLAN, e);
            throw e;
        }
        report.plan(plan);
        leave(MigrationPhase.PLAN, plan.ok(), plan.ok() ? plan.work().objects() + " object(s) to write" : plan.blocking().getFirst());
        if (plan.ok()) {
            next = MigrationPhase.COPY;
        } else {
            plan.blocking().forEach(report::problem);
            abandon("refused", "The plan found objects that block the migration: " + plan.blocking().getFirst());
        }
        return plan;
    }

    /** Passes the planner's progress on, and publishes it as PLAN snapshots (objects compared so far; the total is not known yet). */
    private Progress listingProgress(Progress outer) {
        long started = System.nanoTime();
        return new Progress() {
            @Override
            public void progress(long done, long total, String message) {
                outer.progress(done, total, message);
                listener.onEvent(new MigrationEvent.Progress(Instant.now(), new ProgressSnapshot(MigrationPhase.PLAN,
                        ProgressSnapshot.State.RUNNING, done, 0, 0, 0, 0, 0, 0, 0, Optional.empty(),
                        java.time.Duration.ofNanos(System.nanoTime() - started), java.util.List.of(), java.util.List.of())));
            }

            @Override
            public boolean cancelled() {
                return outer.cancelled();
            }
        };
    }

    /** Copies; throws {@link CancellationException} on cancel (the lock is released, the report saved). */
    public CopyResult copy(CopyControl control) {
        enter(MigrationPhase.COPY);
        try {
            copy = new CopyPhase(sourceStore, source, destinationStore, destination, journal, request.settings(), control, listener).run(plan);
        } catch (CancellationException e) {
            leave(MigrationPhase.COPY, false, "cancelled");
            abandon("cancelled", "The copy was cancelled; the objects copied so far are kept and a new run resumes from them.");
            throw e;
        } catch (RuntimeException e) {
            fail(MigrationPhase.COPY, e);
            throw e;
        }
        report.copy(copy);
        if (copy.serverSideReadBack() > 0) {
            report.warn(copy.serverSideReadBack() + " object(s) were copied server-side on an endpoint that does not prove copy "
                    + "preconditions (new keys only, as planned; source locked, writers stopped); each copy returned the source "
                    + "listing's ETag, and verify found the source's size and ETag in a fresh listing of the destination. "
                    + "The resume journal names them (method C).");
        }
        leave(MigrationPhase.COPY, copy.ok(), copy.ok() ? copy.copied() + " object(s) copied" : copy.failed() + " object(s) failed");
        if (copy.ok()) {
            next = MigrationPhase.VERIFY;
        } else {
            copy.failures().forEach(report::problem);
            abandon("failed", "The copy failed for " + copy.failed() + " object(s); the destination is not authoritative. Run again to retry them.");
        }
        return copy;
    }

    public VerifyReport verify(CopyControl control) throws StorageException {
        return verify(control, request.deepVerify());
    }

    /** Verifies; {@code deep} re-reads every destination object (the wizard's choice, made on the verify page). */
    public VerifyReport verify(CopyControl control, boolean deep) throws StorageException {
        enter(MigrationPhase.VERIFY);
        try {
            verify = new Verifier(sourceStore, source, destinationStore, destination, journal, request.settings(), control, listener)
                    .run(plan.sourceObjects(), deep);
        } catch (CancellationException e) {
            leave(MigrationPhase.VERIFY, false, "cancelled");
            abandon("cancelled", "Verification was cancelled; the destination is not authoritative.");
            throw e;
        } catch (StorageException | RuntimeException e) {
            fail(MigrationPhase.VERIFY, e);
            throw e;
        }
        report.verify(verify);
        listener.onEvent(new MigrationEvent.Notice(java.time.Instant.now(), MigrationPhase.VERIFY, MigrationEvent.Level.INFO,
                verify.etags().describe()));
        if (!verify.etags().kept()) {
            report.warn(verify.etags().describe());
        }
        leave(MigrationPhase.VERIFY, verify.ok(), verify.ok() ? verify.checked() + " object(s) verified" : verify.mismatches() + " mismatch(es)");
        if (verify.ok()) {
            next = MigrationPhase.CUTOVER;
        } else {
            verify.problems().forEach(report::problem);
            abandon("failed", "Verification found " + verify.mismatches() + " mismatch(es): cutover is blocked.");
        }
        return verify;
    }

    /** What the admin must type to confirm cutover: the cluster's name (its root is accepted too). */
    public String confirmationWord() {
        return request.cluster().name();
    }

    public boolean confirms(Confirmation confirmation) {
        return switch (confirmation) {
            case Confirmation.GivenUpFront g -> true;
            case Confirmation.Typed t -> t.text() != null && (t.text().trim().equals(confirmationWord())
                    || t.text().trim().equals(source.display()));
        };
    }

    public CutoverResult cutover(Confirmation confirmation) throws StorageException {
        if (!confirms(confirmation)) {
            throw new IllegalArgumentException("the confirmation does not match: type the cluster name '" + confirmationWord() + "'");
        }
        enter(MigrationPhase.CUTOVER);
        try {
            cutover = Cutover.run(sourceStore, destinationStore, preflight.ledger().orElseThrow(), lock);
        } catch (StorageException | RuntimeException e) {
            fail(MigrationPhase.CUTOVER, e);
            throw e;
        }
        cutover.warnings().forEach(report::warn);
        cutover.sourceLock().ifPresent(report::sourceLock);
        leave(MigrationPhase.CUTOVER, cutover.authoritative(), cutover.message());
        if (cutover.authoritative()) {
            report.destinationLedger(cutover.ledgerCas());
            report.outcome("succeeded", "The destination " + destination.display() + " is authoritative: " + cutover.message()
                    .replaceFirst("^the destination is authoritative: ", ""));
            next = MigrationPhase.FINISH;
        } else {
            report.problem(cutover.message());
            abandon("failed", "Cutover was refused: " + cutover.message());
        }
        return cutover;
    }

    /**
     * The storage line, a proposed {@code cluster.yaml} edit when the config folder is known, and
     * the saved report. Nothing is edited here: apply the proposal with {@link ConfigEdit#apply}
     * after the admin saw the diff and said yes.
     */
    public FinishResult finish(Path cwd) throws IOException {
        enter(MigrationPhase.FINISH);
        String line = StorageLine.line(destination.uri());
        Optional<ConfigEdit.Proposal> proposal = Optional.empty();
        Optional<String> issue = Optional.empty();
        if (request.cluster().configDir().isPresent()) {
            try {
                proposal = Optional.of(ConfigEdit.propose(request.cluster().configDir().get(), destination.uri(), cwd));
            } catch (ConfigEdit.EditException e) {
                issue = Optional.of(e.getMessage());
            }
        } else {
            issue = Optional.of("the cluster was opened by its root, not a config folder: put the line in its cluster.yaml by hand");
        }
        report.storageLine(line);
        leave(MigrationPhase.FINISH, true, line);
        next = null;
        Path saved = save();
        return new FinishResult(line, proposal, issue, saved, report.build());
    }

    // ---- endings ---------------------------------------------------------------------------

    /** The saved report, once the run has ended. */
    public Optional<Path> savedReport() {
        return Optional.ofNullable(savedReport);
    }

    private void abandon(String outcome, String message) {
        lock.release().ifPresent(report::warn);
        conclude(outcome, message);
    }

    private void conclude(String outcome, String message) {
        report.outcome(outcome, message);
        next = null;
        try {
            save();
        } catch (IOException e) {
            listener.onEvent(new MigrationEvent.Notice(Instant.now(), null, MigrationEvent.Level.WARNING,
                    "could not save the migration report under " + home.migrations() + ": " + e.getMessage()));
        }
    }

    private Path save() throws IOException {
        if (savedReport == null) {
            savedReport = MigrationReports.save(home, report.build());
        }
        return savedReport;
    }

    private void fail(MigrationPhase phase, Exception e) {
        String message = e instanceof StorageException se ? se.describe() : e.getMessage() == null ? e.toString() : e.getMessage();
        leave(phase, false, message);
        report.problem(message);
        abandon("failed", "The " + phase.title().toLowerCase(java.util.Locale.ROOT) + " phase failed: " + message);
    }

    private void enter(MigrationPhase phase) {
        if (next != phase) {
            throw new IllegalStateException(next == null ? "this migration has ended; start a new one"
                    : "the " + phase.title() + " phase cannot run now: the next phase is " + next.title());
        }
        report.started(phase);
        listener.onEvent(new MigrationEvent.PhaseStarted(Instant.now(), phase));
    }

    private void leave(MigrationPhase phase, boolean ok, String summary) {
        report.finished(phase);
        listener.onEvent(new MigrationEvent.PhaseFinished(Instant.now(), phase, ok, summary));
    }

    /**
     * Ends the session: releases the source lock if still held (cancelling a wizard half-way), saves
     * the report if the run had not ended, closes the stores.
     */
    @Override
    public void close() {
        if (next == MigrationPhase.FINISH) {
            conclude(report.outcome(), report.message()); // cut over (or already done): only the finish page was skipped
        } else if (next != null && next != MigrationPhase.DESTINATION) {
            abandon("cancelled", "The migration was closed before it finished; the destination is not authoritative.");
        } else {
            lock.release().ifPresent(p -> listener.onEvent(new MigrationEvent.Notice(Instant.now(), null, MigrationEvent.Level.WARNING, p)));
        }
        if (plan != null) {
            plan.spool().close();
        }
        if (journal != null) {
            journal.close();
        }
        sourceStore.close();
        destinationStore.close();
        if (copy == null) {
            footprint.tidy(); // nothing was copied: no empty destination folder is left behind
        }
    }
}
