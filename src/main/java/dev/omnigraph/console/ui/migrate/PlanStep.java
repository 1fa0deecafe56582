package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.common.Format;
import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.migrate.MigrationSession;
import java.time.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Step 3: both roots listed and compared; what the copy will write, skip and overwrite. */
final class PlanStep {
    private final WizardRun run;
    final ObjectProperty<MigrationPlan> plan = new SimpleObjectProperty<>();

    PlanStep(WizardRun run) {
        this.run = run;
    }

    void runPlan() {
        MigrationSession s = run.session;
        plan.set(null);
        run.work("Planning: listing both roots", ctx -> s.plan(new CopyControl(ctx).asProgress()), p -> {
            plan.set(p);
            if (!p.ok()) {
                run.problem.set("The plan is blocked: " + p.blocking().getFirst() + ". The source lock was released.");
            }
        });
    }

    /** Why Next is blocked on this step ("" when it is not). */
    String blocked() {
        MigrationPlan p = plan.get();
        return p == null ? "Planning…" : p.ok() ? "" : "The plan is blocked: see above.";
    }

    /**
     * The plan's rough duration as the admin reads it: nothing to write, under a second, or about
     * N (never "about 0s").
     */
    static String estimateText(MigrationPlan p) {
        if (p.work().objects() == 0) {
            return "nothing to write";
        }
        Duration d = p.estimate();
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? "under a second" : "about " + Format.duration(d);
    }
}
