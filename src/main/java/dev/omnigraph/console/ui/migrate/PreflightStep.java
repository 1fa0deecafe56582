package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.CheckItem;
import dev.omnigraph.console.migrate.DestinationCheck;
import dev.omnigraph.console.migrate.Endpoint;
import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.MigrationRequest;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.PreflightReport;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 2: the admin confirms writers are stopped; preflight checks the source and takes its lock
 * (operation migrate-storage). After a refusal it runs again in a new session, checking the
 * destination again first.
 */
final class PreflightStep {
    private final WizardRun run;
    private final DestinationStep destination;
    final BooleanProperty writersStopped = new SimpleBooleanProperty();
    /** The exact id of a source lock to take over (a serve lock once writers are stopped, or an interrupted migration's). */
    final StringProperty takeOverLockId = new SimpleStringProperty("");
    final ObjectProperty<PreflightReport> report = new SimpleObjectProperty<>();

    PreflightStep(WizardRun run, DestinationStep destination) {
        this.run = run;
        this.destination = destination;
    }

    void runPreflight() {
        MigrationSession current = run.session;
        boolean stopped = writersStopped.get();
        Endpoint target = destination.report.get() == null ? null : destination.report.get().destination();
        if (target == null) {
            run.problem.set("Check the destination first.");
            return;
        }
        MigrationRequest request = run.request(target, takeOverLockId.get());
        report.set(null);
        run.work("Preflight: checking the source and taking its lock", ctx -> {
            MigrationSession s = current;
            if (s == null || s.nextPhase() != MigrationPhase.PREFLIGHT) {
                WizardRun.closeQuietly(s);
                s = run.opener.open(request, run.home, run.pump);
                DestinationCheck.Report again = s.checkDestination();
                if (!again.ok()) {
                    return new DestinationStep.Opened<>(s, (Object) again);
                }
            }
            return new DestinationStep.Opened<>(s, (Object) s.preflight(stopped));
        }, opened -> {
            run.session = opened.session();
            if (opened.result() instanceof DestinationCheck.Report again) {
                destination.report.set(again);
                run.problem.set("The destination is refused now: " + again.refusal().map(CheckItem::message).orElse("see the checks"));
                return;
            }
            report.set((PreflightReport) opened.result()); // a refusal is shown on the page, once
        });
    }

    /** Why Next is blocked on this step ("" when it is not). */
    String blocked() {
        PreflightReport r = report.get();
        if (r == null) {
            return "Confirm that graph writers are stopped and run the preflight.";
        }
        return r.alreadyDone() || r.ok() ? "" : "Preflight refused the migration: see why above.";
    }
}
