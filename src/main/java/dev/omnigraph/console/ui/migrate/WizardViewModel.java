package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.migrate.CheckItem;
import dev.omnigraph.console.migrate.ConfigEdit;
import dev.omnigraph.console.migrate.Confirmation;
import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.CopyResult;
import dev.omnigraph.console.migrate.CopySettings;
import dev.omnigraph.console.migrate.CutoverResult;
import dev.omnigraph.console.migrate.DestinationCheck;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.FinishResult;
import dev.omnigraph.console.migrate.MigrationEvent;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.PreflightReport;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import dev.omnigraph.console.migrate.VerifyReport;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.task.Job;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The migration wizard's state machine, without a window: which page is shown, what each page's
 * phase found, whether Back and Next may be used (and if not, why), and the actions behind the
 * buttons. Every storage call runs through the {@link TaskRunner}; engine events reach it through an
 * {@link EventPump}, coalesced. One {@link MigrationSession} at a time: the engine runs its phases
 * one way only, so stepping back before the copy starts closes the session (releasing the source
 * lock) and the pages after it run again; from the copy on there is no way back, only Cancel (a new
 * run resumes: the plan skips what is already identical).
 */
public final class WizardViewModel {
    /** The ceiling of the concurrency spinner; the copy starts with this many workers and the spinner limits how many are busy. */
    public static final int MAX_CONCURRENCY = 64;

    /** Where the copy (or verify) stands. */
    public enum RunState { IDLE, RUNNING, PAUSED, CANCELLING, DONE, FAILED, CANCELLED }

    /** Opens engine sessions (tests may count or wrap them). */
    @FunctionalInterface
    public interface SessionOpener {
        MigrationSession open(MigrationRequest request, MigrationHome home, EventPump pump);
    }

    private final ClusterLocation cluster;
    private final S3Settings sourceS3;
    private final TaskRunner runner;
    private final MigrationHome home;
    private final Path cwd;
    private final SessionOpener opener;
    private final EventPump pump;
    private final Consumer<Runnable> ui;

    private final DestinationForm form = new DestinationForm();
    private final ObjectProperty<WizardPage> page = new SimpleObjectProperty<>(WizardPage.DESTINATION);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty busyText = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty canNext = new SimpleBooleanProperty();
    private final BooleanProperty canBack = new SimpleBooleanProperty();
    private final StringProperty nextLabel = new SimpleStringProperty("Next");
    private final StringProperty blockedReason = new SimpleStringProperty("");
    private final BooleanProperty closed = new SimpleBooleanProperty();

    private final ObjectProperty<DestinationCheck.Report> destination = new SimpleObjectProperty<>();
    private final BooleanProperty writersStopped = new SimpleBooleanProperty();
    /** The exact id of a source lock to take over (a serve lock once writers are stopped, or an interrupted migration's). */
    private final StringProperty takeOverLockId = new SimpleStringProperty("");
    private final ObjectProperty<PreflightReport> preflight = new SimpleObjectProperty<>();
    private final ObjectProperty<MigrationPlan> plan = new SimpleObjectProperty<>();
    private final IntegerProperty concurrency = new SimpleIntegerProperty(CopySettings.DEFAULT_CONCURRENCY);
    private final ObjectProperty<ProgressSnapshot> progress = new SimpleObjectProperty<>();
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final ObjectProperty<RunState> copyState = new SimpleObjectProperty<>(RunState.IDLE);
    private final ObjectProperty<CopyResult> copy = new SimpleObjectProperty<>();
    private final BooleanProperty deepVerify = new SimpleBooleanProperty();
    private final ObjectProperty<RunState> verifyState = new SimpleObjectProperty<>(RunState.IDLE);
    private final ObjectProperty<VerifyReport> verify = new SimpleObjectProperty<>();
    private final StringProperty typed = new SimpleStringProperty("");
    private final ObjectProperty<CutoverResult> cutover = new SimpleObjectProperty<>();
    private final ObjectProperty<FinishResult> finish = new SimpleObjectProperty<>();
    private final StringProperty configEditStatus = new SimpleStringProperty("");
    private final BooleanProperty configEdited = new SimpleBooleanProperty();

    private MigrationSession session;
    private CopyControl control;
    private boolean closeWhenIdle;

    public static final int NOTICES_KEPT = 300;

    public WizardViewModel(ClusterLocation cluster, S3Settings sourceS3, TaskRunner runner, MigrationHome home, Path cwd,
                           Consumer<Runnable> ui, SessionOpener opener) {
        this.cluster = cluster;
        this.sourceS3 = sourceS3;
        this.runner = runner;
        this.home = home;
        this.cwd = cwd;
        this.opener = opener == null ? (r, h, p) -> MigrationSession.open(r, h, p) : opener;
        this.ui = ui;
        this.pump = new EventPump(ui, this::accept);
        for (Observable o : form.fields()) {
            o.addListener(x -> destinationEdited());
        }
        for (Observable o : new Observable[] {page, busy, destination, preflight, plan, copyState, copy, verifyState, verify, typed, cutover,
                finish, closed}) {
            o.addListener(x -> updateNavigation());
        }
        concurrency.addListener((o, a, b) -> {
            CopyControl c = control;
            if (c != null && b.intValue() >= 1) {
                c.limitConcurrency(Math.min(MAX_CONCURRENCY, b.intValue()));
            }
        });
        updateNavigation();
    }

    /** A wizard over the real engine, its reports under {@code home}. */
    public WizardViewModel(ClusterLocation cluster, S3Settings sourceS3, TaskRunner runner, MigrationHome home, Path cwd, Consumer<Runnable> ui) {
        this(cluster, sourceS3, runner, home, cwd, ui, null);
    }

    // ---- properties ------------------------------------------------------------------------

    public ClusterLocation cluster() {
        return cluster;
    }

    public DestinationForm form() {
        return form;
    }

    public ReadOnlyObjectProperty<WizardPage> pageProperty() {
        return page;
    }

    public WizardPage page() {
        return page.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText;
    }

    /** The latest failure or refusal, one or two sentences; empty when there is none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext;
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack;
    }

    public ReadOnlyStringProperty nextLabelProperty() {
        return nextLabel;
    }

    /** Why Next is disabled, for the line beside the buttons. */
    public ReadOnlyStringProperty blockedReasonProperty() {
        return blockedReason;
    }

    public ReadOnlyBooleanProperty closedProperty() {
        return closed;
    }

    public ReadOnlyObjectProperty<DestinationCheck.Report> destinationProperty() {
        return destination;
    }

    public BooleanProperty writersStoppedProperty() {
        return writersStopped;
    }

    /** Read when preflight runs (again): the next run takes over the lock with this exact id. */
    public StringProperty takeOverLockIdProperty() {
        return takeOverLockId;
    }

    public ReadOnlyObjectProperty<PreflightReport> preflightProperty() {
        return preflight;
    }

    public ReadOnlyObjectProperty<MigrationPlan> planProperty() {
        return plan;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public ReadOnlyObjectProperty<ProgressSnapshot> progressProperty() {
        return progress;
    }

    /** Engine notices and phase summaries, newest last (at most {@value #NOTICES_KEPT}). */
    public ObservableList<String> notices() {
        return notices;
    }

    public ReadOnlyObjectProperty<RunState> copyStateProperty() {
        return copyState;
    }

    public ReadOnlyObjectProperty<CopyResult> copyProperty() {
        return copy;
    }

    public BooleanProperty deepVerifyProperty() {
        return deepVerify;
    }

    public ReadOnlyObjectProperty<RunState> verifyStateProperty() {
        return verifyState;
    }

    public ReadOnlyObjectProperty<VerifyReport> verifyProperty() {
        return verify;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public ReadOnlyObjectProperty<CutoverResult> cutoverProperty() {
        return cutover;
    }

    public ReadOnlyObjectProperty<FinishResult> finishProperty() {
        return finish;
    }

    public ReadOnlyStringProperty configEditStatusProperty() {
        return configEditStatus;
    }

    public ReadOnlyBooleanProperty configEditedProperty() {
        return configEdited;
    }

    public EventPump pump() {
        return pump;
    }

    /** What the admin must type on the cutover page. */
    public String confirmationWord() {
        return cluster.name();
    }

    /** The source root as shown to the admin (also accepted as the typed confirmation). */
    public String sourceDisplay() {
        return cluster.root().display();
    }

    /** Whether the typed text matches exactly (the cluster name, or the source root). */
    public boolean confirmationMatches() {
        String t = typed.get();
        return t != null && (t.equals(confirmationWord()) || t.equals(sourceDisplay()));
    }

    /** Whether closing the window now would interrupt a copy or verify (the window asks first). */
    public boolean closingInterruptsWork() {
        return copyState.get() == RunState.RUNNING || copyState.get() == RunState.PAUSED || verifyState.get() == RunState.RUNNING
                || busy.get();
    }

    /** Whether the migration holds the source lock right now (preflight passed, not yet cut over, closed or cancelled). */
    public boolean holdsSourceLock() {
        return session != null && session.nextPhase() != null && session.nextPhase().compareTo(MigrationPhase.PLAN) >= 0
                && session.nextPhase() != MigrationPhase.FINISH;
    }

    // ---- destination -----------------------------------------------------------------------

    /** Runs the capability probe on the destination (a new engine session each time). */
    public void checkDestination() {
        if (busy.get() || page.get() != WizardPage.DESTINATION) {
            return;
        }
        Endpoint target;
        try {
            target = form.endpoint(sourceS3, cwd);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        MigrationSession old = session;
        session = null;
        destination.set(null);
        preflight.set(null);
        MigrationRequest request = request(target);
        work("Checking the destination " + target.display(), ctx -> {
            closeQuietly(old);
            MigrationSession s = opener.open(request, home, pump);
            try {
                return new Opened<>(s, s.checkDestination());
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }, opened -> {
            session = opened.session();
            destination.set(opened.result());
            if (!opened.result().ok()) {
                problem.set("The destination was refused: " + opened.result().refusal().map(CheckItem::message).orElse("see the checks"));
            }
        });
    }

    private record Opened<T>(MigrationSession session, T result) {}

    private void destinationEdited() {
        if (page.get() != WizardPage.DESTINATION || busy.get()) {
            return;
        }
        if (destination.get() != null || session != null) {
            destination.set(null);
            MigrationSession old = session;
            session = null;
            if (old != null) {
                runner.run("Close the migration session", ctx -> {
                    old.close();
                    return Boolean.TRUE;
                }, x -> {}, e -> {});
            }
        }
        problem.set("");
    }

    // ---- preflight -------------------------------------------------------------------------

    /** Checks the source and takes its lock (operation migrate-storage). Runs again after a refusal. */
    public void runPreflight() {
        if (busy.get() || page.get() != WizardPage.PREFLIGHT) {
            return;
        }
        MigrationSession current = session;
        boolean stopped = writersStopped.get();
        Endpoint target = destination.get() == null ? null : destination.get().destination();
        if (target == null) {
            problem.set("Check the destination first.");
            return;
        }
        MigrationRequest request = request(target);
        preflight.set(null);
        work("Preflight: checking the source and taking its lock", ctx -> {
            MigrationSession s = current;
            if (s == null || s.nextPhase() != MigrationPhase.PREFLIGHT) {
                closeQuietly(s);
                s = opener.open(request, home, pump);
                DestinationCheck.Report again = s.checkDestination();
                if (!again.ok()) {
                    return new Opened<>(s, (Object) again);
                }
            }
            return new Opened<>(s, (Object) s.preflight(stopped));
        }, opened -> {
            session = opened.session();
            if (opened.result() instanceof DestinationCheck.Report again) {
                destination.set(again);
                problem.set("The destination is refused now: " + again.refusal().map(CheckItem::message).orElse("see the checks"));
                return;
            }
            PreflightReport r = (PreflightReport) opened.result();
            preflight.set(r);
            if (r.alreadyDone()) {
                problem.set("");
            } else if (!r.ok()) {
                problem.set("Preflight refused the migration: " + r.refusals().getFirst().message());
            }
        });
    }

    // ---- plan ------------------------------------------------------------------------------

    private void runPlan() {
        MigrationSession s = session;
        plan.set(null);
        work("Planning: listing both roots", ctx -> s.plan(new CopyControl(ctx).asProgress()), p -> {
            plan.set(p);
            if (!p.ok()) {
                problem.set("The plan is blocked: " + p.blocking().getFirst() + ". The source lock was released.");
            }
        });
    }

    // ---- copy ------------------------------------------------------------------------------

    private void startCopy() {
        MigrationSession s = session;
        java.util.concurrent.atomic.AtomicReference<dev.omnigraph.console.common.Progress> job =
                new java.util.concurrent.atomic.AtomicReference<>(dev.omnigraph.console.common.Progress.NONE);
        // linked to the task: the activity list shows the copy's progress and its Cancel cancels the copy
        CopyControl c = new CopyControl(new dev.omnigraph.console.common.Progress() {
            @Override
            public void progress(long done, long total, String message) {
                job.get().progress(done, total, message);
            }

            @Override
            public boolean cancelled() {
                return job.get().cancelled();
            }
        });
        c.limitConcurrency(Math.max(1, Math.min(MAX_CONCURRENCY, concurrency.get())));
        control = c;
        copyState.set(RunState.RUNNING);
        progress.set(null);
        problem.set("");
        runner.run("Copy " + cluster.name() + " to " + s.destination().display(), ctx -> {
            job.set(ctx);
            try {
                return Optional.of(s.copy(c));
            } catch (CancellationException e) {
                if (ctx.cancelled()) {
                    ui.accept(() -> copyEnded(Optional.empty())); // cancelled as a task: the runner reports nothing
                }
                return Optional.<CopyResult>empty();
            }
        }, this::copyEnded, e -> {
            control = null;
            copyState.set(RunState.FAILED);
            problem.set("The copy failed: " + Failures.describe(e).oneLine());
            idle();
        });
    }

    private void copyEnded(Optional<CopyResult> r) {
        control = null;
        if (r.isEmpty()) {
            copyState.set(RunState.CANCELLED);
            problem.set("The copy was cancelled and the source lock released; the objects copied so far are kept, and a new "
                    + "migration to the same destination resumes from them.");
        } else {
            copy.set(r.get());
            copyState.set(r.get().ok() ? RunState.DONE : RunState.FAILED);
            if (!r.get().ok()) {
                problem.set(r.get().failed() + " object(s) failed to copy; the destination is not authoritative and the source lock "
                        + "was released. Start the migration again to retry them.");
            }
        }
        idle();
    }

    public void pauseCopy() {
        CopyControl c = control;
        if (c != null && copyState.get() == RunState.RUNNING) {
            c.pause();
            copyState.set(RunState.PAUSED);
        }
    }

    public void resumeCopy() {
        CopyControl c = control;
        if (c != null && copyState.get() == RunState.PAUSED) {
            c.resume();
            copyState.set(RunState.RUNNING);
        }
    }

    /** Cancels the running copy (the engine releases the source lock and saves the report). */
    public void cancelCopy() {
        CopyControl c = control;
        if (c != null && (copyState.get() == RunState.RUNNING || copyState.get() == RunState.PAUSED)) {
            c.cancel();
            copyState.set(RunState.CANCELLING);
        }
    }

    // ---- verify ----------------------------------------------------------------------------

    /** Checks every destination object against its source; {@link #deepVerifyProperty() deep} re-reads the destination. */
    public void runVerify() {
        if (busy.get() || page.get() != WizardPage.VERIFY || verifyState.get() == RunState.RUNNING || verify.get() != null) {
            return;
        }
        MigrationSession s = session;
        boolean deep = deepVerify.get();
        CopyControl c = new CopyControl();
        control = c;
        verifyState.set(RunState.RUNNING);
        progress.set(null);
        work(deep ? "Verifying (deep: re-reading the destination)" : "Verifying", ctx -> {
            try {
                return Optional.of(s.verify(c, deep));
            } catch (CancellationException e) {
                return Optional.<VerifyReport>empty();
            }
        }, r -> {
            control = null;
            if (r.isEmpty()) {
                verifyState.set(RunState.CANCELLED);
                problem.set("Verification was cancelled; the source lock was released.");
                return;
            }
            verify.set(r.get());
            verifyState.set(r.get().ok() ? RunState.DONE : RunState.FAILED);
            if (!r.get().ok()) {
                problem.set("Verification found " + r.get().mismatches() + " mismatch(es): cutover is blocked and the source lock was "
                        + "released.");
            }
        });
    }

    // ---- cutover and finish ----------------------------------------------------------------

    private void runCutover() {
        MigrationSession s = session;
        Confirmation confirmation = Confirmation.typed(typed.get());
        work("Cutover: writing the ledger at " + s.destination().display(), ctx -> {
            CutoverResult r = s.cutover(confirmation);
            return new CutoverDone(r, r.authoritative() ? Optional.of(s.finish(cwd)) : Optional.empty());
        }, done -> {
            cutover.set(done.cutover());
            if (done.finish().isPresent()) {
                finish.set(done.finish().get());
                page.set(WizardPage.FINISH);
            } else {
                problem.set("Cutover was refused: " + done.cutover().message());
            }
        });
    }

    private record CutoverDone(CutoverResult cutover, Optional<FinishResult> finish) {}

    private void runFinishAlreadyDone() {
        MigrationSession s = session;
        work("Finishing", ctx -> s.finish(cwd), f -> {
            finish.set(f);
            page.set(WizardPage.FINISH);
        });
    }

    /** Writes the proposed {@code cluster.yaml} edit (shown as a diff first). */
    public void applyConfigEdit() {
        FinishResult f = finish.get();
        if (f == null || f.configEdit().isEmpty() || busy.get() || configEdited.get()) {
            return;
        }
        ConfigEdit.Proposal proposal = f.configEdit().get();
        work("Editing " + proposal.file(), ctx -> {
            ConfigEdit.apply(proposal);
            return proposal.file();
        }, file -> {
            configEdited.set(true);
            configEditStatus.set("Updated " + file + ". Pending approvals must be given again (the config digest changed).");
        });
    }

    // ---- navigation ------------------------------------------------------------------------

    /** Next: validates the page and moves on, starting the next phase where it starts by itself. */
    public void next() {
        if (!canNext.get()) {
            return;
        }
        problem.set("");
        switch (page.get()) {
            case DESTINATION -> page.set(WizardPage.PREFLIGHT);
            case PREFLIGHT -> {
                if (preflight.get().alreadyDone()) {
                    runFinishAlreadyDone();
                } else {
                    page.set(WizardPage.PLAN);
                    runPlan();
                }
            }
            case PLAN -> {
                page.set(WizardPage.COPY);
                startCopy();
            }
            case COPY -> page.set(WizardPage.VERIFY);
            case VERIFY -> page.set(WizardPage.CUTOVER);
            case CUTOVER -> runCutover();
            case FINISH -> close();
        }
    }

    /**
     * Back: possible before the copy starts. Leaving the preflight or plan page closes the engine
     * session, which releases the source lock; preflight runs again when the admin comes back.
     */
    public void back() {
        if (!canBack.get()) {
            return;
        }
        problem.set("");
        WizardPage target = WizardPage.values()[page.get().ordinal() - 1];
        MigrationSession old = session;
        boolean keepSession = old != null && old.nextPhase() == MigrationPhase.PREFLIGHT;
        if (!keepSession) {
            session = null;
            if (old != null) {
                work("Releasing the source lock", ctx -> {
                    old.close();
                    return Boolean.TRUE;
                }, x -> {});
            }
        }
        plan.set(null);
        if (target == WizardPage.DESTINATION || target == WizardPage.PREFLIGHT) {
            preflight.set(null);
        }
        page.set(target);
    }

    /**
     * Closes the wizard: cancels a running copy or verify and closes the engine session (releasing
     * the source lock and saving the report). The window asks before calling this during a copy.
     */
    public void close() {
        if (closed.get()) {
            return;
        }
        closed.set(true);
        CopyControl c = control;
        if (c != null) {
            c.cancel();
        }
        if (busy.get() || copyState.get() == RunState.RUNNING || copyState.get() == RunState.PAUSED || copyState.get() == RunState.CANCELLING) {
            closeWhenIdle = true; // the running job ends on the cancel; the session is closed then
            return;
        }
        closeSession();
    }

    private void idle() {
        if (closeWhenIdle) {
            closeWhenIdle = false;
            closeSession();
        }
    }

    private void closeSession() {
        MigrationSession s = session;
        session = null;
        if (s != null) {
            try {
                runner.run("Close the migration of " + cluster.name(), ctx -> {
                    s.close();
                    return Boolean.TRUE;
                }, x -> {}, e -> problem.set("Closing the migration failed: " + Failures.describe(e).oneLine()));
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                s.close(); // the console is quitting: release the source lock now, on this thread, rather than leave it
            }
        }
    }

    private void updateNavigation() {
        WizardPage p = page.get();
        String reason = busy.get() ? busyText.get() : switch (p) {
            case DESTINATION -> destination.get() == null ? "Check the destination first."
                    : destination.get().ok() ? "" : "The destination was refused: "
                    + destination.get().refusal().map(CheckItem::message).orElse("");
            case PREFLIGHT -> preflight.get() == null ? "Confirm that graph writers are stopped and run the preflight."
                    : preflight.get().alreadyDone() || preflight.get().ok() ? "" : "Preflight refused: "
                    + preflight.get().refusals().getFirst().message();
            case PLAN -> plan.get() == null ? "Planning…" : plan.get().ok() ? "" : "The plan is blocked: " + plan.get().blocking().getFirst();
            case COPY -> copyState.get() == RunState.DONE ? "" : switch (copyState.get()) {
                case FAILED -> "The copy failed: cutover is impossible in this run.";
                case CANCELLED -> "The copy was cancelled.";
                case PAUSED -> "Paused.";
                default -> "Copying…";
            };
            case VERIFY -> verify.get() == null ? verifyState.get() == RunState.RUNNING ? "Verifying…" : "Run the verification."
                    : verify.get().ok() ? "" : verify.get().mismatches() + " mismatch(es): cutover is blocked.";
            case CUTOVER -> confirmationMatches() ? "" : "Type the cluster name '" + confirmationWord() + "' exactly.";
            case FINISH -> "";
        };
        boolean ended = closed.get();
        canNext.set(!ended && !busy.get() && reason.isEmpty());
        blockedReason.set(reason);
        canBack.set(!ended && !busy.get() && (p == WizardPage.PREFLIGHT || p == WizardPage.PLAN));
        nextLabel.set(switch (p) {
            case PREFLIGHT -> preflight.get() != null && preflight.get().alreadyDone() ? "Finish" : "Next";
            case CUTOVER -> "Cut over";
            case FINISH -> "Done";
            default -> "Next";
        });
    }

    // ---- plumbing --------------------------------------------------------------------------

    private MigrationRequest request(Endpoint target) {
        int pool = MAX_CONCURRENCY * 2 + 8;
        S3Settings src = sourceS3 == null ? null : sourceS3.withMaxConnections(Math.max(sourceS3.maxConnections(), pool));
        Endpoint dest = target.s3() == null ? target : new Endpoint(target.uri(), target.s3().withMaxConnections(Math.max(target.s3()
                .maxConnections(), pool)));
        Optional<String> takeOver = Optional.ofNullable(takeOverLockId.get()).map(String::trim).filter(id -> !id.isEmpty());
        return new MigrationRequest(cluster, src, dest, CopySettings.withConcurrency(MAX_CONCURRENCY), false, takeOver);
    }

    private <T> void work(String what, Job<T> job, Consumer<T> then) {
        busy.set(true);
        busyText.set(what + "…");
        problem.set("");
        updateNavigation();
        runner.run(what, job, r -> {
            busy.set(false);
            then.accept(r);
            updateNavigation();
            idle();
        }, e -> {
            busy.set(false);
            if (verifyState.get() == RunState.RUNNING) {
                verifyState.set(RunState.FAILED);
            }
            problem.set(what + " failed: " + Failures.describe(e).oneLine());
            updateNavigation();
            idle();
        });
    }

    private void accept(EventPump.Batch batch) {
        if (batch.latest() != null) {
            progress.set(batch.latest());
        }
        for (MigrationEvent e : batch.events()) {
            String line = switch (e) {
                case MigrationEvent.PhaseStarted s -> null;
                case MigrationEvent.PhaseFinished f -> f.phase().title() + (f.ok() ? ": " : " did not succeed: ") + f.summary();
                case MigrationEvent.Notice n -> (n.level() == MigrationEvent.Level.INFO ? "" : n.level().name().toLowerCase() + ": ")
                        + n.message();
                case MigrationEvent.Progress p -> null;
            };
            if (line != null) {
                notices.add(line);
            }
        }
        if (notices.size() > NOTICES_KEPT) {
            notices.remove(0, notices.size() - NOTICES_KEPT);
        }
    }

    private static void closeQuietly(MigrationSession s) {
        if (s != null) {
            s.close();
        }
    }
}
