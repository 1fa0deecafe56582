package dev.omnigraph.console.ui.backups;

import dev.omnigraph.console.backup.BackupControl;
import dev.omnigraph.console.backup.BackupOptions;
import dev.omnigraph.console.backup.RestorePlan;
import dev.omnigraph.console.backup.RestorePlanner;
import dev.omnigraph.console.backup.RestorePoint;
import dev.omnigraph.console.backup.RestoreResult;
import dev.omnigraph.console.backup.Restorer;
import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.storage.ObjectStore;
import dev.omnigraph.console.storage.StoreUri;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.UserMessage;
import dev.omnigraph.console.ui.session.ClusterSession;
import dev.omnigraph.console.ui.task.ProgressModel;
import dev.omnigraph.console.ui.task.TaskHandle;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The restore wizard: target, plan (reading only: what is copied, kept, or why it is refused),
 * typed confirmation (the point id), then the restore with progress, pause, cancel and resume
 * (an interrupted restore is taken over by its lock id). The plan is dropped when the target
 * changes; restoring is enabled only for the plan on screen.
 */
public final class RestoreWizardViewModel {
    private final ClusterSession session;
    private final StoreUri location;
    private final RestorePoint point;
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty takeOverLockId = new SimpleStringProperty("");
    private final BooleanProperty writersStopped = new SimpleBooleanProperty(false);
    private final ObjectProperty<RestorePlan> plan = new SimpleObjectProperty<>();
    private final StringProperty typed = new SimpleStringProperty("");
    private final ObjectProperty<RestoreResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Tagged> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<UserMessage> failure = new SimpleObjectProperty<>();
    private final ProgressModel progress = new ProgressModel();
    private final BooleanBinding canRestore;
    private BackupControl control = new BackupControl();
    private TaskHandle handle = TaskHandle.DONE;
    private StoreUri planned;

    public RestoreWizardViewModel(ClusterSession session, StoreUri location, RestorePoint point) {
        this.session = session;
        this.location = location;
        this.point = point;
        target.addListener((o, a, b) -> {
            plan.set(null);
            outcome.set(null);
        });
        takeOverLockId.addListener((o, a, b) -> plan.set(null));
        this.canRestore = Bindings.createBooleanBinding(() -> {
            RestorePlan p = plan.get();
            return p != null && p.verdict() != RestorePlan.Verdict.REFUSED && point.pointId().equals(typed.get() == null ? "" : typed.get().trim())
                    && (p.targetEmpty() || writersStopped.get() || p.verdict() == RestorePlan.Verdict.DONE) && !progress.isRunning()
                    && result.get() == null;
        }, plan, typed, writersStopped, progress.runningProperty(), result);
    }

    /** Plans the restore into the target typed (reads only). */
    public void plan() {
        StoreUri uri;
        try {
            uri = BackupJobs.location(target.get());
        } catch (IllegalArgumentException e) {
            failure.set(new UserMessage("Not a storage root", e.getMessage(), "Give an empty folder or s3://bucket/prefix."));
            return;
        }
        failure.set(null);
        result.set(null);
        progress.start("Comparing " + uri.display() + " with restore point " + point.pointId() + "…", ProgressModel.Unit.BYTES, null);
        Optional<String> takeOver = Optional.ofNullable(takeOverLockId.get()).map(String::trim).filter(s -> !s.isEmpty());
        handle = session.runner().run("Plan restore of " + point.pointId(), ctx -> {
            BackupControl c = new BackupControl();
            try (ObjectStore backups = BackupJobs.open(session, location); ObjectStore root = BackupJobs.open(session, uri)) {
                return new RestorePlanner(backups, root, c, BackupJobs.listener(ctx, c)).plan(point, takeOver, BackupOptions.DEFAULT_CONCURRENCY);
            }
        }, p -> {
            progress.finish();
            planned = uri;
            plan.set(p);
            outcome.set(switch (p.verdict()) {
                case READY -> Tagged.info(p.reason());
                case DONE -> Tagged.ok(p.reason());
                case REFUSED -> Tagged.danger("Refused: " + p.reason());
            });
        }, this::failed, progress::update);
        if (progress.isRunning()) {
            progress.attach(handle);
        }
    }

    /** Restores the planned point. Ignored unless {@link #canRestore()}. */
    public void restore() {
        if (!canRestore()) {
            return;
        }
        RestorePlan p = plan.get();
        StoreUri uri = planned;
        control = new BackupControl();
        BackupControl c = control;
        BackupOptions options = new BackupOptions(writersStopped.get(), Optional.ofNullable(takeOverLockId.get()), BackupOptions.DEFAULT_CONCURRENCY);
        progress.start("Restoring " + point.pointId() + " into " + uri.display() + " (" + p.toCopy().size() + " objects, "
                + Format.bytes(p.bytesToCopy()) + "), the ledger last…", ProgressModel.Unit.BYTES, null);
        handle = session.runner().run("Restore " + point.pointId() + " into " + uri.display(), ctx -> {
            try (ObjectStore backups = BackupJobs.open(session, location); ObjectStore root = BackupJobs.open(session, uri)) {
                return new Restorer(backups, root, c, BackupJobs.listener(ctx, c)).restore(p, options);
            }
        }, r -> {
            progress.finish();
            result.set(r);
            outcome.set(r.ok() ? Tagged.ok(r.message()) : Tagged.danger(r.message() + r.lockProblem().map(x -> " — " + x).orElse("")));
        }, this::failed, progress::update);
        if (progress.isRunning()) {
            progress.attach(handle);
        }
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** Cancels: no ledger is written; our lock is released; planning again and restoring continues where it stopped. */
    public void cancel() {
        control.cancel();
        handle.cancel();
        progress.cancel();
    }

    private void failed(Throwable e) {
        progress.finish();
        failure.set(Failures.describe(e));
    }

    public String title() {
        return "Restore " + point.pointId() + " — " + session.name();
    }

    public String confirmationPrompt() {
        return "Type the point id " + point.pointId() + " to restore it (create-only: nothing at the target is overwritten; the ledger "
                + "is written last)";
    }

    public boolean canRestore() {
        return canRestore.get();
    }

    public BooleanBinding canRestoreProperty() {
        return canRestore;
    }

    public RestorePoint point() {
        return point;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty takeOverLockIdProperty() {
        return takeOverLockId;
    }

    public BooleanProperty writersStoppedProperty() {
        return writersStopped;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public ObjectProperty<RestorePlan> planProperty() {
        return plan;
    }

    public ObjectProperty<RestoreResult> resultProperty() {
        return result;
    }

    public ObjectProperty<Tagged> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<UserMessage> failureProperty() {
        return failure;
    }

    public ProgressModel progress() {
        return progress;
    }
}
