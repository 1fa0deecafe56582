package dev.omnigraph.console.ui.lock;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.Severity;
import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.session.ClusterSession;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The force-unlock dialog's logic (upstream {@code cluster force-unlock <LOCK_ID>}, spec §5, §10).
 *
 * <p>Rules: the dialog names the lock, its operation and age; the confirm action is enabled only
 * while the typed text is exactly the lock id (no trimming, no case folding) and nothing runs; the
 * removal goes through {@link LockService} with the capability probe's
 * {@code supportsConditionalDelete()}, so it deletes only that exact lock; the outcome (removed,
 * already gone, id mismatch or re-acquired: nothing deleted) is reported in words and the
 * snapshot is re-read.
 */
public final class ForceUnlockViewModel {
    private final ClusterSession session;
    private final LockFile lock;
    private final String age;
    private final StringProperty typed = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<Tagged> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<LockService.UnlockOutcome> result = new SimpleObjectProperty<>();
    private final BooleanBinding canConfirm;

    public ForceUnlockViewModel(ClusterSession session, LockFile lock, String age) {
        this.session = session;
        this.lock = lock;
        this.age = age;
        this.canConfirm = Bindings.createBooleanBinding(() -> lock.lockId().equals(typed.get()) && !running.get() && outcome.get() == null,
                typed, running, outcome);
    }

    public String title() {
        return "Force unlock " + session.name();
    }

    /** What is at risk, in words. */
    public String description() {
        return "This removes the state lock " + ClusterLayout.LOCK + " of " + session.location().root().display() + ", taken by "
                + lock.operation() + " (pid " + lock.pid() + ") " + age + " ago, created " + lock.createdAt() + ".\n\n"
                + "Only do this when you are sure no " + lock.operation() + " is still running: a running command whose lock is "
                + "removed can be overtaken by another one, and their ledger writes would then race.\n\n"
                + "The lock is removed only if it still has exactly this id. Where the server honours a conditional delete "
                + "(DELETE If-Match) the server checks it; elsewhere the console first replaces exactly this lock with a claim of its "
                + "own (If-Match, operation " + dev.omnigraph.console.cluster.LockService.CLAIM_OPERATION + ") and then deletes only "
                + "that claim, so a lock taken again in between is never the one removed.";
    }

    public String lockId() {
        return lock.lockId();
    }

    public String operation() {
        return lock.operation();
    }

    public String age() {
        return age;
    }

    /** The confirm button's label, naming what it removes. */
    public String confirmLabel() {
        return "Remove lock " + lock.lockId();
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public boolean canConfirm() {
        return canConfirm.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyObjectProperty<Tagged> outcomeProperty() {
        return outcome;
    }

    public ReadOnlyObjectProperty<LockService.UnlockOutcome> resultProperty() {
        return result;
    }

    /** Runs the removal in the background (probe first, when it has not run). Ignored unless {@link #canConfirm()}. */
    public void confirm() {
        if (!canConfirm()) {
            return;
        }
        running.set(true);
        String id = lock.lockId();
        session.withProbe(report -> session.runner().run("Force unlock " + id,
                ctx -> new LockService(session.store(), report.supportsConditionalDelete()).forceUnlock(id),
                done -> {
                    running.set(false);
                    result.set(done);
                    outcome.set(new Tagged(done.message(), severity(done.kind())));
                    session.refresh();
                },
                this::failed), this::failed);
    }

    private void failed(Throwable e) {
        running.set(false);
        outcome.set(new Tagged(Failures.describe(e).oneLine() + " Refresh to see the lock as it is now.", Severity.DANGER));
    }

    static Severity severity(LockService.UnlockKind kind) {
        return switch (kind) {
            case REMOVED -> Severity.OK;
            case ALREADY_GONE -> Severity.INFO;
            case ID_MISMATCH, REACQUIRED, INVALID_LOCK, RELEASED_RECORD, OWNER_NOT_CONFIRMED -> Severity.DANGER;
        };
    }
}
