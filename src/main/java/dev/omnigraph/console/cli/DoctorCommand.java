package dev.omnigraph.console.cli;

import dev.omnigraph.console.cluster.doctor.BootVerdict;
import dev.omnigraph.console.cluster.doctor.DoctorReport;
import dev.omnigraph.console.cluster.doctor.DoctorReports;
import dev.omnigraph.console.cluster.doctor.ServingDoctor;
import dev.omnigraph.console.common.Progress;
import dev.omnigraph.console.storage.ObjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code doctor}: would {@code omnigraph-server --cluster <root>} boot, and which graphs would it quarantine? Exit 1 when it would refuse. */
@Command(name = "doctor", description = "would omnigraph-server --cluster boot, and which graphs would it quarantine? (read-only)",
        customSynopsis = "omnigraph-console doctor (--root URI | --config DIR) [--json] [S3 options]",
        footer = {"",
            "Replays the server's boot checks on the stored state (recovery sidecars, ledger, embedding",
            "providers, catalog payloads hashed, policy bindings and scopes, graph roots). On an OmniGraph",
            "v0.13 root (ledger v2) it first replays v0.13's admission: ledger_upgrade_required, the lock and",
            "what it means (state_lock_held), an outstanding deployment and its bundle; remedies name v0.13",
            "commands. Every report shows the ledger generation, which releases can serve the root, and what",
            "'cluster upgrade-ledger --writers-stopped' would do and what blocks it. Exit 1 when the server",
            "would refuse to boot; quarantined graphs alone exit 0."})
final class DoctorCommand extends CliCommand {
    @Mixin
    RootOptions cluster;

    @Mixin
    JsonOption output;

    DoctorCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run() throws Exception {
        RootOptions.Resolved root = cluster.resolve(ctx);
        DoctorReport report;
        try (ObjectStore store = root.open()) {
            report = ServingDoctor.run(store, root.location(), Progress.NONE);
        }
        String name = root.location().name();
        String display = root.uri().display();
        if (output.json) {
            Json.print(ctx.out(), DoctorReports.json(name, display, report));
        } else {
            ctx.out().print(DoctorReports.text(name, display, report));
        }
        return report.verdict() == BootVerdict.REFUSES ? CliMain.FINDINGS : CliMain.OK;
    }
}
