package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.migrate.MigrationPhase;

/** The wizard's pages, one per migration phase, in order. */
public enum WizardPage {
    DESTINATION(MigrationPhase.DESTINATION),
    PREFLIGHT(MigrationPhase.PREFLIGHT),
    PLAN(MigrationPhase.PLAN),
    COPY(MigrationPhase.COPY),
    VERIFY(MigrationPhase.VERIFY),
    CUTOVER(MigrationPhase.CUTOVER),
    FINISH(MigrationPhase.FINISH);

    private final MigrationPhase phase;

    WizardPage(MigrationPhase phase) {
        this.phase = phase;
    }

    public MigrationPhase phase() {
        return phase;
    }

    public String title() {
        return phase.title();
    }

    /** "Step 3 of 7: Plan". */
    public String stepTitle() {
        return "Step " + (ordinal() + 1) + " of " + values().length + ": " + title();
    }
}
