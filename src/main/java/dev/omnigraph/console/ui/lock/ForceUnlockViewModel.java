package dev.omnigraph.console.ui.lock;

import dev.omnigraph.console.cluster.ClusterLayout;
import dev.omnigraph.console.cluster.LockService;
import dev.omnigraph.console.cluster.model.LockFile;
import dev.omnigraph.console.ui.common.Failures;
import dev.omnigraph.console.ui.common.LockStatus;
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
    private final java.util.Optional<dev.omnigraph.console.cluster.model.LockOperation.Meaning> meaning;
    private final boolean v2;
    private final BooleanProperty ownerStopped = new SimpleBooleanProperty(false);
    private final javafx.beans.binding.ObjectBinding<Tagged> match;

    public ForceUnlockViewModel(ClusterSession session, LockFile lock, String age) {
        this(session, lock, age, java.util.Optional.empty(), false);
    }

    /** For the lock as {@code status} explains it: on a v2 root the documented procedure (spec §5.4) applies. */
    public ForceUnlockViewModel(ClusterSession session, LockStatus status) {
        this(session, status.lock().orElseThrow(), status.ageText(), status.meaning(), status.v2());
    }

    private ForceUnlockViewModel(ClusterSession session, LockFile lock, String age,
                                 java.util.Optional<dev.omnigraph.console.cluster.model.LockOperation.Meaning> meaning, boolean v2) {
        this.session = session;
        this.lock = lock;
        this.age = age;
        this.meaning = meaning;
        this.v2 = v2;
        this.canConfirm = Bindings.createBooleanBinding(() -> lock.lockId().equals(typed.get()) && !running.get() && outcome.get() == null
                        && (!v2 || ownerStopped.get()), typed, running, outcome, ownerStopped);
        this.match = Bindings.createObjectBinding(() -> matchOf(lock.lockId(), typed.get()), typed);
    }

    /** Null while nothing is typed; "matches" only for the exact id; "does not match" otherwise (case counts). */
    static Tagged matchOf(String lockId, String typed) {
        if (typed == null || typed.isEmpty()) {
            return null;
        }
        if (lockId.equals(typed)) {
            return Tagged.ok("matches");
        }
        return Tagged.danger(lockId.equalsIgnoreCase(typed) ? "does not match: lock ids are case-sensitive" : "does not match");
    }

    /** Whether what is typed is the lock id, in words next to the field (like the cutover page). */
    public javafx.beans.binding.ObjectBinding<Tagged> matchProperty() {
        return match;
    }

    public String title() {
        return "Force unlock " + session.name();
    }

    /** Whether the admin must first confirm the owner is stopped (v2 roots: spec §5.4). */
    public boolean asksOwnerStopped() {
        return v2;
    }

    /** Ticked by the admin: the owning process is stopped and its work has settled. */
    public BooleanProperty ownerStoppedProperty() {
        return ownerStopped;
    }

    /** The checkbox's sentence, naming the owner. */
    public String ownerStoppedText() {
        return "I stopped the owner of this lock (" + lock.operation() + ", pid " + lock.pid() + ") and its graph and control "
                + "work has settled; no other admission or unlock is running.";
    }

    /** What to do after the unlock (reconcile the outstanding deployment, or restart the owner). */
    private String nextStep() {
        return meaning.map(dev.omnigraph.console.cluster.model.LockOperation.Meaning::nextStep).orElse("");
    }

    /** What is at risk, in words. */
    public String description() {
        if (v2 && meaning.isPresent()) {
            var m = meaning.get();
            return "This removes the state lock " + ClusterLayout.LOCK + " of " + session.location().root().display() + " (lock "
                    + lock.lockId() + ", pid " + lock.pid() + ", created "
                    + dev.omnigraph.console.ui.common.Times.of(lock.createdAt()) + ").\n\n"
                    + "What it means: " + m.summary() + ".\n\n"
                    + "If its owner is still alive: " + m.unlockBreaks() + ". OmniGraph v0.13 does no PID, host or age check; "
                    + m.ageNote() + "\n\n"
                    + "The documented procedure (OmniGraph v0.13): stop the owner, make sure its work has settled, then remove "
                    + "exactly this id. Afterwards: " + m.nextStep() + ".";
        }
        return "This removes the state lock " + ClusterLayout.LOCK + " of " + session.location().root().display() + ", taken by "
                + lock.operation() + " (pid " + lock.pid() + ") " + age + " ago, created " + dev.omnigraph.console.ui.common.Times.of(lock.createdAt()) + ".\n\n"
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
                    outcome.set(new Tagged(done.message() + (done.kind() == LockService.UnlockKind.REMOVED && !nextStep().isEmpty()
                            ? " Next: " + nextStep() + "." : ""), severity(done.kind())));
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
