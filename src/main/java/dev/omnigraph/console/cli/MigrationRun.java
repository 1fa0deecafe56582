package dev.omnigraph.console.cli;

import dev.omnigraph.console.migrate.ConfigEdit;
import dev.omnigraph.console.migrate.Confirmation;
import dev.omnigraph.console.migrate.CopyControl;
import dev.omnigraph.console.migrate.CopyResult;
import dev.omnigraph.console.migrate.CutoverResult;
import dev.omnigraph.console.migrate.DestinationCheck;
import dev.omnigraph.console.migrate.FinishResult;
import dev.omnigraph.console.migrate.MigrationPlan;
import dev.omnigraph.console.migrate.MigrationSession;
import dev.omnigraph.console.migrate.PreflightReport;
import dev.omnigraph.console.migrate.VerifyReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phases of one {@code migrate-storage} run over an open session: destination check,
 * preflight, plan, copy, verify, cutover, finish. Each phase's result goes to {@code out} as
 * sentences and into {@code result} for {@code --json}; the first refusal ends the run (exit 1).
 */
final class MigrationRun {
    /** What the admin said on the command line. */
    record Choices(boolean json, boolean yes, boolean writersStopped, boolean editConfig) {}

    private final MigrationSession session;
    private final CliContext ctx;
    private final PrintStream out;
    private final CopyControl control;
    private final Map<String, Object> result;
    private final Choices choices;

    MigrationRun(MigrationSession session, CliContext ctx, PrintStream out, CopyControl control, Map<String, Object> result, Choices choices) {
        this.session = session;
        this.ctx = ctx;
        this.out = out;
        this.control = control;
        this.result = result;
        this.choices = choices;
    }

    int phases() throws Exception {
        DestinationCheck.Report destination = session.checkDestination();
        MigrationText.checks(out, "Destination", destination.items());
        result.put("destination_check", MigrationText.json(destination));
        if (!destination.ok()) {
            return refused("the destination was refused: " + destination.refusal().map(i -> i.message()).orElse(""));
        }
        boolean writersStopped = choices.writersStopped() || Prompts.ask(ctx, choices.json(), "Is every server, apply and graph writer "
                + "(omnigraph-server, cluster apply, ingest jobs) of this cluster stopped? Type 'yes': ").equals("yes");
        PreflightReport preflight = session.preflight(writersStopped);
        out.println();
        MigrationText.checks(out, "Preflight", preflight.items());
        result.put("preflight", MigrationText.json(preflight));
        if (preflight.alreadyDone()) {
            out.println("\nThe destination already holds exactly this cluster's ledger: the migration is done.");
            return finish("already-done");
        }
        if (!preflight.ok()) {
            String why = preflight.refusals().getFirst().message();
            if (!writersStopped && preflight.refusals().stream().anyMatch(i -> i.name().equals("graph writers"))) {
                why += " (pass --writers-stopped)";
            }
            return refused("preflight refused: " + why);
        }
        String copyRefusal = copyAndVerify();
        return copyRefusal != null ? refused(copyRefusal) : cutover(preflight);
    }

    /** Plan, copy and verify; the refusal when one of them stops the run, else null. */
    private String copyAndVerify() throws Exception {
        MigrationPlan plan = session.plan(control.asProgress());
        out.println();
        MigrationText.plan(out, plan);
        result.put("plan", MigrationText.json(plan));
        if (!plan.ok()) {
            return "the plan is blocked: " + plan.blocking().getFirst();
        }
        out.println();
        CopyResult copy = session.copy(control);
        MigrationText.copy(out, copy);
        result.put("copy", MigrationText.json(copy));
        if (!copy.ok()) {
            return copy.failed() + " object(s) failed to copy; the destination is not authoritative. Run again to retry them.";
        }
        VerifyReport verify = session.verify(control);
        MigrationText.verify(out, verify);
        result.put("verify", MigrationText.json(verify));
        return verify.ok() ? null : "verification found " + verify.mismatches() + " mismatch(es): cutover is blocked";
    }

    private int cutover(PreflightReport preflight) throws Exception {
        Confirmation confirmation = confirmation(preflight);
        if (confirmation == null) {
            return refused("cutover needs --yes or the cluster's name typed at the prompt; everything is copied and verified, and a "
                    + "re-run with --yes skips it all and cuts over");
        }
        if (!session.confirms(confirmation)) {
            return refused("the typed name does not match '" + session.confirmationWord() + "': nothing was written at the destination");
        }
        CutoverResult cutover = session.cutover(confirmation);
        out.println("\nCutover: " + cutover.message());
        cutover.warnings().forEach(w -> out.println("  warning: " + w));
        cutover.sourceLock().flatMap(l -> l.lockId().map(id -> l.undo())).ifPresent(undo -> out.println(
                "\nThe source is locked as 'migrated' so nothing starts on it. To roll back, remove that lock:\n  " + undo));
        result.put("cutover", MigrationText.json(cutover));
        if (!cutover.authoritative()) {
            return refused("cutover refused: " + cutover.message());
        }
        return finish("succeeded");
    }

    private Confirmation confirmation(PreflightReport preflight) {
        if (choices.yes()) {
            return Confirmation.givenUpFront();
        }
        if (!ctx.interactive() || choices.json()) {
            return null;
        }
        out.println("\nCutover will write the ledger (" + preflight.ledger().map(l -> l.cas()).orElse("?") + ") at "
                + session.destination().display() + " with a create-only put, making it authoritative, and then "
                + (preflight.ledger().map(l -> l.generation().isV2()).orElse(false)
                ? "leave the source locked as 'migrated' (OmniGraph v0.13 starts nothing on a locked root)."
                : "release the source lock."));
        out.println("The source's data stays as it is; rolling back means removing that lock (if any) and pointing storage: at it again.");
        return Confirmation.typed(Prompts.ask(ctx, choices.json(), "Type the cluster name '" + session.confirmationWord() + "' to cut over: "));
    }

    private int finish(String outcome) throws IOException {
        FinishResult finish = session.finish(ctx.cwd());
        result.put("ok", true);
        result.put("outcome", outcome);
        result.put("storage_line", finish.storageLine());
        out.println("\nPut this in cluster.yaml:  " + finish.storageLine());
        Map<String, Object> edit = new LinkedHashMap<>();
        if (finish.configEdit().isPresent()) {
            editConfig(finish.configEdit().get(), edit);
        } else {
            finish.configEditIssue().ifPresent(i -> {
                edit.put("problem", i);
                out.println("(" + i + ")");
            });
        }
        result.put("config_edit", edit);
        result.put("report", finish.report().toString());
        out.println("Report: " + finish.report() + " (and .md)");
        return CliMain.OK;
    }

    private void editConfig(ConfigEdit.Proposal proposal, Map<String, Object> edit) {
        edit.put("file", proposal.file().toString());
        edit.put("diff", proposal.diff());
        out.println();
        out.print(proposal.diff());
        boolean apply = choices.editConfig() && (choices.yes()
                || Prompts.ask(ctx, choices.json(), "Apply this change to " + proposal.file() + "? Type 'yes': ").equals("yes"));
        if (!apply) {
            edit.put("applied", false);
            out.println(choices.editConfig() ? "cluster.yaml was not edited." : "Run again with --edit-config to apply it (the run "
                    + "finds the migration done and only edits the file).");
            return;
        }
        try {
            ConfigEdit.apply(proposal);
            edit.put("applied", true);
            out.println("Updated " + proposal.file() + ". Pending approvals must be given again (the config digest changed).");
        } catch (ConfigEdit.EditException e) {
            edit.put("applied", false);
            edit.put("problem", e.getMessage());
            out.println("cluster.yaml was not edited: " + e.getMessage());
        }
    }

    private int refused(String message) {
        result.put("ok", false);
        result.put("outcome", "refused");
        result.put("message", message);
        if (!choices.json()) {
            ctx.err().println("error: " + message);
        }
        return CliMain.FINDINGS;
    }
}
