package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.ConfigEdit;
import dev.omnigraph.console.migrate.Confirmation;
import dev.omnigraph.console.migrate.CutoverResult;
import dev.omnigraph.console.migrate.FinishResult;
import dev.omnigraph.console.migrate.MigrationSession;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Steps 6 and 7: the typed confirmation and the cutover (the destination ledger, create-only),
 * then the finish (report, storage: line, optional in-place edit of cluster.yaml).
 */
final class CutoverStep {
    private final WizardRun run;
    final StringProperty typed = new SimpleStringProperty("");
    final ObjectProperty<CutoverResult> cutover = new SimpleObjectProperty<>();
    final ObjectProperty<FinishResult> finish = new SimpleObjectProperty<>();
    final StringProperty configEditStatus = new SimpleStringProperty("");
    final BooleanProperty configEdited = new SimpleBooleanProperty();

    CutoverStep(WizardRun run) {
        this.run = run;
    }

    /** What the admin must type. */
    String word() {
        return run.cluster.name();
    }

    boolean matches() {
        String t = typed.get();
        return t != null && (t.equals(word()) || t.equals(run.cluster.root().display()));
    }

    /** Cuts over; on success the finish runs at once and {@code onFinished} shows its page. */
    void runCutover(Runnable onFinished) {
        MigrationSession s = run.session;
        Confirmation confirmation = Confirmation.typed(typed.get());
        run.work("Cutover: writing the ledger at " + s.destination().display(), ctx -> {
            CutoverResult r = s.cutover(confirmation);
            return new Done(r, r.authoritative() ? Optional.of(s.finish(run.cwd)) : Optional.empty());
        }, done -> {
            cutover.set(done.cutover());
            if (done.finish().isPresent()) {
                finish.set(done.finish().get());
                onFinished.run();
            } else {
                run.problem.set("Cutover was refused: " + done.cutover().message());
            }
        });
    }

    private record Done(CutoverResult cutover, Optional<FinishResult> finish) {}

    /** Preflight found the migration already done: only the finish runs. */
    void finishAlreadyDone(Runnable onFinished) {
        MigrationSession s = run.session;
        run.work("Finishing", ctx -> s.finish(run.cwd), f -> {
            finish.set(f);
            onFinished.run();
        });
    }

    void applyConfigEdit() {
        FinishResult f = finish.get();
        if (f == null || f.configEdit().isEmpty() || run.busy.get() || configEdited.get()) {
            return;
        }
        ConfigEdit.Proposal proposal = f.configEdit().get();
        run.work("Editing " + proposal.file(), ctx -> {
            ConfigEdit.apply(proposal);
            return proposal.file();
        }, file -> {
            configEdited.set(true);
            configEditStatus.set("Updated " + file + ". Pending approvals must be given again (the config digest changed).");
        });
    }

    /** Why Next is blocked on this step ("" when it is not). */
    String blocked() {
        return matches() ? "" : "Type the cluster name '" + word() + "' exactly.";
    }
}
