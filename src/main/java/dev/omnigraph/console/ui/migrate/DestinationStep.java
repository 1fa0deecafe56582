package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.DestinationCheck;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Step 1: the destination form and its check (the capability probe, in a new engine session each
 * time). Editing the form drops the verdict and closes that session: a verdict always belongs to
 * what the form says now.
 */
final class DestinationStep {
    private final WizardRun run;
    final DestinationForm form = new DestinationForm();
    final ObjectProperty<DestinationCheck.Report> report = new SimpleObjectProperty<>();
    /** Whether the wizard shows this step (edits elsewhere are ignored). */
    private final java.util.function.BooleanSupplier shown;

    DestinationStep(WizardRun run, java.util.function.BooleanSupplier shown) {
        this.run = run;
        this.shown = shown;
        form.onEdit(this::edited);
    }

    /** Runs the capability probe on the destination (a new engine session each time). */
    void check() {
        if (run.busy.get() || !shown.getAsBoolean()) {
            return;
        }
        Endpoint target;
        try {
            target = form.endpoint(run.sourceS3, run.cwd);
        } catch (IllegalArgumentException e) {
            run.problem.set(e.getMessage());
            return;
        }
        MigrationSession old = run.session;
        run.session = null;
        report.set(null);
        MigrationRequest request = run.request(target, null);
        run.work("Checking the destination " + target.display(), ctx -> {
            WizardRun.closeQuietly(old);
            MigrationSession s = run.opener.open(request, run.home, run.pump);
            try {
                return new Opened<>(s, s.checkDestination());
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }, opened -> {
            run.session = opened.session();
            report.set(opened.result()); // a refusal is shown by the page's checklist and the footer line, not repeated
        });
    }

    record Opened<T>(MigrationSession session, T result) {}

    private void edited() {
        if (!shown.getAsBoolean() || run.busy.get()) {
            return;
        }
        if (report.get() != null || run.session != null) {
            report.set(null);
            MigrationSession old = run.session;
            run.session = null;
            run.closeInBackground(old);
        }
        run.problem.set("");
    }

    /** Why Next is blocked on this step ("" when it is not). */
    String blocked() {
        DestinationCheck.Report r = report.get();
        return r == null ? "Check the destination first." : r.ok() ? "" : "The destination was refused: see the checks above.";
    }
}
