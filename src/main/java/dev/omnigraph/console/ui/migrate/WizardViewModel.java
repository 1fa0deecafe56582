package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.cluster.ClusterLocation;
import dev.omnigraph.console.migrate.CopyResult;
import dev.omnigraph.console.migrate.CutoverResult;
import dev.omnigraph.console.migrate.DestinationCheck;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.FinishResult;
import dev.omnigraph.console.migrate.MigrationHome;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.PreflightReport;
import dev.omnigraph.console.migrate.ProgressSnapshot;
import dev.omnigraph.console.migrate.VerifyReport;
import dev.omnigraph.console.storage.S3Settings;
import dev.omnigraph.console.ui.common.DialogService;
import dev.omnigraph.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The migration wizard without a window: one model per step ({@link DestinationStep},
 * {@link PreflightStep}, {@link PlanStep}, {@link CopyStep}, {@link VerifyStep},
 * {@link CutoverStep}), the navigation between them ({@link WizardNavigation}) and what they share
 * ({@link WizardRun}: the one engine session, the runner, busy, the problem line, progress and
 * notices). Every storage call runs through the {@link TaskRunner}; engine events arrive through an
 * {@link EventPump}, coalesced. From the copy on there is no way back, only Cancel (a new run
 * resumes: the plan skips what is already identical).
 */
public final class WizardViewModel {
    /** The ceiling of the concurrency spinner; the copy starts with this many workers and the spinner limits how many are busy. */
    public static final int MAX_CONCURRENCY = 64;
    public static final int NOTICES_KEPT = 300;

    /** Where the copy (or verify) stands. */
    public enum RunState { IDLE, RUNNING, PAUSED, CANCELLING, DONE, FAILED, CANCELLED }

    /** Opens engine sessions (tests may count or wrap them). */
    @FunctionalInterface
    public interface SessionOpener {
        MigrationSession open(MigrationRequest request, MigrationHome home, EventPump pump);
    }

    private final WizardRun run;
    private final DestinationStep destination;
    private final PreflightStep preflight;
    private final PlanStep plan;
    private final CopyStep copy;
    private final VerifyStep verify;
    private final CutoverStep cutover;
    private final WizardNavigation navigation;

    public WizardViewModel(ClusterLocation cluster, S3Settings sourceS3, TaskRunner runner, MigrationHome home, Path cwd,
                           Consumer<Runnable> ui, SessionOpener opener) {
        SessionOpener open = opener == null ? (r, h, p) -> MigrationSession.open(r, h, p) : opener;
        this.run = new WizardRun(cluster, sourceS3, runner, home, cwd, ui, open::open);
        this.destination = new DestinationStep(run, () -> page() == WizardPage.DESTINATION);
        this.preflight = new PreflightStep(run, destination);
        this.plan = new PlanStep(run);
        this.copy = new CopyStep(run);
        this.verify = new VerifyStep(run);
        this.cutover = new CutoverStep(run);
        this.navigation = new WizardNavigation(run, destination, preflight, plan, copy, verify, cutover);
        run.afterJob = navigation::update;
        run.onJobFailed = verify::jobFailed;
        run.plannedConcurrency = copy.concurrency::get;
    }

    /** A wizard over the real engine, its reports under {@code home}. */
    public WizardViewModel(ClusterLocation cluster, S3Settings sourceS3, TaskRunner runner, MigrationHome home, Path cwd, Consumer<Runnable> ui) {
        this(cluster, sourceS3, runner, home, cwd, ui, null);
    }

    // ---- actions ---------------------------------------------------------------------------

    /** Runs the capability probe on the destination (a new engine session each time). */
    public void checkDestination() {
        destination.check();
    }

    /** Checks the source and takes its lock (operation migrate-storage). Runs again after a refusal. */
    public void runPreflight() {
        if (!run.busy.get() && page() == WizardPage.PREFLIGHT) {
            preflight.runPreflight();
        }
    }

    public void pauseCopy() {
        copy.pause();
    }

    public void resumeCopy() {
        copy.resume();
    }

    /** Cancels the running copy (the engine releases the source lock and saves the report). */
    public void cancelCopy() {
        copy.cancel();
    }

    /** Checks every destination object against its source; {@link #deepVerifyProperty() deep} re-reads the destination. */
    public void runVerify() {
        if (!run.busy.get() && page() == WizardPage.VERIFY) {
            verify.runVerify();
        }
    }

    /** Writes the proposed {@code cluster.yaml} edit (shown as a diff first). */
    public void applyConfigEdit() {
        cutover.applyConfigEdit();
    }

    /** Next: validates the page and moves on, starting the next phase where it starts by itself. */
    public void next() {
        navigation.next(this::close);
    }

    /** Back: possible before the copy starts (leaving preflight or plan releases the source lock). */
    public void back() {
        navigation.back();
    }

    /**
     * Closes the wizard: cancels a running copy or verify and closes the engine session (releasing
     * the source lock and saving the report). {@link #requestClose} asks first when work would stop.
     */
    public void close() {
        run.close(run.busy.get() || copy.running());
    }

    /**
     * Cancel or the window's close box: when a copy or verify would be interrupted, asks first
     * (naming what is kept); then closes. True when the wizard closed.
     */
    public boolean requestClose(DialogService dialogs) {
        if (closingInterruptsWork() && !dialogs.confirm(new DialogService.Confirmation("Migrate storage: " + cluster().name(),
                "Cancel the migration of " + cluster().name() + "?", "Closing the wizard cancels the running "
                + page().title().toLowerCase(Locale.ROOT) + " and releases the source lock. The objects copied so far are kept: a new "
                + "migration to the same destination resumes from them.", "Cancel the migration",
                page() == WizardPage.VERIFY ? "Keep verifying" : "Keep copying", true))) {
            return false;
        }
        close();
        return true;
    }

    /** Whether closing the window now would interrupt a copy or verify (the window asks first). */
    public boolean closingInterruptsWork() {
        return copy.state.get() == RunState.RUNNING || copy.state.get() == RunState.PAUSED || verify.state.get() == RunState.RUNNING
                || run.busy.get();
    }

    /** Whether the migration holds the source lock right now (preflight passed, not yet cut over, closed or cancelled). */
    public boolean holdsSourceLock() {
        MigrationSession s = run.session;
        return s != null && s.nextPhase() != null && s.nextPhase().compareTo(MigrationPhase.PLAN) >= 0
                && s.nextPhase() != MigrationPhase.FINISH;
    }

    // ---- what the pages show ----------------------------------------------------------------

    public ClusterLocation cluster() {
        return run.cluster;
    }

    public DestinationForm form() {
        return destination.form;
    }

    /** The checked destination with the settings (and session-only keys) it was checked with, once checked. */
    public Optional<Endpoint> checkedDestination() {
        return Optional.ofNullable(destination.report.get()).map(DestinationCheck.Report::destination);
    }

    /** What the admin must type on the cutover page. */
    public String confirmationWord() {
        return cutover.word();
    }

    /** The source root as shown to the admin (also accepted as the typed confirmation). */
    public String sourceDisplay() {
        return run.cluster.root().display();
    }

    /** Whether the typed text matches exactly (the cluster name, or the source root). */
    public boolean confirmationMatches() {
        return cutover.matches();
    }

    /** The plan's duration as the admin reads it ("under a second", "about 2m"; never "about 0s"). */
    public static String estimateText(MigrationPlan p) {
        return PlanStep.estimateText(p);
    }

    public EventPump pump() {
        return run.pump;
    }

    public ReadOnlyObjectProperty<WizardPage> pageProperty() {
        return navigation.page;
    }

    public WizardPage page() {
        return navigation.page.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return run.busy;
    }

    /** The latest failure, one or two sentences; empty when there is none (refusals are shown on their page). */
    public ReadOnlyStringProperty problemProperty() {
        return run.problem;
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return navigation.canNext;
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return navigation.canBack;
    }

    public ReadOnlyStringProperty nextLabelProperty() {
        return navigation.nextLabel;
    }

    /** Why Next is disabled, for the line beside the buttons. */
    public ReadOnlyStringProperty blockedReasonProperty() {
        return navigation.blockedReason;
    }

    public ReadOnlyBooleanProperty closedProperty() {
        return run.closed;
    }

    public ReadOnlyObjectProperty<DestinationCheck.Report> destinationProperty() {
        return destination.report;
    }

    public BooleanProperty writersStoppedProperty() {
        return preflight.writersStopped;
    }

    /** Read when preflight runs (again): the next run takes over the lock with this exact id. */
    public StringProperty takeOverLockIdProperty() {
        return preflight.takeOverLockId;
    }

    public ReadOnlyObjectProperty<PreflightReport> preflightProperty() {
        return preflight.report;
    }

    public ReadOnlyObjectProperty<MigrationPlan> planProperty() {
        return plan.plan;
    }

    public IntegerProperty concurrencyProperty() {
        return copy.concurrency;
    }

    public ReadOnlyObjectProperty<ProgressSnapshot> progressProperty() {
        return run.progress;
    }

    /** Engine notices and phase summaries, newest last (at most {@value #NOTICES_KEPT}). */
    public ObservableList<String> notices() {
        return run.notices;
    }

    public ReadOnlyObjectProperty<RunState> copyStateProperty() {
        return copy.state;
    }

    public ReadOnlyObjectProperty<CopyResult> copyProperty() {
        return copy.result;
    }

    public BooleanProperty deepVerifyProperty() {
        return verify.deep;
    }

    public ReadOnlyObjectProperty<RunState> verifyStateProperty() {
        return verify.state;
    }

    public ReadOnlyObjectProperty<VerifyReport> verifyProperty() {
        return verify.report;
    }

    public StringProperty typedProperty() {
        return cutover.typed;
    }

    public ReadOnlyObjectProperty<CutoverResult> cutoverProperty() {
        return cutover.cutover;
    }

    public ReadOnlyObjectProperty<FinishResult> finishProperty() {
        return cutover.finish;
    }

    public ReadOnlyStringProperty configEditStatusProperty() {
        return cutover.configEditStatus;
    }

    public ReadOnlyBooleanProperty configEditedProperty() {
        return cutover.configEdited;
    }
}
