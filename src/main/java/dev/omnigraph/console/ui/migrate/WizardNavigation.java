package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.MigrationPhase;
import dev.omnigraph.console.migrate.MigrationSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The wizard's state machine: which page is shown, whether Back and Next may be used (and if not,
 * why, in one short line: a refusal itself is shown once, on its page), and what Next and Back do.
 * Back is possible before the copy only; leaving preflight or plan closes the engine session,
 * which releases the source lock.
 */
final class WizardNavigation {
    private final WizardRun run;
    private final DestinationStep destination;
    private final PreflightStep preflight;
    private final PlanStep plan;
    private final CopyStep copy;
    private final VerifyStep verify;
    private final CutoverStep cutover;

    final ObjectProperty<WizardPage> page = new SimpleObjectProperty<>(WizardPage.DESTINATION);
    final BooleanProperty canNext = new SimpleBooleanProperty();
    final BooleanProperty canBack = new SimpleBooleanProperty();
    final StringProperty nextLabel = new SimpleStringProperty("Next");
    final StringProperty blockedReason = new SimpleStringProperty("");

    WizardNavigation(WizardRun run, DestinationStep destination, PreflightStep preflight, PlanStep plan, CopyStep copy, VerifyStep verify,
                     CutoverStep cutover) {
        this.run = run;
        this.destination = destination;
        this.preflight = preflight;
        this.plan = plan;
        this.copy = copy;
        this.verify = verify;
        this.cutover = cutover;
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {page, run.busy, run.closed, destination.report, preflight.report,
                plan.plan, copy.state, copy.result, verify.state, verify.report, cutover.typed, cutover.cutover, cutover.finish}) {
            o.addListener(x -> update());
        }
        update();
    }

    void update() {
        WizardPage p = page.get();
        String reason = run.busy.get() ? run.busyText.get() : switch (p) {
            case DESTINATION -> destination.blocked();
            case PREFLIGHT -> preflight.blocked();
            case PLAN -> plan.blocked();
            case COPY -> copy.blocked();
            case VERIFY -> verify.blocked();
            case CUTOVER -> cutover.blocked();
            case FINISH -> "";
        };
        boolean ended = run.closed.get();
        canNext.set(!ended && !run.busy.get() && reason.isEmpty());
        blockedReason.set(reason);
        canBack.set(!ended && !run.busy.get() && (p == WizardPage.PREFLIGHT || p == WizardPage.PLAN));
        nextLabel.set(switch (p) {
            case PREFLIGHT -> preflight.report.get() != null && preflight.report.get().alreadyDone() ? "Finish" : "Next";
            case CUTOVER -> "Cut over";
            case FINISH -> "Done";
            default -> "Next";
        });
    }

    /** Next: moves on, starting the next phase where it starts by itself; on Finish, closes. */
    void next(Runnable close) {
        if (!canNext.get()) {
            return;
        }
        run.problem.set("");
        switch (page.get()) {
            case DESTINATION -> page.set(WizardPage.PREFLIGHT);
            case PREFLIGHT -> {
                if (preflight.report.get().alreadyDone()) {
                    cutover.finishAlreadyDone(() -> page.set(WizardPage.FINISH));
                } else {
                    page.set(WizardPage.PLAN);
                    plan.runPlan();
                }
            }
            case PLAN -> {
                page.set(WizardPage.COPY);
                copy.start();
            }
            case COPY -> page.set(WizardPage.VERIFY);
            case VERIFY -> page.set(WizardPage.CUTOVER);
            case CUTOVER -> cutover.runCutover(() -> page.set(WizardPage.FINISH));
            case FINISH -> close.run();
        }
    }

    void back() {
        if (!canBack.get()) {
            return;
        }
        run.problem.set("");
        WizardPage target = WizardPage.values()[page.get().ordinal() - 1];
        MigrationSession old = run.session;
        boolean keepSession = old != null && old.nextPhase() == MigrationPhase.PREFLIGHT;
        if (!keepSession) {
            run.session = null;
            if (old != null) {
                run.work("Releasing the source lock", ctx -> {
                    old.close();
                    return Boolean.TRUE;
                }, x -> {});
            }
        }
        plan.plan.set(null);
        if (target == WizardPage.DESTINATION || target == WizardPage.PREFLIGHT) {
            preflight.report.set(null);
        }
        page.set(target);
    }
}
